/**
 * Turns zod's issues into findings an owner can act on: the exact node, the value
 * received, what is expected, and a hint (did-you-mean, YAML habits).
 */
import { isScalar, type Node } from 'yaml';
import { z } from 'zod';
import type { core } from 'zod';
import { UpfrontError } from '../errors/upfront-error.js';
import type { ErrorCode } from '../errors/catalogue.js';
import { codeFrame } from '../errors/frame.js';
import type { ParsedPolicy } from '../load/parse-policy.js';
import { didYouMean } from './did-you-mean.js';
import { dotted, locate, type PathKey } from './positions.js';
import { policySchema } from './schema.js';

/**
 * @param parsed the file the issues are about
 * @param issues zod's issues from `safeParse`
 */
export function schemaFindings(parsed: ParsedPolicy, issues: readonly core.$ZodIssue[]): UpfrontError[] {
  return issues.flatMap((issue) => findingsFor(parsed, issue));
}

function findingsFor(parsed: ParsedPolicy, issue: core.$ZodIssue): UpfrontError[] {
  const path = issue.path as PathKey[];
  const at = (code: ErrorCode, p: readonly PathKey[], message: string, hint?: string, prefer: 'key' | 'value' = 'value') => {
    const { line, column } = locate(parsed, p, prefer);
    return new UpfrontError(code, {
      message,
      file: parsed.file,
      line,
      column,
      frame: codeFrame(parsed.text, line, column),
      ...(hint ? { hint } : {}),
    });
  };
  const where = dotted(path);
  const { node } = locate(parsed, path);
  const received = node ? shownValue(parsed, node) : undefined;

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(path);
      return issue.keys.map((key) => {
        const guess = didYouMean(key, known);
        const hint = guess
          ? `Did you mean \`${guess}\`?`
          : `Keys allowed here: ${known.map((k) => `\`${k}\``).join(', ')}.`;
        return at('unknown-key', [...path, key], `\`${key}\` is not an answer upfront knows${where ? ` under \`${where}\`` : ''}.`, hint, 'key');
      });
    }
    case 'invalid_type': {
      if (received === undefined) {
        return [at('missing-field', path, `\`${where}\` is missing.`, `Add \`${String(path.at(-1))}:\` with ${expectedPhrase(issue.expected, path)}.`)];
      }
      if (issue.expected === 'object' && path.length === 0) {
        return [at('not-a-policy', path, `Expected a set of answers (shop:, returns:, shipping:), received ${received}.`)];
      }
      return [at('wrong-type', path, `\`${where}\` expects ${expectedPhrase(issue.expected, path)}, received ${received}.`, habitHint(node, issue.expected))];
    }
    case 'invalid_value': {
      const choices = issue.values.map((v) => `\`${String(v)}\``).join(' | ');
      const guess = typeof scalarValue(node) === 'string' ? didYouMean(String(scalarValue(node)), issue.values.map(String)) : undefined;
      return [at('invalid-choice', path, `Expected ${choices}, received ${received ?? 'nothing'}.`, guess ? `Did you mean \`${guess}\`?` : `Write one of ${choices}.`)];
    }
    case 'invalid_union': {
      // window_days: a number or `unlimited` — say both at once.
      const expected = unionExpectation(issue);
      const hint = habitHint(node, 'number');
      return [at('wrong-type', path, `\`${where}\` expects ${expected}, received ${received ?? 'nothing'}.`, hint)];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const isCount = issue.origin === 'array' || issue.origin === 'string';
      const what =
        issue.origin === 'array'
          ? `at ${issue.code === 'too_small' ? 'least' : 'most'} ${String(bound)} entr${Number(bound) === 1 ? 'y' : 'ies'}`
          : issue.origin === 'string'
            ? Number(bound) === 1 && issue.code === 'too_small'
              ? 'some text'
              : `at most ${String(bound)} characters`
            : `a number ${issue.code === 'too_small' ? 'of at least' : 'of at most'} ${String(bound)}`;
      return [at(isCount ? 'wrong-type' : 'out-of-range', path, `\`${where}\` expects ${what}, received ${received ?? 'nothing'}.`)];
    }
    default:
      return [at('invalid-format', path, `\`${where}\`: ${issue.message}${received ? ` Received ${received}.` : ''}`)];
  }
}

/** How a YAML value reads in a message: `"30 days"` for text, 30 for numbers. */
function shownValue(parsed: ParsedPolicy, node: Node): string {
  if (isScalar(node)) {
    if (node.value === null) return 'an empty value';
    if (typeof node.value === 'string') return `"${truncate(node.value)}"`;
    return String(node.value);
  }
  const raw = node.range ? parsed.text.slice(node.range[0], node.range[1]).trim() : '';
  return node.constructor.name === 'YAMLSeq' ? `a list (${truncate(raw)})` : `a block of keys`;
}

function scalarValue(node: Node | undefined): unknown {
  return node && isScalar(node) ? node.value : undefined;
}

function truncate(s: string): string {
  const oneLine = s.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}

function expectedPhrase(expected: string, path: readonly PathKey[]): string {
  switch (expected) {
    case 'boolean':
      return 'true or false';
    case 'number':
      return 'a number';
    case 'string':
      return 'some text';
    case 'array':
      return 'a list (lines starting with "- ")';
    case 'object':
      return `a block of answers indented under \`${String(path.at(-1) ?? 'the file')}:\``;
    default:
      return expected;
  }
}

function unionExpectation(issue: core.$ZodIssueInvalidUnion): string {
  const parts = issue.errors.flatMap((branch) =>
    branch.map((i) => (i.code === 'invalid_value' ? i.values.map((v) => `\`${String(v)}\``).join(' | ') : i.code === 'invalid_type' ? expectedPhrase(i.expected, []) : 'a valid value')),
  );
  return [...new Set(parts)].join(' or ');
}

/** The YAML habits an owner most often trips on, explained. */
function habitHint(node: Node | undefined, expected: string): string | undefined {
  const value = scalarValue(node);
  if (typeof value !== 'string') return undefined;
  if (expected === 'boolean' && /^(yes|no|on|off|y|n|true|false)$/i.test(value)) {
    return 'Write true or false without quotes; YAML reads yes, no, on and off as text.';
  }
  if (expected === 'number') {
    const number = value.match(/^[^\d-]*(-?\d+(?:[.,]\d+)?)\s*([a-z%]*)/i);
    if (number) {
      const unit = /^[$€£¥]/.test(value) ? 'the currency comes from shop.currency' : number[2] ? `the unit (${number[2]}) is implied by the answer's name` : 'without quotes';
      return `Write just the number, ${number[1]!.replace(',', '.')}: ${unit}.`;
    }
  }
  if (expected === 'array') return 'Write each entry on its own line starting with "- ", or as [a, b].';
  return undefined;
}

/** The keys the schema accepts at `path`, for did-you-mean. */
function knownKeys(path: readonly PathKey[]): string[] {
  let schema: z.ZodType = policySchema;
  for (const key of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[String(key)] ?? z.never();
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else return [];
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPrefault) {
      current = current.unwrap() as z.ZodType;
    } else {
      return current;
    }
  }
}
