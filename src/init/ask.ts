/**
 * Asking one answer: the words from the questions file, a suggested answer from the
 * schema (its default, else its example), and a check of the answer against the same
 * zod schema `upfront check` uses, so a wrong answer is caught while the owner is
 * still at that question.
 */
import { z } from 'zod';
import { schemaAt, type JsonSchema } from '../validate/json-schema.js';
import { policySchema } from '../validate/schema.js';
import type { Prompter } from './prompter.js';
import { fill, type Messages, type Wording } from './wording.js';

export interface TextOptions {
  /** The suggested answer; none (empty) unless given or worded in the questions file. */
  suggest?: string;
  /** Whether the answer may be left empty (then it is left out of the file). */
  optional?: boolean;
  /** Put the answer in capitals (country and currency codes). */
  capitals?: boolean;
  /** A further check, after the schema's. */
  check?: (answer: string) => string | undefined;
}

export interface NumberOptions {
  suggest?: number;
  optional?: boolean;
  /** The smallest answer, like the `min` of a range when asking its `max`; raises the suggestion. */
  floor?: number;
  check?: (answer: number) => string | undefined;
}

export interface Asker {
  /** Text; undefined when an optional answer is left empty. */
  text(id: string, options?: TextOptions): Promise<string | undefined>;
  number(id: string, options?: NumberOptions): Promise<number | undefined>;
  /** A number, or one word the schema also accepts (`unlimited`). */
  numberOr<W extends string>(id: string, word: W, options?: NumberOptions): Promise<number | W>;
  /** A list written on one line, separated by commas; codes are put in capitals. */
  places(id: string, suggest: readonly string[], check?: (places: string[]) => string | undefined): Promise<string[]>;
  confirm(id: string, suggest?: boolean): Promise<boolean>;
  /** A message of the questions file, filled in. */
  say(message: keyof Messages, values: Record<string, string | number>): string;
  select<T extends string>(id: string, values: readonly T[], suggest?: T): Promise<T>;
  multiselect<T extends string>(id: string, values: readonly T[], suggest?: readonly T[]): Promise<T[]>;
}

/**
 * @param prompter how questions reach the owner
 * @param wording the questions file
 * @param schema the policy's JSON Schema, for defaults, examples and number ranges
 */
