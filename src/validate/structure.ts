/**
 * The checks on a YAML document's shape that run before any data is built from it:
 * keys that could reach an object's prototype, duplicate keys, keys that are not words,
 * aliases that point nowhere or multiply, and runaway nesting. Each stays bounded in
 * work however hostile the file, because none of them expands an alias.
 */
import { isCollection, isPair, isScalar, isSeq, visit, type Alias, type Node, type Pair } from 'yaml';
import { UpfrontError } from '../errors/upfront-error.js';
import type { ErrorCode } from '../errors/catalogue.js';
import { codeFrame } from '../errors/frame.js';
import { lineColumn, maxAliasCount, maxDepth, maxFindingsPerFile, type ParsedPolicy } from '../load/index.js';

/** Keys that could reach an object's prototype if a consumer copied them blindly. */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface StructureCheck {
  findings: UpfrontError[];
  /** True when the document cannot safely be turned into data (the schema is not run). */
  blocking: boolean;
}

/**
 * @param parsed a document from `parsePolicy`
 */
export function checkStructure(parsed: ParsedPolicy): StructureCheck {
  const findings: UpfrontError[] = [];
  let blocking = false;
  let aliases = 0;
  const full = () => findings.length > maxFindingsPerFile;
  const report = (code: ErrorCode, node: Node | null | undefined, message: string, hint?: string) => {
    const offset = node?.range?.[0] ?? 0;
    const [line, column] = lineColumn(parsed, offset);
    findings.push(new UpfrontError(code, { message, ...(hint ? { hint } : {}), file: parsed.file, line, column, frame: codeFrame(parsed.lines, line, column) }));
  };

  visit(parsed.document, {
    Map(_, map, path) {
      if (full()) return visit.BREAK;
      if (nesting(path) + 1 > maxDepth) {
        blocking = true;
        report('yaml-too-complex', map, `The answers are nested more than ${maxDepth} levels deep here; a policy needs no more than 6.`);
        return visit.BREAK;
      }
      const seen = new Map<string, Pair>();
      for (const pair of map.items) {
        if (full()) return visit.BREAK;
        if (!isScalar(pair.key)) {
          if (pair.key !== null) {
            blocking = true;
            report('yaml-syntax', pair.key as Node, 'A key must be a single word; here it is a list or a block.', 'Write the key as a word followed by a colon, like `name:`.');
          }
          continue;
        }
        const name = String(pair.key.value);
        if (forbiddenKeys.has(name)) {
          report('forbidden-key', pair.key, `\`${name}\` is a reserved name in JavaScript and cannot be used as a key.`);
        }
        const first = seen.get(name);
        if (first) {
          const [firstLine] = lineColumn(parsed, (first.key as Node).range?.[0] ?? 0);
          const where = pathOf(path, map);
          report('yaml-duplicate-key', pair.key, `\`${name}\` appears twice${where ? ` under \`${where}\`` : ''}; the first is on line ${firstLine}.`, 'Keep one of the two and delete the other; upfront will not guess which one you meant.');
        } else {
          seen.set(name, pair);
        }
      }
      return undefined;
    },
    Seq(_, seq, path) {
      if (full()) return visit.BREAK;
      if (nesting(path) + 1 > maxDepth) {
        blocking = true;
        report('yaml-too-complex', seq, `The answers are nested more than ${maxDepth} levels deep here; a policy needs no more than 6.`);
        return visit.BREAK;
      }
      return undefined;
    },
    Alias(_, alias) {
      if (full()) return visit.BREAK;
      aliases++;
      if (aliases > maxAliasCount) {
        blocking = true;
        report('yaml-too-complex', alias, `The file uses more than ${maxAliasCount} aliases (*name); expanded, they could make it enormous.`);
        return visit.BREAK;
      }
      if (!resolves(parsed, alias)) {
        blocking = true;
        report(
          'yaml-syntax',
          alias,
          `\`*${alias.source}\` refers to an anchor \`&${alias.source}\` that is not defined above it.`,
          'A value that starts with * must be in quotes, like "*Limited edition".',
        );
      }
      return undefined;
    },
  });
  return { findings, blocking };
}

function resolves(parsed: ParsedPolicy, alias: Alias): boolean {
  try {
    return alias.resolve(parsed.document) !== undefined;
  } catch {
    return false;
  }
}

/** How many collections enclose a node. */
function nesting(path: readonly unknown[]): number {
  return path.filter((step) => isCollection(step)).length;
}

/** The dotted path of a node from the visitor's ancestors: `shipping.zones[0]`. */
function pathOf(ancestors: readonly unknown[], node: unknown): string {
  const chain = [...ancestors, node];
  let out = '';
  for (let i = 0; i < chain.length; i++) {
    const step = chain[i];
    if (isPair(step) && isScalar(step.key)) out = out ? `${out}.${String(step.key.value)}` : String(step.key.value);
    if (isSeq(step)) {
      const index = step.items.indexOf(chain[i + 1] as never);
      if (index >= 0) out = `${out}[${index}]`;
    }
  }
  return out;
}
