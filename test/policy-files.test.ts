/**
 * Policy files as they are on disk: every file of the folder checked in one run, in
 * name order; files that are not files (folders, pipes, devices, broken links) and two
 * files for one shop each get a finding, without a hang and without stopping the rest.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check, checkSources } from '../src/index.js';
import { UpfrontError } from '../src/errors/upfront-error.js';
import { invalidCases } from './support/invalid.js';
import { root } from './support/paths.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'upfront-files-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const example = readFileSync(path.join(root, 'policies/juniper-and-lye.yaml'), 'utf8');

function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(temp, name);
  mkdirSync(path.join(dir, 'policies'), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, 'policies', file), text);
  return dir;
}

const brief = (f: UpfrontError) => `${f.file}:${f.line}:${f.column} ${f.code}`;

describe('a folder of policy files', () => {
  it('is checked whole: every problem of every file, file by file, and the good files pass', async () => {
    const dir = folder('several', {
      'c-shop.yaml': example.replace('window_days: 30', 'window_days: 30 days'),
      'a-shop.yaml': example.replace('accepted: true', 'accepted: yes').replace('currency: USD', 'currency: usd'),
      'b-shop.yaml': example,
    });
    const result = await check({ cwd: dir, templates: path.join(root, 'templates') });
    expect(result.findings.map(brief)).toEqual([
      'policies/a-shop.yaml:17:13 invalid-format',
      'policies/a-shop.yaml:27:13 wrong-type',
      'policies/c-shop.yaml:28:16 wrong-type',
    ]);
    expect(result.shops.map((s) => s.shopId)).toEqual(['b-shop']);
  });

  it('reports what cannot be read, without waiting on a pipe or reading a device, and checks the rest', async () => {
    const dir = folder('not-files', { 'good.yaml': example });
    mkdirSync(path.join(dir, 'policies/folder.yaml'));
    symlinkSync(path.join(dir, 'nowhere.yaml'), path.join(dir, 'policies/broken-link.yaml'));
    symlinkSync('/dev/zero', path.join(dir, 'policies/zeros.yaml'));
    const fifo = spawnSync('mkfifo', [path.join(dir, 'policies/pipe.yaml')]);
    expect(fifo.status, 'mkfifo is needed for this test').toBe(0);
    const result = await check({ cwd: dir, templates: path.join(root, 'templates') });
    expect(result.findings.map((f) => `${f.file} ${f.code}: ${f.message}`)).toEqual([
      'policies/broken-link.yaml unreadable-file: policies/broken-link.yaml could not be read: it no longer exists, or is a link to a file that does not exist.',
      'policies/folder.yaml unreadable-file: policies/folder.yaml could not be read: it is a folder, not a file.',
      'policies/pipe.yaml unreadable-file: policies/pipe.yaml could not be read: it is not a plain file.',
      'policies/zeros.yaml unreadable-file: policies/zeros.yaml could not be read: it is not a plain file.',
    ]);
    expect(result.shops.map((s) => s.shopId)).toEqual(['good']);
  });

  it('reads no more of a huge file than the limit, and says how large it is', async () => {
    const dir = folder('huge', {});
    writeFileSync(path.join(dir, 'policies/huge.yaml'), Buffer.alloc(5 * 1024 * 1024, 'a'));
    const result = await check({ cwd: dir, templates: path.join(root, 'templates') });
    expect(result.findings.map((f) => `${f.code}: ${f.message}`)).toEqual(['file-too-large: policies/huge.yaml is 5120 KB, more than the 256 KB a policy file may be.']);
  });

  it('refuses two files that would publish into the same folder', async () => {
    const dir = folder('twins', { 'shop.yaml': example, 'shop.yml': example });
    const result = await check({ cwd: dir, templates: path.join(root, 'templates') });
    expect(result.findings.map((f) => `${brief(f)}: ${f.message}`)).toEqual([
      'policies/shop.yml:1:1 duplicate-shop-id: policies/shop.yml and policies/shop.yaml would both publish into dist/shop/.',
    ]);
    expect(result.shops.map((s) => s.file)).toEqual(['policies/shop.yaml']);
  });

  it('stops with no-policies when the folder is missing or holds no YAML', async () => {
    await expect(check({ cwd: path.join(temp, 'missing') })).rejects.toMatchObject({ code: 'no-policies', message: 'The folder policies does not exist.' });
    const dir = folder('no-yaml', { 'readme.txt': 'hello' });
    await expect(check({ cwd: dir })).rejects.toMatchObject({ code: 'no-policies', message: 'The folder policies holds no .yaml files.' });
  });
});

describe('hostile policies', () => {
  it('never change the prototype of any object', () => {
    const hostile = invalidCases().filter((c) => c.name.startsWith('hostile-'));
    expect(hostile.length).toBeGreaterThan(10);
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const proto = `__proto__:\n  polluted: true\nshop:\n  constructor:\n    prototype:\n      polluted: true\n  __proto__: { polluted: true }\n`;
    checkSources([...hostile.map((c) => c.source), { file: 'policies/p.yaml', shopId: 'p', bytes: Buffer.from(proto + example.slice(example.indexOf('returns:'))) }], ['en']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  });

  it('stop the schema from ever seeing a __proto__ key as data', () => {
    const result = checkSources([{ file: 'policies/p.yaml', shopId: 'p', bytes: Buffer.from(example.replace('returns:\n', 'returns:\n  __proto__: { accepted: false }\n')) }], ['en']);
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.code}`)).toEqual(['27:3 forbidden-key']);
    expect(result.shops).toEqual([]);
  });
});
