/**
 * A code frame: the offending line with a line before and after, and a caret under
 * the column, so the owner sees the spot without opening the file.
 */

/** Longest stretch of a line shown; long lines are cut around the column. */
const width = 100;

/**
 * @param source the whole file, or its lines (split once by the caller for speed)
 * @param line 1-based line to point at
 * @param column 1-based column to point at
 */
export function codeFrame(source: string | readonly string[], line: number, column: number): string {
  const lines = typeof source === 'string' ? splitLines(source) : source;
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const numberWidth = String(Math.max(last, line)).length;
  // Every line of the frame is cut at the same place, so the caret stays under its column.
  const start = column - 1 > width - 20 ? column - 1 - (width - 40) : 0;
  const out: string[] = [];
  for (let n = first; n <= Math.max(last, line); n++) {
    const marker = n === line ? '>' : ' ';
    const content = lines[n - 1] ?? '';
    out.push(`${marker} ${String(n).padStart(numberWidth)} | ${visible(content, start)}`.trimEnd());
    if (n === line) {
      const before = visible(content.slice(0, Math.max(0, column - 1)), start);
      out.push(`  ${' '.repeat(numberWidth)} | ${' '.repeat(before.length)}^`);
    }
  }
  return out.join('\n');
}

/** Lines the way YAML counts them. */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** A slice of a line as the terminal shows it: tabs as two spaces, control characters as `?`. */
function visible(content: string, start: number): string {
  // Cut first: a hostile line can be hundreds of kilobytes long.
  const window = content.slice(start, start + width + 1);
  const cut = start > 0 ? `…${window.slice(1)}` : window;
  const shown = cut.length > width ? `${cut.slice(0, width - 1)}…` : cut;
  // Control characters would move the cursor or ring the bell in the owner's terminal.
  return shown.replace(/\t/g, '  ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
}
