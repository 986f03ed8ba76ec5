/**
 * The words `init` uses, from templates/<lang>/init/questions.yaml: the owner-facing
 * text stays out of the code, where a translator or an agency can change it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { UpfrontError } from '../errors/upfront-error.js';
import { schemaAt, type JsonSchema } from '../validate/json-schema.js';

const questionWording = z.strictObject({
  ask: z.string().min(1),
  hint: z.string().optional(),
  default: z.string().optional(),
  invalid: z.string().optional(),
  choices: z.record(z.string(), z.string()).optional(),
});

const wordingSchema = z.strictObject({
  intro: z.string(),
  outro: z.string(),
  header: z.string(),
  choices_comment: z.string(),
  messages: z.strictObject({
    required: z.string(),
    expected: z.string(),
    number: z.string(),
    whole: z.string(),
    range: z.string(),
    at_least: z.string(),
    not_before: z.string(),
    list: z.string(),
    taken: z.string(),
    exists: z.string(),
    free_over_below_price: z.string(),
  }),
  questions: z.record(z.string(), questionWording),
});

export type QuestionWording = z.infer<typeof questionWording>;
export type Messages = z.infer<typeof wordingSchema>['messages'];

export interface Wording {
  intro: string;
  outro: string;
  header: string;
  choicesComment: string;
  messages: Messages;
  /**
   * The words of one question. A question the file does not word is asked with the
   * answer's description from the schema, so a missing entry never stops anyone.
   */
  question(id: string): QuestionWording;
}

/** Where the questions live inside a templates folder. */
export function questionsFile(templatesDir: string, language: string): string {
  return path.join(templatesDir, language, 'init', 'questions.yaml');
}

/**
 * Reads and checks the questions file of a language.
 * @param templatesDir the templates folder
 * @param language a language folder, like `en`
 * @param schema the policy's JSON Schema, for questions the file does not word
 */
export async function readWording(templatesDir: string, language: string, schema: JsonSchema): Promise<Wording> {
  const file = questionsFile(templatesDir, language);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    throw new UpfrontError('missing-templates', { message: `${file} does not exist; \`init\` takes its questions from it.`, file });
  }
  let data: unknown;
  try {
    data = parse(source);
  } catch (cause) {
    throw new UpfrontError('template-error', { message: `${file} is not valid YAML: ${(cause as Error).message.split('\n')[0]}`, file });
  }
  const result = wordingSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UpfrontError('template-error', { message: `${file}: \`${issue.path.join('.')}\`: ${issue.message}`, file });
  }
  const wording = result.data;
  return {
    intro: wording.intro,
    outro: wording.outro,
    header: wording.header,
    choicesComment: wording.choices_comment,
    messages: wording.messages,
    question: (id) => wording.questions[id] ?? { ask: schemaAt(schema, id.split('.'))?.description ?? id },
  };
}

/**
 * Puts values into `{name}` placeholders.
 * @param text words with placeholders
 * @param values what each placeholder stands for
 */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
