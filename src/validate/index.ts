/**
 * validate: parsed YAML → a typed, defaulted Policy, with every error and warning of
 * the file found in one pass, each pointing at its line and column.
 *
 * Order of work: the document's structure (forbidden and duplicate keys, aliases,
 * nesting), then the schema, then the cross-field rules. Each later step runs only when
 * the earlier ones leave data it can trust: the schema is skipped for a file with YAML
 * syntax errors, the rules for a file the schema rejects.
 */
import { UpfrontError } from '../errors/upfront-error.js';
import type { ErrorCode } from '../errors/catalogue.js';
import { codeFrame } from '../errors/frame.js';
import { visit } from 'yaml';
import { lineColumn, maxAliasCount, maxFindingsPerFile, type ParsedPolicy } from '../load/index.js';
import { locate, valueAt, type PathKey } from './positions.js';
import { rules, type RuleContext } from './rules.js';
import { schemaFindings } from './schema-issues.js';
import { policySchema, type Policy } from './schema.js';
import { checkStructure } from './structure.js';

export interface Validation {
  /** The policy, when it has no errors. */
  policy?: Policy;
  errors: UpfrontError[];
  warnings: UpfrontError[];
}

/**
 * Checks one parsed policy file: structure, schema and cross-field rules.
 * @param parsed a document from `parsePolicy` (possibly with syntax errors)
 */
export function validatePolicy(parsed: ParsedPolicy): Validation {
  const structure = checkStructure(parsed);
  if (parsed.broken || structure.blocking) return split(structure.findings);

  let data: unknown;
  try {
    data = parsed.document.toJS({ maxAliasCount });
  } catch {
    // checkStructure bounds aliases by count; this catches aliases that multiply in size.
    const [line, column] = firstAliasPosition(parsed);
    const tooMuch = new UpfrontError('yaml-too-complex', { message: 'The aliases (*name) in this file expand into too much data.', file: parsed.file, line, column, frame: codeFrame(parsed.lines, line, column) });
    return split([...structure.findings, tooMuch]);
  }

  const result = policySchema.safeParse(data, { reportInput: true });
  if (!result.success) return split([...structure.findings, ...schemaFindings(parsed, result.error.issues, data, maxFindingsPerFile - structure.findings.length)]);

  const findings = [...structure.findings];
  const ctx: RuleContext = {
    policy: result.data,
    written: (path) => valueAt(parsed.document, path) !== undefined,
    report: (code, path, message, hint) => findings.push(finding(parsed, code, path, message, hint)),
  };
  for (const rule of rules) rule(ctx);
  const validation = split(findings);
  return validation.errors.length === 0 ? { ...validation, policy: result.data } : validation;
}

function firstAliasPosition(parsed: ParsedPolicy): [number, number] {
  let offset = 0;
  visit(parsed.document, {
    Alias(_, alias) {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return lineColumn(parsed, offset);
}

function split(findings: UpfrontError[]): Validation {
  return { errors: findings.filter((f) => f.severity === 'error'), warnings: findings.filter((f) => f.severity === 'warning') };
}

function finding(parsed: ParsedPolicy, code: ErrorCode, path: readonly PathKey[], message: string, hint?: string): UpfrontError {
  const { line, column } = locate(parsed, path);
  return new UpfrontError(code, { message, file: parsed.file, line, column, frame: codeFrame(parsed.lines, line, column), ...(hint ? { hint } : {}) });
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
      : [
          finding(
            parsed,
            'missing-templates',
            ['shop', 'languages', i],
            `There are no templates for the language "${language}".`,
            `Languages with templates: ${available.join(', ') || 'none'}. Copy templates/en to templates/${language} and translate it, or remove "${language}".`,
          ),
        ],
  );
}
