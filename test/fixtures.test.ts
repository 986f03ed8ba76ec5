/**
 * One loop over test/fixtures/shops/: each shop's outputs must equal the files in its
 * expected/ folder, byte for byte. `npm run test:update` rewrites expected/ so the
 * change shows in review.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureShops, renderFixture } from './support/shops.js';

const update = process.env['UPDATE_FIXTURES'] === '1';

describe.each(fixtureShops())('fixture shop $name', (shop) => {
  it('renders exactly the expected files', async () => {
    const { files } = await renderFixture(shop);
    // Outputs are relative to the shop's folder; expected/ mirrors dist/<shop>/.
    const actual = new Map(files.map((f) => [f.path.slice(shop.name.length + 1), f.contents]));
    if (update) {
      rmSync(shop.expected, { recursive: true, force: true });
      for (const [file, contents] of actual) {
        mkdirSync(path.dirname(`${shop.expected}/${file}`), { recursive: true });
        writeFileSync(`${shop.expected}/${file}`, contents);
      }
    }
    expect(existsSync(shop.expected), `${shop.expected} is missing; run npm run test:update`).toBe(true);
    const expectedFiles = readdirSync(shop.expected, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(shop.expected, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
    expect([...actual.keys()].sort()).toEqual(expectedFiles);
    for (const [file, contents] of actual) {
      expect(contents, `${shop.name}/${file}`).toBe(readFileSync(`${shop.expected}/${file}`, 'utf8'));
    }
  });
});
