/**
 * A code frame: the offending line with a line before and after, and a caret under
 * the column, so the owner sees the spot without opening the file.
 */

/**
 * @param text the whole file
 * @param line 1-based line to point at
 * @param column 1-based column to point at
 */
export function codeFrame(text: string, line: number, column: number): string {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' ';
    const content = (lines[n - 1] ?? '').replace(/\t/g, '  ');
    out.push(`${marker} ${String(n).padStart(width)} | ${content.slice(0, 160)}`);
    if (n === line) {
      const before = (lines[n - 1] ?? '').slice(0, Math.max(0, column - 1)).replace(/\t/g, '  ');
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.min(before.length, 160))}^`);
    }
  }
  return out.join('\n');
}
