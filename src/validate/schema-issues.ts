/**
 * Turns zod's issues into findings an owner can act on: the exact node, the value
 * received, what is expected (every choice, for a list of choices), and a hint
 * (did-you-mean, YAML habits, an example to copy).
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { core } from 'zod';
import { z } from 'zod';
import { UpfrontError } from '../errors/upfront-error.js';
import type { ErrorCode } from '../errors/catalogue.js';
import { codeFrame } from '../errors/frame.js';
import type { ParsedPolicy } from '../load/index.js';
import { didYouMean } from './did-you-mean.js';
import { booleanHint, codeHint, dateHint, formatHint, listHint, numberHint, textHint, type Received } from './habits.js';
import { dotted, locate, type PathKey } from './positions.js';
import { blocksWithKey, choices, expectedOf, fieldAt, knownKeys, moneyKeys } from './schema-lookup.js';
import { forbiddenKeys } from './structure.js';

/**
 * @param parsed the file the issues are about
 * @param issues zod's issues from `safeParse` (with `reportInput`)
 * @param data the data the schema saw, for the shop's currency in hints
 * @param limit stop after this many findings (a hostile file can hold thousands)
 */
export function schemaFindings(parsed: ParsedPolicy, issues: readonly core.$ZodIssue[], data: unknown, limit = Infinity): UpfrontError[] {
  const currency = currencyOf(data);
  const done = new Set<string>();
  // A misspelt key explains its missing twin (`shiping` → `shipping` is missing): report the typo only.
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeys(issue.path as PathKey[]);
    for (const key of issue.keys) {
      const guess = didYouMean(key, known);
      if (guess) done.add(dotted([...(issue.path as PathKey[]), guess]));
    }
  }
  const findings: UpfrontError[] = [];
  // Unknown keys first: at the same position, the unknown key is the cause of the rest.
  const ordered = [...issues.filter((i) => i.code === 'unrecognized_keys'), ...issues.filter((i) => i.code !== 'unrecognized_keys')];
  for (const issue of ordered) {
    if (findings.length > limit) break;
    // A value that fails two checks is reported once, by the first.
    const id = issue.code === 'unrecognized_keys' ? `keys ${dotted(issue.path as PathKey[])}` : dotted(issue.path as PathKey[]);
    if (done.has(id)) continue;
    done.add(id);
    const bounded = issue.code === 'unrecognized_keys' ? { ...issue, keys: issue.keys.slice(0, limit + 1 - findings.length) } : issue;
    findings.push(...findingsFor(parsed, bounded, currency));
  }
  return findings;
}

