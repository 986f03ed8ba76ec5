/**
 * Turns a policy file's bytes into a YAML document that remembers where every value
 * came from, so later stages can point at the exact line and column. Bytes that are
 * not a policy (too large, binary, not UTF-8, empty) stop here with a clear finding.
 */
import { parseDocument, type Document, type YAMLError } from 'yaml';
import { UpfrontError } from '../errors/upfront-error.js';
import type { ErrorCode } from '../errors/catalogue.js';
import { codeFrame, splitLines } from '../errors/frame.js';
import { maxParseDepth, maxPolicyBytes, maxSyntaxErrors } from './limits.js';
import { tooDeepAt } from './nesting.js';
import type { PolicySource } from './read-policies.js';
import { shopIdProblem } from './shop-id.js';
import { textProblem } from './text.js';

export { maxPolicyBytes } from './limits.js';

export interface ParsedPolicy {
  file: string;
  shopId: string;
  text: string;
  /** The text split into lines once, for code frames. */
  lines: string[];
  document: Document.Parsed;
  /** Offset of the first character of each line, for `lineColumn`. */
  lineStarts: number[];
  /** True when the YAML has syntax errors: its shape cannot be trusted, so the schema is not run. */
  broken: boolean;
}

export interface ParseResult {
  /** The document, whenever there is one (even a broken one, for key checks). */
  parsed?: ParsedPolicy;
  errors: UpfrontError[];
}

/**
 * Decodes and parses one policy file; every reason it cannot be read becomes a finding.
 * @param source file name, shop id and bytes from `readPolicies`
 */
export function parsePolicy(source: PolicySource): ParseResult {
  const { file, shopId, bytes } = source;
  const errors: UpfrontError[] = [];
  const idProblem = shopIdProblem(shopId);
  if (idProblem) errors.push(new UpfrontError('unsafe-shop-id', { ...idProblem, file, line: 1, column: 1 }));

  if (source.readError !== undefined) {
    return { errors: [...errors, new UpfrontError('unreadable-file', { message: `${file} could not be read: ${source.readError}.`, file })] };
  }
  const size = source.size ?? bytes.byteLength;
  if (size > maxPolicyBytes) {
    const message = `${file} is ${Math.ceil(size / 1024)} KB, more than the ${maxPolicyBytes / 1024} KB a policy file may be.`;
    return { errors: [...errors, new UpfrontError('file-too-large', { message, file, line: 1, column: 1 })] };
  }
  const decoded = textProblem(bytes);
  if ('problem' in decoded) {
    const { message, hint, line, column } = decoded.problem;
    return { errors: [...errors, new UpfrontError('not-text', { message: `${file} ${message}`, ...(hint ? { hint } : {}), file, line, column })] };
  }
  const { text } = decoded;
  // Line by line: one regular expression over the whole text backtracks quadratically on blank lines.
  if (text.split('\n').every((line) => /^[ \t\r\uFEFF]*(#.*)?$/.test(line))) {
    return { errors: [...errors, new UpfrontError('empty-file', { message: `${file} has no answers in it.`, file, line: 1, column: 1 })] };
  }

  const deep = tooDeepAt(text);
  if (deep >= 0) {
    const lines = splitLines(text);
    const [line, column] = lineColumn({ lineStarts: startsOfLines(text) }, deep);
    const message = `The answers are nested more than ${maxParseDepth} levels deep here, too deep to read; a policy needs no more than 6.`;
    return { errors: [...errors, new UpfrontError('yaml-too-complex', { message, file, line, column, frame: codeFrame(lines, line, column) })] };
  }
  // uniqueKeys is off: the library's check is quadratic in the number of keys;
  // validate/structure.ts finds duplicate keys in one pass instead.
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: false, strict: true, logLevel: 'error' });
  const lines = splitLines(text);
  const lineStarts = startsOfLines(text);
  const parsed: ParsedPolicy = { file, shopId, text, lines, document, lineStarts, broken: false };
  const at = (offset: number) => lineColumn(parsed, offset);
  const yamlProblems = [...document.errors, ...document.warnings].sort((a, b) => a.pos[0] - b.pos[0]);
  // After the first syntax error the parser has lost its footing, and what it reports
  // next is mostly an echo of that error; the first is the one to fix. Tab-indented
  // lines are each a problem of their own, so every one of them is listed.
  const isTabLine = (problem: YAMLError) => problem.code === 'TAB_AS_INDENT' || /^[ ]*\t/.test(lines[at(problem.pos[0])[0] - 1] ?? '');
  const first = yamlProblems.find((problem) => !isTabLine(problem));
  const tabLines = [...new Set(yamlProblems.filter(isTabLine).map((p) => at(p.pos[0])[0]))].slice(0, maxSyntaxErrors);
  for (const line of tabLines) {
    errors.push(new UpfrontError('yaml-tab-indent', { message: 'This line is indented with a tab, and YAML only accepts spaces.', file, line, column: 1, frame: codeFrame(lines, line, 1) }));
  }
  if (first && !(tabLines.length > 0 && at(first.pos[0])[0] > tabLines[0]!)) {
    const [line, column] = at(first.code === 'MISSING_CHAR' && /quote/.test(first.message) ? openingQuote(text, first.pos[0]) : first.pos[0]);
    const { code, message, hint } = yamlFinding(first, lines[line - 1] ?? '', text.slice(first.pos[0], Math.max(first.pos[1], first.pos[0] + 2)));
    errors.push(new UpfrontError(code, { message, ...(hint ? { hint } : {}), file, line, column, frame: codeFrame(lines, line, column) }));
  }
  parsed.broken = yamlProblems.length > 0;
  if (!parsed.broken && isEmptyDocument(document)) {
    errors.push(new UpfrontError('empty-file', { message: `${file} has no answers in it.`, file, line: 1, column: 1 }));
    return { errors };
  }
  return { parsed, errors };
}

