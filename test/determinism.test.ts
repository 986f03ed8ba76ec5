/**
 * The same answers give byte-identical output: no clock, no randomness, no order
 * that depends on the file system.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, render } from '../src/index.js';
import { root } from './support/paths.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'upfront-determinism-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

describe('two builds of the same input', () => {
  it('render the same files in the same order', async () => {
    const first = await render({ cwd: root });
    const second = await render({ cwd: root });
    expect(second.files).toEqual(first.files);
  });

  it('publish byte-identical folders', async () => {
    await build({ cwd: root, out: path.join(temp, 'a') });
    await build({ cwd: root, out: path.join(temp, 'b') });
    const a = tree(path.join(temp, 'a'));
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(tree(path.join(temp, 'b'))).toEqual(a);
  });
});
