/**
 * Start-up stays lean: `upfront --version` and `upfront check` load no rendering code
 * (Handlebars, unified, juice). Checked on the bundle's static imports, which is what
 * Node reads before running anything; timings belong to `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/paths.js';

/** Every lib/ file reachable from `entry` through static imports. */
function staticallyLoaded(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(path.join(root, 'lib', file), 'utf8');
    for (const match of source.matchAll(/^import\s[^'"]*?["']\.\/([^'"]+)["'];?$/gm)) visit(match[1]!);
  };
  visit(entry);
  return seen;
}

describe('what the command loads before it runs', () => {
  it('keeps the renderers out of the check path', () => {
    for (const entry of ['cli.js', 'index.js']) {
      const loaded = staticallyLoaded(entry);
      expect([...loaded], entry).not.toContain('render.js');
      for (const file of loaded) {
        const source = readFileSync(path.join(root, 'lib', file), 'utf8');
        expect(source, `${file} bundles Handlebars`).not.toContain('Handlebars.VERSION');
      }
    }
  });

  it('still has a separate rendering chunk that build loads on demand', () => {
    const loaded = [...staticallyLoaded('index.js')].map((file) => readFileSync(path.join(root, 'lib', file), 'utf8'));
    expect(loaded.some((source) => /import\(["']\.\/render\.js["']\)/.test(source))).toBe(true);
  });
});
