/**
 * load: files on disk → YAML documents with positions, and the wording.
 */
export { readPolicies, type PolicySource } from './read-policies.js';
export { parsePolicy, lineColumn, type ParsedPolicy, type ParseResult } from './parse-policy.js';
export { maxPolicyBytes, maxDepth, maxAliasCount, maxFindingsPerFile } from './limits.js';
export { shopIdProblem } from './shop-id.js';
export { readTemplates, listTemplateLanguages, type TemplateSet, type LanguageTemplates } from './read-templates.js';
