/**
 * The one error type of upfront: every problem an owner can cause, with where it is
 * and what to do about it. Codes are permanent; see `catalogue.ts`.
 */
import { catalogue, type ErrorCode } from './catalogue.js';

export type Severity = 'error' | 'warning';

export interface Position {
  /** File the problem is in, relative to where upfront was run. */
  file?: string;
  /** 1-based line of the offending node. */
  line?: number;
  /** 1-based column of the offending node. */
  column?: number;
}

export interface FindingInit extends Position {
  /** What happened and why, in one or two sentences. */
  message: string;
  /** What to do about it; falls back to the catalogue's hint. */
  hint?: string;
  /** The source lines around the problem, with a caret under it. */
  frame?: string;
  /** Overrides the catalogue's severity (used by `--strict`). */
  severity?: Severity;
}

/** One finding as `upfront check --json` prints it. */
export interface FindingJson {
  code: ErrorCode;
  severity: Severity;
  file: string | null;
  line: number | null;
  column: number | null;
  message: string;
  hint: string | null;
}

export class UpfrontError extends Error {
  override readonly name = 'UpfrontError';
  readonly code: ErrorCode;
  readonly severity: Severity;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;
  readonly frame: string | undefined;

  /**
   * @param code permanent code from the catalogue
   * @param init message, position and hint
   */
  constructor(code: ErrorCode, init: FindingInit) {
    super(init.message);
    const entry = catalogue[code];
    this.code = code;
    this.severity = init.severity ?? entry.severity;
    this.file = init.file;
    this.line = init.line;
    this.column = init.column;
    this.hint = init.hint ?? entry.hint;
    this.frame = init.frame;
  }

  /** The same finding as an error (for `--strict`). */
  asError(): UpfrontError {
    return new UpfrontError(this.code, {
      message: this.message,
      severity: 'error',
      ...(this.file !== undefined ? { file: this.file } : {}),
      ...(this.line !== undefined ? { line: this.line } : {}),
      ...(this.column !== undefined ? { column: this.column } : {}),
      ...(this.hint !== undefined ? { hint: this.hint } : {}),
      ...(this.frame !== undefined ? { frame: this.frame } : {}),
    });
  }

  /** A plain object for `--json` output: every field present, null when unknown. */
  toJSON(): FindingJson {
    return {
      code: this.code,
      severity: this.severity,
      file: this.file ?? null,
      line: this.line ?? null,
      column: this.column ?? null,
      message: this.message,
      hint: this.hint ?? null,
    };
  }
}

/** True when `value` is one of upfront's own errors rather than a bug. */
export function isUpfrontError(value: unknown): value is UpfrontError {
  return value instanceof UpfrontError;
}

/** Thrown by `build()` when findings stop the build; carries every finding at once. */
export class BuildFailed extends Error {
  override readonly name = 'BuildFailed';
  /**
   * @param findings every error and warning of the run, in report order
   */
  constructor(readonly findings: UpfrontError[]) {
    const errors = findings.filter((f) => f.severity === 'error').length;
    super(`${errors} problem${errors === 1 ? '' : 's'} stopped the build`);
  }
}

/**
 * Findings of one file in the order the owner reads them: by line, then column.
 * @param findings findings of a single file
 */
export function inFileOrder(findings: readonly UpfrontError[]): UpfrontError[] {
  return [...findings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
