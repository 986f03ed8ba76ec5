/**
 * Property-based: thousands of generated policy files, valid ones and mutations of them,
 * go through `checkSources`. Nothing may throw; valid files pass; every failure is a
 * catalogued finding that points inside the file; no object prototype is touched.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogue, errorCodes } from '../src/errors/catalogue.js';
import type { UpfrontError } from '../src/errors/upfront-error.js';
import { checkSources } from '../src/index.js';
import { mutatedDocument, validDocument } from './support/policy-arbitrary.js';

let documents = 0;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

function check(text: string, strict = false) {
  documents++;
  const bytes = Buffer.from(text, 'utf8');
  return { result: checkSources([{ file: 'policies/generated.yaml', shopId: 'generated', bytes }], ['en'], strict), bytes };
}

/** Everything a finding must be, whatever the input. */
function expectWellFormed(f: UpfrontError, bytes: Uint8Array, strict: boolean): void {
  // Lines as the owner's editor shows them (a byte-order mark is not part of the first line).
  const lines = new TextDecoder('utf-8').decode(bytes).split(/\r?\n/);
  expect(errorCodes).toContain(f.code);
  expect(f.severity).toBe(strict ? 'error' : catalogue[f.code].severity);
  expect(f.message.length).toBeGreaterThan(0);
  expect(f.message).not.toMatch(/undefined|\[object /);
  expect(f.file).toBe('policies/generated.yaml');
  expect(Number.isInteger(f.line) && f.line! >= 1 && f.line! <= lines.length, `line ${f.line} of ${lines.length}`).toBe(true);
  const lineLength = lines[f.line! - 1]!.length;
  expect(Number.isInteger(f.column) && f.column! >= 1 && f.column! <= lineLength + 1, `column ${f.column} of a ${lineLength}-character line`).toBe(true);
  if (f.frame) expect(f.frame).toMatch(new RegExp(`^> +${f.line} \\|`, 'm'));
}

describe('checking generated policy files', () => {
  it('passes every valid policy, whatever YAML style it is written in (600 documents)', () => {
    fc.assert(
      fc.property(validDocument, (text) => {
        const { result } = check(text);
        expect(result.errors.map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`), text).toEqual([]);
        expect(result.shops).toHaveLength(1);
        for (const warning of result.warnings) expect(warning.severity).toBe('warning');
      }),
      { numRuns: 600 },
    );
  });

  it('answers every mutated policy with catalogued findings inside the file, and never throws (1,500 documents)', () => {
    fc.assert(
      fc.property(mutatedDocument, fc.boolean(), (text, strict) => {
        const { result, bytes } = check(text, strict);
        for (const f of result.findings) expectWellFormed(f, bytes, strict);
        expect(result.findings.length).toBe(result.errors.length + result.warnings.length);
        // Report order: by line, then column.
        const order = result.findings.map((f) => f.line! * 1e6 + f.column!);
        expect(order).toEqual([...order].sort((x, y) => x - y));
        if (result.errors.length > 0) expect(result.shops).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  afterAll(() => {
    // Guards the acceptance figure, and that no document reached an object prototype.
    expect(documents).toBeGreaterThanOrEqual(2000);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  });
});
