/**
 * How `init` asks its questions. The questionnaire only talks to a `Prompter`, so the
 * command can plug in the terminal (@clack/prompts, in cli.ts), `--yes` can take every
 * suggested answer, and tests can answer from a script.
 */

interface Question {
  /** Stable id of the question, like `returns.window_days`; tests answer by it. */
  id: string;
  /** The question, in the owner's words. */
  message: string;
  /** A line of help under the question. */
  hint?: string;
}

export interface TextQuestion extends Question {
  /** What an empty answer means; shown greyed out. Empty when the answer may be left out. */
  defaultValue: string;
  /** Why `answer` cannot be used, or undefined when it can (an empty answer is the default). */
  validate(answer: string): string | undefined;
}

export interface ConfirmQuestion extends Question {
  defaultValue: boolean;
}

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export interface SelectQuestion<T extends string> extends Question {
  choices: Array<Choice<T>>;
  defaultValue: T;
}

export interface MultiSelectQuestion<T extends string> extends Question {
  choices: Array<Choice<T>>;
  /** At least one choice. */
  defaultValue: T[];
}

export interface Prompter {
  /** Says what is about to happen, before the first question. */
  intro(message: string): void;
  /** A line of text; resolves with the answer, or the default when left empty. */
  text(question: TextQuestion): Promise<string>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  select<T extends string>(question: SelectQuestion<T>): Promise<T>;
  multiselect<T extends string>(question: MultiSelectQuestion<T>): Promise<T[]>;
}

/** Thrown by a prompter when the owner stops the questionnaire (Ctrl-C); nothing is written. */
export class InitCancelled extends Error {
  override readonly name = 'InitCancelled';
}

/** `--yes`: every question takes its suggested answer, without asking. */
export const suggestedAnswers: Prompter = {
  intro: () => undefined,
  text: async (question) => question.defaultValue,
  confirm: async (question) => question.defaultValue,
  select: async (question) => question.defaultValue,
  multiselect: async (question) => question.defaultValue,
};
