/**
 * What an owner sees when something goes wrong, through the real `upfront` command:
 * their mistakes exit with 1 and no stack trace, a bug in upfront exits with 2 with its
 * stack and a request to report it, and a build that fails for any reason, in checking,
 * rendering or writing, leaves the published folder byte-identical.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colourWanted } from '../src/errors/format.js';
import { catalogue } from '../src/errors/catalogue.js';
import { root } from './support/paths.js';
import { runUpfront, snapshot, stackLine } from './support/run-cli.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'upfront-cli-errors-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const example = readFileSync(path.join(root, 'policies/juniper-and-lye.yaml'), 'utf8');
const invalid = (name: string) => readFileSync(path.join(root, 'test/fixtures/invalid', name, 'policy.yaml'), 'utf8');

/** A project folder with these policy files and a copy of the templates. */
function project(name: string, policies: Record<string, string>): string {
  const dir = path.join(temp, name);
  mkdirSync(path.join(dir, 'policies'), { recursive: true });
  for (const [file, text] of Object.entries(policies)) writeFileSync(path.join(dir, 'policies', file), text);
  cpSync(path.join(root, 'templates'), path.join(dir, 'templates'), { recursive: true });
  return dir;
}

describe('the owner’s mistakes', () => {
  it('list every problem of every file in file order, with frame and hint, exit 1 and no stack trace', () => {
    const dir = project('mistakes', {
      'b-shop.yaml': invalid('many-problems-in-file-order'),
      'a-shop.yaml': invalid('choice-typo'),
      'c-shop.yaml': example,
    });
    const { code, stdout, stderr } = runUpfront(['check'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(stackLine);
    const positions = [...stderr.matchAll(/^(policies\/[a-z-]+\.yaml:\d+:\d+) (error|warning)/gm)].map((m) => m[1]);
    expect(positions).toEqual([
      'policies/a-shop.yaml:10:11',
      'policies/a-shop.yaml:14:18',
      'policies/b-shop.yaml:6:3',
      'policies/b-shop.yaml:11:13',
      'policies/b-shop.yaml:12:3',
      'policies/b-shop.yaml:13:3',
      'policies/b-shop.yaml:22:18',
    ]);
    expect(stderr).toContain(
      [
        'policies/a-shop.yaml:14:18 error invalid-choice',
        '  `returns.window_starts` expects `delivery` | `purchase` | `shipment`, received "deliverd".',
        '    13 |   window_days: 30',
        '  > 14 |   window_starts: deliverd',
        '       |                  ^',
        '    15 | shipping:',
        '  hint: Did you mean `delivery`?',
      ].join('\n'),
    );
    expect(stderr).toContain('7 errors, 0 warnings');
  });

  it('print machine-readable findings with --json', () => {
    const dir = project('json', { 'a-shop.yaml': invalid('choice-typo'), 'b-shop.yaml': invalid('warnings-only') });
    const { code, stdout, stderr } = runUpfront(['check', '--json'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as { ok: boolean; errors: number; warnings: number; findings: Array<Record<string, unknown>> };
    expect(report).toMatchObject({ ok: false, errors: 2, warnings: 2 });
    expect(report.findings[0]).toEqual({
      code: 'invalid-choice',
      severity: 'error',
      file: 'policies/a-shop.yaml',
      line: 10,
      column: 11,
      message: '`damaged.remedy` expects `replace` | `refund` | `customer_choice`, received "refnd".',
      hint: 'Did you mean `refund`?',
    });
    for (const finding of report.findings) {
      expect(Object.keys(finding)).toEqual(['code', 'severity', 'file', 'line', 'column', 'message', 'hint']);
      expect(Object.keys(catalogue)).toContain(finding['code']);
    }
    expect(report.findings.map((f) => `${String(f['file'])} ${String(f['severity'])}`)).toEqual([
      'policies/a-shop.yaml error',
      'policies/a-shop.yaml error',
      'policies/b-shop.yaml warning',
      'policies/b-shop.yaml warning',
    ]);
  });

  it('treat warnings as warnings, and as failures with --strict', () => {
    const dir = project('strict', { 'shop.yaml': invalid('warnings-only') });
    const relaxed = runUpfront(['check'], { cwd: dir });
    expect(relaxed.code, relaxed.stderr).toBe(0);
    expect(relaxed.stderr).toContain('policies/shop.yaml:11:16 warning zero-return-window');
    expect(relaxed.stderr).toContain('0 errors, 2 warnings');

    const strict = runUpfront(['check', '--strict'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('policies/shop.yaml:11:16 error zero-return-window');
    expect(strict.stderr).toContain('2 errors, 0 warnings');

    const strictBuild = runUpfront(['build', '--strict'], { cwd: dir });
    expect(strictBuild.code).toBe(1);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    expect(runUpfront(['build'], { cwd: dir }).code).toBe(0);
  });

  it('stop at a folder without policies, exit 1, no stack trace', () => {
    const dir = path.join(temp, 'no-policies');
    mkdirSync(dir, { recursive: true });
    const { code, stderr } = runUpfront(['check'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('error no-policies');
    expect(stderr).toContain('The folder policies does not exist.');
    expect(stderr).not.toMatch(stackLine);
  });

  it('show text from the file, never terminal control sequences', () => {
    const dir = project('escapes', { 'shop.yaml': example.replace('window_starts: delivery', 'window_starts: "\\e[2J\\e[31mdelivery"') });
    const { code, stderr } = runUpfront(['check'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).not.toContain('\u001b');
    expect(stderr).toContain('received "\\u001b[2J\\u001b[31mdelivery"');
  });
});

describe('colour', () => {
  it('is used only on a terminal, and never with NO_COLOR or TERM=dumb', () => {
    expect(colourWanted(true, {})).toBe(true);
    expect(colourWanted(false, {})).toBe(false);
    expect(colourWanted(undefined, {})).toBe(false);
    expect(colourWanted(true, { NO_COLOR: '1' })).toBe(false);
    expect(colourWanted(true, { NO_COLOR: '' })).toBe(true);
    expect(colourWanted(true, { TERM: 'dumb' })).toBe(false);
  });

  it('is absent when the output is not a terminal, even without NO_COLOR', () => {
    const dir = project('no-colour', { 'shop.yaml': invalid('choice-typo') });
    const { stderr } = runUpfront(['check'], { cwd: dir, env: { NO_COLOR: '' } });
    expect(stderr).toContain('error invalid-choice');
    expect(stderr).not.toContain('\u001b[');
  });
});

describe('a build that fails', () => {
  let dir: string;
  let before: Record<string, string>;
  let entries: string[];

  beforeAll(() => {
    dir = project('published', { 'juniper-and-lye.yaml': example, 'tidewater.yaml': readFileSync(path.join(root, 'test/fixtures/shops/no-returns/policy.yaml'), 'utf8') });
    const first = runUpfront(['build'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    before = snapshot(path.join(dir, 'dist'));
    entries = readdirSync(dir).sort();
    expect(Object.keys(before).length).toBeGreaterThan(30);
    // Every later build has something new to publish, so an untouched dist/ means nothing was written.
    writeFileSync(path.join(dir, 'policies/juniper-and-lye.yaml'), example.replace('window_days: 30', 'window_days: 45'));
  });

  const untouched = () => {
    expect(snapshot(path.join(dir, 'dist'))).toEqual(before);
    expect(readdirSync(dir).sort(), 'no staging or retired folder is left beside dist/').toEqual(entries);
  };

  it('because of a mistake in a policy: exit 1, dist/ byte-identical', () => {
    const policy = path.join(dir, 'policies/tidewater.yaml');
    const original = readFileSync(policy, 'utf8');
    writeFileSync(policy, original.replace('accepted: false', 'accepted: no'));
    const { code, stderr } = runUpfront(['build'], { cwd: dir });
    writeFileSync(policy, original);
    expect(code).toBe(1);
    expect(stderr).toContain('policies/tidewater.yaml:11:13 error wrong-type');
    expect(stderr).toContain('Nothing was published; dist is unchanged.');
    expect(stderr).not.toMatch(stackLine);
    untouched();
  });

  it('because a policy file name is not a safe folder name: exit 1, dist/ byte-identical', () => {
    const unsafe = path.join(dir, 'policies/Fern & Flint.yaml');
    writeFileSync(unsafe, example);
    const { code, stderr } = runUpfront(['build'], { cwd: dir });
    rmSync(unsafe);
    expect(code).toBe(1);
    expect(stderr).toContain('policies/Fern & Flint.yaml:1:1 error unsafe-shop-id');
    expect(stderr).toContain('hint: Rename the file to fern-flint.yaml.');
    untouched();
  });

  it('because a template is broken, found while rendering: exit 1, dist/ byte-identical', () => {
    const template = path.join(dir, 'templates/en/shipping.md.hbs');
    const original = readFileSync(template, 'utf8');
    writeFileSync(template, `${original}\n{{shipping.procesing}}\n`);
    const { code, stderr } = runUpfront(['build'], { cwd: dir });
    writeFileSync(template, original);
    expect(code).toBe(1);
    expect(stderr).toContain('error template-error');
    expect(stderr).toContain('templates/en/shipping.md.hbs');
    expect(stderr).not.toMatch(stackLine);
    untouched();
  });

  it('because of a bug in the middle of rendering: exit 2 with the stack and a request to report it, dist/ byte-identical', () => {
    const { code, stderr } = runUpfront(['build'], { cwd: dir, fault: 'crash-while-rendering' });
    expect(code).toBe(2);
    expect(stderr).toContain('upfront stopped because of a bug in upfront, not because of your files.');
    expect(stderr).toContain('Please report it');
    expect(stderr).toContain('TypeError: simulated bug in upfront');
    expect(stderr).toMatch(stackLine);
    expect(stderr).toContain('Nothing was published; dist is unchanged.');
    untouched();
  });

  it('because the disk fills up in the middle of writing: exit 1, dist/ byte-identical, nothing left behind', () => {
    const { code, stderr } = runUpfront(['build'], { cwd: dir, fault: 'disk-full-while-writing' });
    expect(code).toBe(1);
    expect(stderr).toContain('error cannot-write');
    expect(stderr).toContain('dist could not be written: the disk is full (ENOSPC during open). Nothing was published.');
    expect(stderr).not.toMatch(stackLine);
    untouched();
  });

  it('because the output location is a file: exit 1, the file untouched', () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'my notes\n');
    const { code, stderr } = runUpfront(['build', '--out', 'notes.txt'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('error unsafe-output');
    expect(stderr).toContain('The output location notes.txt is a file, not a folder; publishing would replace it.');
    expect(readFileSync(file, 'utf8')).toBe('my notes\n');
    rmSync(file);
    untouched();
  });

  it('because the output folder is the project, its policies or a folder of other files: exit 1, nothing replaced', () => {
    for (const [out, message] of [
      ['.', 'The output folder . holds this project; publishing would replace it.'],
      ['policies', 'The output folder policies holds policies; publishing would replace it.'],
      ['..', `The output folder .. holds this project; publishing would replace it.`],
      ['templates/en', 'holds files an upfront build did not write (it has no manifest.json)'],
    ] as const) {
      const { code, stderr } = runUpfront(['build', '--out', out], { cwd: dir });
      expect(code, out).toBe(1);
      expect(stderr).toContain('error unsafe-output');
      expect(stderr).toContain(message);
    }
    expect(readFileSync(path.join(dir, 'policies/tidewater.yaml'), 'utf8')).toContain('Tidewater Prints');
    expect(existsSync(path.join(dir, 'templates/en/returns.md.hbs'))).toBe(true);
    untouched();
  });

  it('and then succeeds: the new build replaces dist/', () => {
    const { code, stderr } = runUpfront(['build'], { cwd: dir });
    expect(code, stderr).toBe(0);
    const after = snapshot(path.join(dir, 'dist'));
    expect(after).not.toEqual(before);
    expect(Buffer.from(after['juniper-and-lye/en/snippets/product.txt']!, 'base64').toString()).toContain('Returns within 45 days');
  });
});
