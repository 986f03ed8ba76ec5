/**
 * One loop over test/fixtures/invalid/: every broken policy gets exactly the findings
 * pinned in its expected.json (code, severity, line, column, message, hint), in report
 * order. `npm run test:update` rewrites expected.json so a change shows in review.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSources, type CheckResult } from '../src/index.js';
import type { UpfrontError } from '../src/errors/upfront-error.js';
import { splitLines } from '../src/errors/frame.js';
import { invalidCases } from './support/invalid.js';

const update = process.env['UPDATE_FIXTURES'] === '1';
const cases = invalidCases();

/** What expected.json pins of a finding. */
function pinned(f: UpfrontError): Record<string, unknown> {
  return { code: f.code, severity: f.severity, line: f.line, column: f.column, message: f.message, ...(f.hint !== undefined ? { hint: f.hint } : {}) };
}

describe.each(cases)('invalid policy $name', ({ folder, source, text }) => {
  let result: CheckResult;
  beforeAll(() => {
    result = checkSources([source], ['en']);
  });

  it('reports exactly the expected findings, in order', () => {
    const actual = result.findings.map(pinned);
    if (update) writeFileSync(`${folder}/expected.json`, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(`${folder}/expected.json`), `${folder}/expected.json is missing; run npm run test:update`).toBe(true);
    const expected = JSON.parse(readFileSync(`${folder}/expected.json`, 'utf8')) as unknown[];
    expect(actual, text.slice(0, 400)).toEqual(expected);
    expect(actual.length, 'a broken policy must have at least one finding').toBeGreaterThan(0);
    if (result.errors.length > 0) expect(result.shops, 'a policy with errors publishes nothing').toEqual([]);
  });

  it('puts the caret of every code frame under the reported column', () => {
    const lines = splitLines(Buffer.from(source.bytes).toString('utf8').replace(/^\uFEFF/, ''));
    for (const f of result.findings) {
      if (!f.frame) continue;
      const frame = f.frame.split('\n');
      const marked = frame.findIndex((l) => l.startsWith(`> ${f.line} |`) || new RegExp(`^> +${f.line} \\|`).test(l));
      expect(marked, `${f.code}: no line ${f.line} in\n${f.frame}`).toBeGreaterThanOrEqual(0);
      const shown = frame[marked]!;
      const caret = frame[marked + 1]!;
      const pointedAt = shown[caret.indexOf('^')];
      const inFile = lines[f.line! - 1]?.[f.column! - 1];
      if (inFile !== undefined && inFile !== '\t' && inFile >= ' ') expect(pointedAt, `${f.code} at ${f.line}:${f.column}\n${f.frame}`).toBe(inFile);
    }
  });
});

describe('the invalid policy fixtures', () => {
  it('are at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });
});
