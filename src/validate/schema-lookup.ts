/**
 * Reads the schema itself, so a finding can say what an answer expects in plain words,
 * give an example to copy, list the keys of a block, and say where a key belongs.
 */
import { z } from 'zod';
import type { PathKey } from './positions.js';
import { policySchema } from './schema.js';

export interface Field {
  /** The field's schema without its optional/default wrappers. */
  schema: z.ZodType;
  /** Whether the answer may be left out. */
  optional: boolean;
  /** The first documented example, if any. */
  example: unknown;
}

/**
 * The schema of the answer at `path`, or undefined when the path is not in the schema.
 * @param path a path as zod reports it (list indexes are numbers)
 */
export function fieldAt(path: readonly PathKey[]): Field | undefined {
  let schema: z.ZodType = policySchema;
  let field = unwrap(schema);
  for (const key of path) {
    schema = field.schema;
    if (schema instanceof z.ZodObject && typeof key === 'string') {
      const next = (schema.shape as Record<string, z.ZodType>)[key];
      if (!next) return undefined;
      field = unwrap(next);
    } else if (schema instanceof z.ZodArray && typeof key === 'number') {
      field = unwrap(schema.element as z.ZodType);
    } else {
      return undefined;
    }
  }
  return field;
}

/** The keys a block accepts at `path`, in schema order. */
export function knownKeys(path: readonly PathKey[]): string[] {
  const schema = fieldAt(path)?.schema;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

let allKeyPaths: Map<string, string[]> | undefined;

/**
 * Where else in the schema a key exists, as dotted block paths (`returns`), for keys
 * written in the wrong block. List entries read as `shipping.zones[]`.
 * @param key the key as written
 */
export function blocksWithKey(key: string): string[] {
  if (!allKeyPaths) {
    allKeyPaths = new Map();
    const walk = (schema: z.ZodType, at: string, depth: number) => {
      const inner = unwrap(schema).schema;
      if (inner instanceof z.ZodArray) walk(inner.element as z.ZodType, `${at}[]`, depth);
      if (!(inner instanceof z.ZodObject) || depth > 8) return;
      for (const [name, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
        allKeyPaths!.set(name, [...(allKeyPaths!.get(name) ?? []), at]);
        walk(child, at ? `${at}.${name}` : name, depth + 1);
      }
    };
    walk(policySchema, '', 0);
  }
  return allKeyPaths.get(key) ?? [];
}

/**
 * What a field expects, completing "`path` expects …".
 * @param schema an unwrapped field schema
 * @param key the field's own key, for money and percent
 */
export function expectedOf(schema: z.ZodType, key: PathKey | undefined): string {
  if (schema instanceof z.ZodBoolean) return 'true or false';
  if (schema instanceof z.ZodNumber) return numberPhrase(schema, key);
  if (schema instanceof z.ZodEnum) return choices(schema.options as readonly unknown[]);
  if (schema instanceof z.ZodLiteral) return choices([...schema.values]);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).map((option) => expectedOf(unwrap(option).schema, key)).join(' or ');
  if (schema instanceof z.ZodArray) return 'a list';
  if (schema instanceof z.ZodObject) return `a block of answers (${Object.keys(schema.shape).map((k) => `\`${k}\``).join(', ')})`;
  if (schema instanceof z.ZodString) return 'some text';
  return 'a different value';
}

/** `` `a` | `b` | `c` `` */
export function choices(values: readonly unknown[]): string {
  return values.map((v) => `\`${String(v)}\``).join(' | ');
}

/** Keys whose numbers are amounts of money in the shop's currency. */
export const moneyKeys: ReadonlySet<string> = new Set(['price', 'free_over', 'return_shipping_fee', 'amount']);

function numberPhrase(schema: z.ZodNumber, key: PathKey | undefined): string {
  if (typeof key === 'string' && moneyKeys.has(key)) return 'an amount like 4.95, without a currency sign';
  const min = schema.minValue;
  const max = schema.maxValue;
  const kind = schema.isInt ? 'a whole number' : 'a number';
  const finite = (n: number | null): n is number => n !== null && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER;
  if (finite(min) && finite(max)) return `${kind} from ${min} to ${max}`;
  if (finite(min)) return `${kind} of at least ${min}`;
  if (finite(max)) return `${kind} of at most ${max}`;
  return kind;
}

function unwrap(schema: z.ZodType): Field {
  let current = schema;
  let optional = false;
  let example: unknown;
  for (;;) {
    const meta = z.globalRegistry.get(current);
    if (example === undefined && Array.isArray(meta?.examples) && meta.examples.length > 0) example = meta.examples[0];
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
      optional = true;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    } else {
      return { schema: current, optional, example };
    }
  }
}
