/**
 * Findings as the owner reads them: `file:line:col error code`, the message, the code
 * frame and the hint. Pure text, so `check` in the terminal and the `dev` overlay in
 * the browser show exactly the same words.
 */
import type { UpfrontError } from './upfront-error.js';

/** Styles for the terminal; `plain` leaves text as it is (files, browser, NO_COLOR). */
export interface Painter {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

/**
 * ANSI colours when `enabled`, plain text otherwise.
 * @param enabled whether the output is a colour terminal
 */
export function painter(enabled: boolean | undefined): Painter {
  const code = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: code(31, 39), green: code(32, 39), yellow: code(33, 39), cyan: code(36, 39), bold: code(1, 22), dim: code(2, 22) };
}

export const plain: Painter = painter(false);

/**
 * Colour only for a person at a terminal: not when piped, not with NO_COLOR set
 * (https://no-color.org), not on a terminal that says it cannot.
 * @param isTTY whether the output stream is a terminal
 * @param env the environment variables
 */
export function colourWanted(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  if (env['NO_COLOR']) return false;
  if (env['TERM'] === 'dumb') return false;
  return isTTY === true;
}

/** Text from a policy file may hold terminal control sequences; show them, never run them. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

/**
 * One finding: where, severity and code, the message, the frame and the hint.
 * @param finding the error or warning
 * @param paint colours, or `plain`
 */
export function formatFinding(finding: UpfrontError, paint: Painter = plain): string {
  const where = printable([finding.file, finding.line, finding.column].filter((part) => part !== undefined).join(':'));
  const label = finding.severity === 'error' ? paint.red('error') : paint.yellow('warning');
  const lines = [`${where ? `${paint.bold(where)} ` : ''}${label} ${paint.dim(finding.code)}`, `  ${printable(finding.message)}`];
  const isCaretLine = (line: string) => /^\s+\|\s*\^$/.test(line.replace(/\d/g, ' '));
  if (finding.frame) lines.push(finding.frame.split('\n').map((l) => `  ${isCaretLine(l) ? l.replace('^', paint.red('^')) : l}`).join('\n'));
  if (finding.hint) lines.push(`  ${paint.cyan('hint:')} ${printable(finding.hint)}`);
  return lines.join('\n');
}

/**
 * Every finding, each followed by a blank line, then the count of errors and warnings;
 * empty when there are none.
 * @param findings errors and warnings in the order to show them
 * @param paint colours, or `plain`
 */
export function formatFindings(findings: readonly UpfrontError[], paint: Painter = plain): string {
  if (findings.length === 0) return '';
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const blocks = findings.map((f) => `${formatFinding(f, paint)}\n\n`).join('');
  return `${blocks}${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`;
}
