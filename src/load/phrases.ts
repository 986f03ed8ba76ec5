/**
 * The shape of templates/<lang>/phrases.json: the unit words by plural form, the words
 * for return methods and the names of states and provinces. Checked when read, so a
 * translator's slip is reported with the file's name instead of failing mid-build.
 */
import { z } from 'zod';
import { returnMethods } from '../validate/schema.js';

const pattern = z.string().includes('{n}', { message: 'must contain {n} where the number goes' });

const unitWords = z.strictObject({
  zero: pattern.optional(),
  one: pattern.optional(),
  two: pattern.optional(),
  few: pattern.optional(),
  many: pattern.optional(),
  other: pattern,
});

export const phrasesSchema = z.object({
  units: z.object({ day: unitWords, businessDay: unitWords, hour: unitWords }),
  returnMethods: z.record(z.enum(returnMethods), z.string().min(1)),
  regions: z.record(z.string().regex(/^(US|CA)-[A-Z]{2}$/), z.string().min(1)),
});

/** A language's unit words and names, as derive uses them. */
export type Phrases = z.infer<typeof phrasesSchema>;
export type UnitWords = z.infer<typeof unitWords>;
