/**
 * The bounds that keep upfront's work small whatever a file holds. A real policy is a
 * few kilobytes, a few levels deep, and has no aliases; these leave ample room for one
 * and none for a "billion laughs" or a file that is really a disk image.
 */

/** Largest policy file read: room for every note at its longest, far below a hang. */
export const maxPolicyBytes = 256 * 1024;

/** Deepest nesting the YAML parser is given: far beyond any policy, far below what breaks the parser. */
export const maxParseDepth = 100;

/** Deepest nesting of answers; the schema itself is 6 levels deep. */
export const maxDepth = 24;

/** Most alias uses (`*name`) in one file; each can copy a whole block. */
export const maxAliasCount = 50;

/** Most YAML syntax errors listed per file; later ones are mostly echoes of the first. */
export const maxSyntaxErrors = 20;

/** Most findings listed per file before upfront says there are more. */
export const maxFindingsPerFile = 100;
