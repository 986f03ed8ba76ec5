/**
 * Turns a policy file's bytes into a YAML document that remembers where every value
 * came from, so later stages can point at the exact line and column.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { UpfrontError } from '../errors/upfront-error.js';
import { codeFrame } from '../errors/frame.js';
import type { PolicySource } from './read-policies.js';

/** Larger than any real policy by two orders of magnitude; bounds work on hostile files. */
export const maxPolicyBytes = 256 * 1024;

export interface ParsedPolicy {
  file: string;
  shopId: string;
  text: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export interface ParseResult {
  parsed?: ParsedPolicy;
  errors: UpfrontError[];
}

const safeShopId = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Decodes and parses one policy file; YAML syntax problems become findings.
 * @param source file name, shop id and bytes from `readPolicies`
 */
export function parsePolicy(source: PolicySource): ParseResult {
  const { file, shopId, bytes } = source;
  if (!safeShopId.test(shopId)) {
    return fail('unsafe-shop-id', file, `The file name "${shopId}" cannot become a folder in dist/.`);
  }
  if (bytes.byteLength > maxPolicyBytes) {
    return fail('file-too-large', file, `${file} is ${Math.ceil(bytes.byteLength / 1024)} KB; the limit is ${maxPolicyBytes / 1024} KB.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('not-text', file, `${file} is not UTF-8 text.`);
  }
  if (text.includes('\u0000')) return fail('not-text', file, `${file} contains binary data.`);
  if (text.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(text)) return fail('empty-file', file, `${file} has no answers in it.`);

  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const errors = document.errors.map((error) => {
    const [line, column] = lineColumn(lineCounter, error.pos[0]);
    const tab = text.split('\n')[line - 1]?.match(/^ *\t/);
    const code = error.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : tab ? 'yaml-tab-indent' : 'yaml-syntax';
    return new UpfrontError(code, {
      message: yamlMessage(error.code, error.message),
      file,
      line,
      column,
      frame: codeFrame(text, line, column),
    });
  });
  return errors.length > 0 ? { errors } : { parsed: { file, shopId, text, document, lineCounter }, errors };
}

/** 1-based line and column of an offset. */
export function lineColumn(lineCounter: LineCounter, offset: number): [number, number] {
  const { line, col } = lineCounter.linePos(offset);
  return [line, col];
}

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'This key already appears earlier in the same block.';
  // The yaml library's first sentence says what is wrong; the rest repeats the position.
  return message.split(/ at line \d+/)[0]!.replace(/\.$/, '') + '.';
}

function fail(code: 'unsafe-shop-id' | 'file-too-large' | 'not-text' | 'empty-file', file: string, message: string): ParseResult {
  return { errors: [new UpfrontError(code, { message, file, line: 1, column: 1 })] };
}
