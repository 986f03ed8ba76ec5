/**
 * load: files on disk → YAML documents with positions, and the wording.
 */
export { readPolicies, type PolicySource } from './read-policies.js';
export { parsePolicy, maxPolicyBytes, type ParsedPolicy, type ParseResult } from './parse-policy.js';
export { readTemplates, listTemplateLanguages, type TemplateSet, type LanguageTemplates } from './read-templates.js';
