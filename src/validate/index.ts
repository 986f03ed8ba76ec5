/**
 * validate: parsed YAML → a typed, defaulted Policy, with every error and warning of
 * the file found in one pass, each pointing at its line and column.
 */
import { isMap, isScalar, visit } from 'yaml';
import { UpfrontError } from '../errors/upfront-error.js';
import { codeFrame } from '../errors/frame.js';
import { lineColumn, type ParsedPolicy } from '../load/parse-policy.js';
import { locate, valueAt, type PathKey } from './positions.js';
import { rules, type RuleContext } from './rules.js';
import { schemaFindings } from './schema-issues.js';
import { policySchema, type Policy } from './schema.js';

export interface Validation {
  /** The policy, when it has no errors. */
  policy?: Policy;
  errors: UpfrontError[];
  warnings: UpfrontError[];
}

/** Keys that could reach an object's prototype if a consumer copied them blindly. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
/** Bounds the work of expanding aliases (a "billion laughs" file). */
const maxAliasCount = 50;
const maxDepth = 24;

/**
 * Checks one parsed policy file against the schema and the cross-field rules.
 * @param parsed a document from `parsePolicy`
 */
export function validatePolicy(parsed: ParsedPolicy): Validation {
  const structural = structuralFindings(parsed);
  if (structural.length > 0) return { errors: structural, warnings: [] };

  let data: unknown;
  try {
    data = parsed.document.toJS({ maxAliasCount });
  } catch (cause) {
    return { errors: [finding(parsed, 'yaml-too-complex', [], `The file expands into too much data (${(cause as Error).message}).`)], warnings: [] };
  }

  const result = policySchema.safeParse(data);
  if (!result.success) {
    return { errors: sortByPosition(schemaFindings(parsed, result.error.issues)), warnings: [] };
  }

  const findings: UpfrontError[] = [];
  const ctx: RuleContext = {
    policy: result.data,
    written: (path) => valueAt(parsed.document, path) !== undefined,
    report: (code, path, message, hint) => findings.push(finding(parsed, code, path, message, hint)),
  };
  for (const rule of rules) rule(ctx);
  const sorted = sortByPosition(findings);
  const errors = sorted.filter((f) => f.severity === 'error');
  return {
    ...(errors.length === 0 ? { policy: result.data } : {}),
    errors,
    warnings: sorted.filter((f) => f.severity === 'warning'),
  };
}

/** Forbidden keys and runaway nesting, found before any data is built. */
function structuralFindings(parsed: ParsedPolicy): UpfrontError[] {
  const found: UpfrontError[] = [];
  visit(parsed.document, {
    Pair(_, pair, path) {
      if (isScalar(pair.key) && forbiddenKeys.has(String(pair.key.value)) && pair.key.range) {
        const [line, column] = lineColumn(parsed.lineCounter, pair.key.range[0]);
        found.push(
          new UpfrontError('forbidden-key', { message: `\`${String(pair.key.value)}\` cannot be used as a key.`, file: parsed.file, line, column, frame: codeFrame(parsed.text, line, column) }),
        );
      }
      if (path.length > maxDepth * 2 && isMap(pair.value) && pair.key && isScalar(pair.key) && pair.key.range) {
        const [line, column] = lineColumn(parsed.lineCounter, pair.key.range[0]);
        found.push(new UpfrontError('yaml-too-complex', { message: `The answers are nested more than ${maxDepth} levels deep here.`, file: parsed.file, line, column }));
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function finding(parsed: ParsedPolicy, code: ConstructorParameters<typeof UpfrontError>[0], path: readonly PathKey[], message: string, hint?: string): UpfrontError {
  const { line, column } = locate(parsed, path);
  return new UpfrontError(code, { message, file: parsed.file, line, column, frame: codeFrame(parsed.text, line, column), ...(hint ? { hint } : {}) });
}

function sortByPosition(findings: UpfrontError[]): UpfrontError[] {
  return [...findings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

export type { Policy } from './schema.js';

/**
 * Every language a policy lists must have a folder of templates.
 * @param parsed the policy file, for positions
 * @param policy its validated answers
 * @param available the language folders in templates/
 */
export function languageFindings(parsed: ParsedPolicy, policy: Policy, available: readonly string[]): UpfrontError[] {
  return policy.shop.languages.flatMap((language, i) =>
    available.includes(language)
      ? []
      : [finding(parsed, 'missing-templates', ['shop', 'languages', i], `There are no templates for the language "${language}".`, `Languages with templates: ${available.join(', ') || 'none'}. Copy templates/en to templates/${language} and translate it, or remove "${language}".`)],
  );
}
