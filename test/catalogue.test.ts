/**
 * The catalogue and the fixtures cannot drift apart: every code is raised by at least
 * one invalid fixture, or is listed here with the test that raises it another way; and
 * every finding follows the message style guide (src/errors/STYLE.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, errorCodes, type ErrorCode } from '../src/errors/catalogue.js';
import { checkSources } from '../src/index.js';
import { invalidCases } from './support/invalid.js';
import { root } from './support/paths.js';

/** Codes no single policy file can raise, with the test that raises them. */
const reachableOnlyOtherwise: Partial<Record<ErrorCode, { how: string; test: string }>> = {
  'no-policies': { how: 'a missing or empty policies folder', test: 'test/policy-files.test.ts' },
  'unreadable-file': { how: 'a folder, pipe, device or broken link named *.yaml', test: 'test/policy-files.test.ts' },
  'duplicate-shop-id': { how: 'shop.yaml beside shop.yml', test: 'test/policy-files.test.ts' },
  'template-error': { how: 'a broken template', test: 'test/cli-errors.test.ts' },
  'unsafe-output': { how: 'an output folder that is a file, the project or not a build', test: 'test/cli-errors.test.ts' },
  'cannot-write': { how: 'a write that fails (disk full)', test: 'test/cli-errors.test.ts' },
  'policy-exists': { how: '`upfront init` for a shop whose file exists', test: 'test/init.test.ts' },
  'port-in-use': { how: '`upfront dev` on a port another program holds', test: 'test/dev.test.ts' },
};

const cases = invalidCases();
const findings = cases.flatMap((c) => checkSources([c.source], ['en']).findings.map((f) => ({ case: c.name, f })));

describe('the error catalogue', () => {
  it('has every code raised by an invalid fixture, or listed with the test that raises it', () => {
    const raised = new Set(findings.map(({ f }) => f.code));
    const unused = errorCodes.filter((code) => !raised.has(code) && !reachableOnlyOtherwise[code] && !catalogue[code].retired);
    expect(unused, 'codes no fixture raises: add a fixture, or list the code above with its test').toEqual([]);
  });

  it('lists as "reachable only otherwise" only codes no fixture raises, each raised in the named test', () => {
    const raised = new Set(findings.map(({ f }) => f.code));
    for (const [code, { test }] of Object.entries(reachableOnlyOtherwise)) {
      expect(raised.has(code as ErrorCode), `${code} is raised by a fixture; remove it from the list`).toBe(false);
      expect(readFileSync(path.join(root, test), 'utf8'), `${test} must raise ${code}`).toMatch(new RegExp(`\\b${code}\\b`));
    }
  });

  it('is where every finding’s code and severity come from', () => {
    for (const { case: name, f } of findings) {
      expect(errorCodes, name).toContain(f.code);
      expect(f.severity, `${name}: ${f.code}`).toBe(catalogue[f.code].severity);
    }
  });
});

describe('every message and hint', () => {
  const texts = [
    ...findings.flatMap(({ case: name, f }) => [
      { where: `${name} ${f.code} message`, text: f.message },
      ...(f.hint ? [{ where: `${name} ${f.code} hint`, text: f.hint }] : []),
    ]),
    ...Object.entries(catalogue).flatMap(([code, entry]) => (entry.hint ? [{ where: `catalogue ${code} hint`, text: entry.hint }] : [])),
  ];

  it('is a full sentence: a capital or a code first, a full stop or question mark last', () => {
    for (const { where, text } of texts) {
      expect(text, where).toMatch(/^[A-Z`"<]|^policies\//);
      expect(text, where).toMatch(/[.?]$/);
    }
  });

  it('has no "Error:" prefix, no exclamation, no cute or vague words, and nothing left unformatted', () => {
    for (const { where, text } of texts) {
      // What the owner typed and what they should type (quoted or in backticks) may say anything.
      const prose = text.replace(/`[^`]*`/g, '').replace(/"(?:[^"\\]|\\.)*"/g, '');
      expect(prose, where).not.toMatch(/^(error|warning)\b|\berror:/i);
      expect(prose, where).not.toMatch(/!/);
      expect(prose, where).not.toMatch(/\b(oops|whoops|uh-oh|simply|just|sorry|please|invalid input|unrecognized)\b/i);
      expect(text, where).not.toMatch(/undefined|\[object |\bnull\b/);
    }
  });

  it('stays short enough to read at a glance', () => {
    for (const { where, text } of texts) expect(text.length, where).toBeLessThanOrEqual(400);
  });
});

describe('the catalogue entries', () => {
  it('each have a title without a full stop and, where given, a hint that says what to do', () => {
    for (const [code, entry] of Object.entries(catalogue)) {
      expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(entry.title, code).toMatch(/^[A-Z][^.]*[^.]$/);
    }
  });
});