/** The parser notices a missing closing quote where the file ends; the owner needs the quote that opened. */
function openingQuote(text: string, end: number): number {
  const before = text.slice(0, end);
  const opening = [...before.matchAll(/(?:^|[:,[{-])[ \t]*(["'])/gm)].at(-1);
  return opening ? opening.index + opening[0].length - 1 : end;
}

/**
 * 1-based line and column of an offset. Counted here rather than by the YAML library,
 * whose count skips line breaks inside some broken constructs.
 * @param where a parsed file (its line starts)
 * @param offset a character offset into the file's text
 */
export function lineColumn(where: Pick<ParsedPolicy, 'lineStarts'>, offset: number): [number, number] {
  const starts = where.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return [low + 1, offset - starts[low]! + 1];
}

function startsOfLines(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function isEmptyDocument(document: Document.Parsed): boolean {
  const contents = document.contents as { value?: unknown } | null;
  return contents === null || (contents.value === null && !('items' in contents));
}

interface YamlFinding {
  code: ErrorCode;
  message: string;
  hint?: string;
}

/** The YAML library's error in the owner's words, with the fix for the usual causes. */
function yamlFinding(problem: YAMLError, lineText: string, source: string): YamlFinding {
  const first = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '').replace(/[.:]$/, '');
  // Only for lines a person wrote: the pattern backtracks on very long lines.
  const pair = lineText.length <= 500 ? lineText.match(/^(\s*(?:-\s+)?)([^:#]+?):\s+(.+?)\s*$/) : null;
  const quoted = pair ? `\`${pair[1]!.trimStart()}${pair[2]}: "${pair[3]!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\`` : undefined;
  switch (problem.code) {
    case 'RESOURCE_EXHAUSTION':
      return { code: 'yaml-too-complex', message: 'The answers are nested too deeply here to be read.' };
    case 'MULTIPLE_DOCS':
      return {
        code: 'yaml-syntax',
        message: 'A second YAML document starts here (a `---` line); a policy file holds one.',
        hint: 'Delete this `---` line, or move what follows it into a policy file of its own.',
      };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        code: 'yaml-syntax',
        message: 'This value contains a colon followed by a space, which YAML reads as the start of another answer.',
        hint: quoted ? `Put the value in quotes: ${quoted}.` : 'Put the value in quotes.',
      };
    case 'BAD_SCALAR_START': {
      const character = first.match(/character (\S)/)?.[1];
      return {
        code: 'yaml-syntax',
        message: `A value cannot start with ${character ? `\`${character}\`` : 'this character'} unless it is in quotes.`,
        hint: quoted ? `Put the value in quotes: ${quoted}.` : 'Put the value in quotes.',
      };
    }
    case 'BAD_DQ_ESCAPE':
      return {
        code: 'yaml-syntax',
        message: `Inside double quotes a backslash starts an escape such as \\n, and "${source.slice(0, 2)}" is not one.`,
        hint: "Write \\\\ for a backslash, or use single quotes ('...'), where a backslash is an ordinary character.",
      };
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        code: 'yaml-syntax',
        message: 'A key runs over more than one line; usually a colon or a closing quote is missing on the line above.',
      };
    case 'TAG_RESOLVE_FAILED':
      return {
        code: 'yaml-syntax',
        message: `\`${source.split(/\s/)[0] ?? ''}\` is a YAML tag, and upfront reads no tags.`,
        hint: 'Delete the tag and keep the value.',
      };
    case 'MISSING_CHAR':
      if (/quote/.test(first)) {
        return { code: 'yaml-syntax', message: 'The quote that opens this value is never closed.', hint: 'Add the closing quote at the end of the value, on the same line.' };
      }
      break;
    case 'BAD_INDENT':
      if (/same column/.test(first)) {
        return {
          code: 'yaml-syntax',
          message: 'This line is indented differently from the answers around it.',
          hint: 'Answers of the same block start in the same column; indent with two spaces per level.',
        };
      }
      if (/Flow (sequence|mapping)/.test(first)) {
        return { code: 'yaml-syntax', message: `A ${first.includes('sequence') ? 'list written in [ ]' : 'block written in { }'} is not closed before this line.`, hint: `Close it with ${first.includes('sequence') ? ']' : '}'} on the line where it started.` };
      }
      break;
    default:
      break;
  }
  return { code: 'yaml-syntax', message: `${first}.` };
}