export function asker(prompter: Prompter, wording: Wording, schema: JsonSchema): Asker {
  const words = (id: string) => {
    const q = wording.question(id);
    return { id, message: q.ask, ...(q.hint ? { hint: q.hint } : {}) };
  };
  const node = (id: string) => schemaAt(schema, id.split('.'));
  const schemaSuggestion = (id: string): unknown => node(id)?.default ?? (node(id)?.['examples'] as unknown[] | undefined)?.[0];

  /** The schema's own objection to a value, in the questions file's words when it has some. */
  const objection = (id: string, value: unknown): string | undefined => {
    const field = fieldSchema(id);
    if (!field) return undefined;
    const result = field.safeParse(value);
    if (result.success) return undefined;
    const issue = result.error.issues[0]!;
    const invalid = wording.question(id).invalid;
    // The schema's own messages say what is expected ("a date written YYYY-MM-DD"), the
    // form check puts after "expects"; here they become a sentence of the questions file.
    const expected = /^[a-z]/.test(issue.message) ? fill(wording.messages.expected, { expected: issue.message }) : issue.message;
    if (typeof value === 'number') return numberObjection(id, issue) ?? invalid ?? expected;
    return invalid ?? expected;
  };

  const numberObjection = (id: string, issue: z.core.$ZodIssue): string | undefined => {
    const { minimum, maximum } = (node(id) ?? {}) as { minimum?: number; maximum?: number };
    if (issue.code === 'invalid_type') return fill(issue.expected === 'int' ? wording.messages.whole : wording.messages.number, { example: String(schemaSuggestion(id) ?? 1) });
    if (issue.code !== 'too_small' && issue.code !== 'too_big') return undefined;
    // A bound of a million or so only guards against typos; "from 0 to 1000000" helps nobody.
    if (minimum !== undefined && maximum !== undefined && maximum < 100_000) return fill(wording.messages.range, { min: minimum, max: maximum });
    return minimum !== undefined ? fill(wording.messages.at_least, { min: minimum }) : undefined;
  };

  const askText = async (id: string, suggest: string, optional: boolean, check: (value: string) => string | undefined, capitals = false): Promise<string | undefined> => {
    const clean = (raw: string) => {
      const value = raw.trim() === '' ? suggest : raw.trim();
      return capitals ? value.toUpperCase() : value;
    };
    const answer = await prompter.text({
      ...words(id),
      defaultValue: suggest,
      validate: (raw) => {
        const value = clean(raw);
        if (value === '') return optional ? undefined : wording.messages.required;
        return check(value);
      },
    });
    const value = clean(answer);
    return value === '' ? undefined : value;
  };

  const numberCheck = (id: string, suggested: unknown, options: NumberOptions) => (value: string) => {
    const n = toNumber(value);
    if (n === undefined) return wording.question(id).invalid ?? fill(wording.messages.number, { example: String(suggested ?? 1) });
    const { floor } = options;
    if (floor !== undefined && n < floor) return fill(wording.messages.not_before, { min: floor });
    return objection(id, n) ?? options.check?.(n);
  };

  const suggestedNumber = (id: string, options: NumberOptions): unknown => {
    const suggested = options.suggest ?? schemaSuggestion(id);
    return typeof suggested === 'number' && options.floor !== undefined ? Math.max(suggested, options.floor) : suggested;
  };

  return {
    text(id, options = {}) {
      // The schema's examples describe the example shop, so only its defaults are suggested.
      const schemaDefault = node(id)?.default;
      const suggest = options.suggest ?? wording.question(id).default ?? (!options.optional && typeof schemaDefault === 'string' ? schemaDefault : '');
      return askText(id, suggest, options.optional ?? false, (value) => objection(id, value) ?? options.check?.(value), options.capitals);
    },

    async number(id, options = {}) {
      const suggested = suggestedNumber(id, options);
      const answer = await askText(id, typeof suggested === 'number' && !options.optional ? String(suggested) : '', options.optional ?? false, numberCheck(id, suggested, options));
      return answer === undefined ? undefined : toNumber(answer);
    },

    async numberOr<W extends string>(id: string, word: W, options: NumberOptions = {}) {
      const suggested = suggestedNumber(id, options);
      const byNumber = numberCheck(id, suggested, options);
      const answer = await askText(id, suggested === undefined ? '' : String(suggested), false, (value) => (value.toLowerCase() === word ? undefined : byNumber(value)));
      return answer?.toLowerCase() === word ? word : toNumber(answer ?? '')!;
    },

    async places(id, suggest, check) {
      const answer = await askText(id, suggest.join(', '), false, (value) => {
        const places = toPlaces(value);
        if (places.length === 0) return wording.messages.list;
        return objection(id, places) ?? check?.(places);
      });
      return toPlaces(answer ?? '');
    },

    say: (message, values) => fill(wording.messages[message], values),

    confirm: (id, suggest) => prompter.confirm({ ...words(id), defaultValue: suggest ?? (schemaSuggestion(id) as boolean | undefined) ?? false }),

    select<T extends string>(id: string, values: readonly T[], suggest?: T) {
      const fallback = schemaSuggestion(id);
      return prompter.select({
        ...words(id),
        choices: values.map((value) => ({ value, label: wording.question(id).choices?.[value] ?? value })),
        defaultValue: suggest ?? values.find((value) => value === fallback) ?? values[0]!,
      });
    },

    multiselect<T extends string>(id: string, values: readonly T[], suggest?: readonly T[]) {
      const fallback = node(id)?.default;
      return prompter.multiselect({
        ...words(id),
        choices: values.map((value) => ({ value, label: wording.question(id).choices?.[value] ?? value })),
        defaultValue: [...(suggest ?? (Array.isArray(fallback) ? values.filter((value) => fallback.includes(value)) : values.slice(0, 1)))],
      });
    },
  };
}

/** A number as an owner types it: `30`, `6.50`, `-1` (refused later); not `30 days`. */
function toNumber(value: string): number | undefined {
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : undefined;
}

/** `us, ca-qc` → `['US', 'CA-QC']`. */
function toPlaces(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((place) => place.toUpperCase());
}

/** The zod schema of an answer, by its id (`shipping.zones.services.price`). */
function fieldSchema(id: string): z.ZodType | undefined {
  let schema: z.ZodType | undefined = policySchema;
  for (const key of id.split('.')) {
    schema = schema && unwrap(schema);
    if (schema instanceof z.ZodArray) schema = unwrap(schema.element as z.ZodType);
    schema = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>)[key] : undefined;
  }
  return schema;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodPrefault || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}
