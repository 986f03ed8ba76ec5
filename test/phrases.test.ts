/**
 * A translator's slip in templates/<lang>/phrases.json is the owner's problem to fix,
 * named with the file and the entry, not a crash half-way through a build.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTemplates } from '../src/load/index.js';
import { templatesDir } from './support/paths.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'upfront-phrases-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function templatesWith(change: (phrases: any) => void, name: string): string {
  const dir = path.join(temp, name);
  cpSync(templatesDir, dir, { recursive: true });
  const file = path.join(dir, 'en/phrases.json');
  const phrases = JSON.parse(readFileSync(file, 'utf8'));
  change(phrases);
  writeFileSync(file, JSON.stringify(phrases));
  return dir;
}

describe('phrases.json', () => {
  it('is read as it ships', async () => {
    const set = await readTemplates(templatesDir, ['en']);
    expect(set.languages['en']!.phrases.units.day.other).toBe('{n} days');
  });

  it('names the file and the entry when a unit word is missing', async () => {
    const dir = templatesWith((p) => delete p.units.businessDay, 'missing-unit');
    await expect(readTemplates(dir, ['en'])).rejects.toMatchObject({ code: 'template-error', message: expect.stringContaining('`units.businessDay`') });
  });

  it('refuses a unit word without {n}, which would drop the number from every page', async () => {
    const dir = templatesWith((p) => (p.units.day.other = 'days'), 'no-number');
    await expect(readTemplates(dir, ['en'])).rejects.toMatchObject({ code: 'template-error', message: expect.stringContaining('{n}') });
  });
});