function findingsFor(parsed: ParsedPolicy, issue: core.$ZodIssue, currency: string | undefined): UpfrontError[] {
  const path = issue.path as PathKey[];
  const where = dotted(path);
  const last = path.at(-1);
  const key = typeof last === 'string' ? last : undefined;
  const field = fieldAt(path);
  const { node } = locate(parsed, path);
  const value = issue.input !== undefined ? issue.input : node ? valueOf(node) : undefined;
  const written = node !== undefined || issue.input !== undefined;
  // Habit hints read what was typed; a value of many kilobytes is not a habit, and would cost time.
  const typed = typeof value === 'string' && value.length > 200 ? value.slice(0, 200) : value;
  const unitKey = [...path].reverse().find((step): step is string => typeof step === 'string' && /_(days|hours)$/.test(step));
  const received: Received = { key, value: typed, source: node ? sourceOf(parsed, node).slice(0, 200) : String(typed), currency, unitKey };
  const shown = shownValue(value);

  const at = (code: ErrorCode, message: string, hint?: string, prefer: 'key' | 'value' = 'value', atPath: readonly PathKey[] = path) => {
    const { line, column } = locate(parsed, atPath, prefer);
    return new UpfrontError(code, { message, ...(hint ? { hint } : {}), file: parsed.file, line, column, frame: codeFrame(parsed.lines, line, column) });
  };
  const missing = () => {
    const parent = dotted(path.slice(0, -1));
    const example = field?.example !== undefined ? inlineYaml(field.example) : undefined;
    const add = example !== undefined && !isBlockExample(field?.example) ? `\`${String(last)}: ${example}\`` : `\`${String(last)}:\``;
    const message = parent ? `\`${parent}\` has no \`${String(last)}\`, and it is required.` : `The file has no \`${String(last)}:\` section, and it is required.`;
    const hint = !parent
      ? `Add a \`${String(last)}:\` section; policies/juniper-and-lye.yaml has an example.`
      : typeof path.at(-2) === 'number'
        ? `Add ${add} to this entry.`
        : `Add ${add} under \`${String(path.at(-2))}:\`.`;
    return at('missing-field', message, hint);
  };
  const empty = () =>
    at(
      'missing-field',
      `\`${where}\` has no value.`,
      key ? `Write the answer after \`${key}:\`${field?.optional ? ', or delete the line' : ''}.` : 'Write the entry after the "- ", or delete the line.',
      key ? 'key' : 'value',
    );

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.filter((name) => !forbiddenKeys.has(name)).map((name) => unknownKey(path, name, at));

    case 'invalid_type': {
      if (!written) return [missing()];
      if (value === null) return [empty()];
      if (path.length === 0) return [at('not-a-policy', `The file holds ${shown}, not a set of answers.`)];
      if (isDateField(field?.example)) return [at('invalid-format', `\`${where}\` expects a date written YYYY-MM-DD, like 2026-11-01, received ${shown}.`, dateHint(received) ?? exampleHint(key, field?.example))];
      const expected = issue.expected === 'int' ? 'a whole number' : field ? expectedOf(field.schema, last) : issue.expected;
      return [at('wrong-type', `\`${where}\` expects ${expected}, received ${shown}.`, typeHint(issue.expected, field?.schema, received) ?? exampleHint(key, field?.example))];
    }

    case 'invalid_value': {
      if (value === null) return [empty()];
      const options = choices(issue.values);
      const guess = typeof value === 'string' ? didYouMean(value, issue.values.map(String)) : undefined;
      return [at('invalid-choice', `\`${where}\` expects ${options}, received ${shown}.`, guess ? `Did you mean \`${guess}\`?` : `Write one of ${options}.`)];
    }

    case 'invalid_union': {
      if (!written) return [missing()];
      if (value === null) return [empty()];
      const expected = field ? expectedOf(field.schema, last) : 'another value';
      const literals = field?.schema instanceof z.ZodUnion ? (field.schema.options as z.ZodType[]).flatMap((o) => (o instanceof z.ZodLiteral ? [...o.values].map(String) : [])) : [];
      const guess = typeof value === 'string' ? didYouMean(value, literals) : undefined;
      const hint = guess ? `Did you mean \`${guess}\`?` : (numberHint(received, false) ?? `Write ${expected}.`);
      return [at(guess ? 'invalid-choice' : 'wrong-type', `\`${where}\` expects ${expected}, received ${shown}.`, hint)];
    }

    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'string' && issue.code === 'too_small') return [empty()];
      if (issue.origin === 'string' && issue.code === 'too_big') {
        return [at('text-too-long', `\`${where}\` is ${String(value).length} characters long; the most it may be is ${String(issue.maximum)}.`, path[0] === 'notes' ? 'Shorten the note; a long page is read by fewer customers.' : 'Shorten it; put longer explanations in `notes:`.')];
      }
      if (issue.origin === 'array') {
        return issue.code === 'too_small'
          ? [at('missing-field', `\`${where}\` is an empty list; it needs at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}.`, exampleHint(key, field?.example))]
          : [at('out-of-range', `\`${where}\` has too many entries.`)];
      }
      const expected = field ? expectedOf(field.schema, last) : 'a smaller or larger number';
      return [at('out-of-range', `\`${where}\` expects ${expected}, received ${shown}.`, rangeHint(key, issue))];
    }

    case 'invalid_format': {
      if (typeof value === 'string' && value.trim() === '') return [empty()];
      const expected =
        issue.format === 'email' ? 'an email address' : issue.format === 'url' ? 'a full web address starting with https://' : issue.message;
      const hint =
        issue.format === 'email'
          ? 'Write the whole address, like hello@example.com.'
          : (formatHint(received, expected) ?? exampleHint(key, field?.example));
      return [at('invalid-format', `\`${where}\` expects ${expected}, received ${shown}.`, hint)];
    }

    case 'custom': {
      if (typeof value === 'string' && value.trim() === '') return [empty()];
      const kind = (issue.params as { kind?: string } | undefined)?.kind;
      const expected = issue.message;
      const hint =
        (kind ? codeHint(received, kind) : undefined) ??
        (/two decimals/.test(expected) && typeof value === 'number' ? `Round it to cents: \`${key}: ${(Math.round(value * 100) / 100).toFixed(2)}\`.` : undefined) ??
        formatHint(received, expected) ??
        exampleHint(key, field?.example);
      // Codes from long lists (countries, currencies, time zones) are a format to follow, not choices to list.
      return [at('invalid-format', `\`${where}\` expects ${expected}, received ${shown}.`, hint)];
    }

    default:
      return [at('invalid-format', `\`${where}\` is not valid here (${issue.message}), received ${shown}.`)];
  }
}

/** An unknown key: did-you-mean, else the block it belongs in, else the keys allowed. */
function unknownKey(path: PathKey[], name: string, at: (code: ErrorCode, message: string, hint: string, prefer: 'key', atPath: PathKey[]) => UpfrontError): UpfrontError {
  const known = knownKeys(path);
  const where = dotted(path);
  const guess = didYouMean(name, known);
  const elsewhere = blocksWithKey(name).filter((block) => block !== where.replace(/\[\d+\]/g, '[]'));
  const hint = guess
    ? `Did you mean \`${guess}\`?`
    : elsewhere.length > 0
      ? `\`${name}\` belongs under \`${elsewhere[0] || 'the top level'}\`; move it there (check its indentation).`
      : `The answers allowed ${where ? `under \`${where}\`` : 'at the top level'} are ${known.map((k) => `\`${k}\``).join(', ')}.`;
  if (name === '<<') {
    return at('unknown-key', `\`<<\` (a merge key from YAML 1.1) is read as an ordinary key in YAML 1.2, so nothing is merged here.`, 'Write the answers of this block out in full.', 'key', [...path, name]);
  }
  const shown = JSON.stringify(name.length > 60 ? `${name.slice(0, 57)}…` : name);
  const message = where ? `\`${where}\` has no answer called ${shown}.` : `${shown} is not a section upfront knows.`;
  return at('unknown-key', message, hint, 'key', [...path, name]);
}

function typeHint(expected: string, schema: z.ZodType | undefined, received: Received): string | undefined {
  if (expected === 'boolean') return booleanHint(received);
  if (expected === 'int' && typeof received.value === 'number') return `Write a whole number, like \`${received.key ?? ''}${received.key ? ': ' : ''}${Math.round(received.value)}\`.`;
  if (expected === 'number') return numberHint(received, received.key !== undefined && moneyKeys.has(received.key)) ?? formatHint(received, 'number');
  if (expected === 'array') return listHint(received);
  if (expected === 'string') return textHint(received);
  if (expected === 'object' && schema instanceof z.ZodObject) {
    const keys = Object.keys(schema.shape).map((k) => `\`${k}\``).join(', ');
    return received.key === undefined
      ? `Write this entry as answers after the "- ", one per line: ${keys}.`
      : `Write its answers indented under \`${received.key}:\`, one per line: ${keys}.`;
  }
  if (expected === 'object') return `Write the answers of this entry indented under it, one per line.`;
  return undefined;
}

function rangeHint(key: string | undefined, issue: core.$ZodIssueTooSmall | core.$ZodIssueTooBig): string | undefined {
  if (issue.code === 'too_small' && Number(issue.minimum) === 0) return 'Write 0 or more; a negative number has no meaning here.';
  if (key === 'percent' && issue.code === 'too_big') return 'Write the percentage itself, like 10 for 10%.';
  return undefined;
}

function valueOf(node: Node): unknown {
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map((item) => (isScalar(item) ? item.value : item));
  if (isMap(node)) return {};
  return undefined;
}

function sourceOf(parsed: ParsedPolicy, node: Node): string {
  return node.range ? parsed.text.slice(node.range[0], node.range[1]) : '';
}

/** How a value reads in a message: `"30 days"` for text, 30 for numbers. */
function shownValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a block of answers';
}

/** A value as it would be written on one line of YAML: `{ min: 1, max: 3 }`, `[US, CA]`. */
function inlineYaml(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineYaml).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${inlineYaml(v)}`).join(', ')} }`;
  if (typeof value === 'string' && /^[\w/.@+-]+(:\/\/[\w/.@+-]+)?$/.test(value) && !/^\d+$/.test(value)) return value;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** "For example: `window_days: 30`", or just the value for an entry of a list. */
function exampleHint(key: string | undefined, example: unknown): string | undefined {
  if (example === undefined) return undefined;
  return `For example: \`${key === undefined ? inlineYaml(example) : `${key}: ${inlineYaml(example)}`}\`.`;
}

function isDateField(example: unknown): boolean {
  return typeof example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(example);
}

function isBlockExample(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 3;
}

function currencyOf(data: unknown): string | undefined {
  const shop = (data as { shop?: { currency?: unknown } } | null)?.shop;
  return typeof shop?.currency === 'string' && /^[A-Z]{3}$/.test(shop.currency) ? shop.currency : undefined;
}
