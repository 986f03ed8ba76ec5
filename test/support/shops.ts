/**
 * Renders fixture shops in memory, the way `build` does, without touching dist/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { checkSources } from '../../src/index.js';
import { listTemplateLanguages, readTemplates } from '../../src/load/index.js';
import { renderShop, type RenderedShop } from '../../src/render/index.js';
import type { UpfrontError } from '../../src/errors/upfront-error.js';
import { fixtures, policiesDir, templatesDir } from './paths.js';

export interface FixtureShop {
  /** Folder name under test/fixtures/shops/. */
  name: string;
  /** The policy file the fixture reads (the example shop's lives in policies/). */
  input: string;
  /** Folder of expected output files. */
  expected: string;
}

/** Every fixture shop: each folder in test/fixtures/shops/ and each file in policies/. */
export function fixtureShops(): FixtureShop[] {
  const shopsDir = `${fixtures}/shops`;
  const fromFolders = readdirSync(shopsDir)
    .filter((name) => existsSync(`${shopsDir}/${name}/policy.yaml`))
    .map((name) => ({ name, input: `${shopsDir}/${name}/policy.yaml`, expected: `${shopsDir}/${name}/expected` }));
  const examples = readdirSync(policiesDir)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => {
      const name = file.replace(/\.yaml$/, '');
      return { name, input: `${policiesDir}/${file}`, expected: `${shopsDir}/${name}/expected` };
    });
  return [...examples, ...fromFolders].sort((a, b) => a.name.localeCompare(b.name));
}

export interface Rendered extends RenderedShop {
  warnings: UpfrontError[];
}

/**
 * @param shop a fixture from `fixtureShops`
 */
export async function renderFixture(shop: FixtureShop): Promise<Rendered> {
  const bytes = readFileSync(shop.input);
  const languages = await listTemplateLanguages(templatesDir);
  const result = checkSources([{ file: shop.input, shopId: shop.name, bytes }], languages);
  if (result.errors.length > 0) throw new Error(result.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`).join('\n'));
  const checked = result.shops[0]!;
  const templates = await readTemplates(templatesDir, checked.policy.shop.languages);
  return { ...renderShop(checked, templates), warnings: result.warnings };
}

/** What a reader sees of an HTML file: text without tags, scripts or styles, entities decoded. */
export function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes character references in one pass, so `&amp;amp;` stays `&amp;`. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return named[ref.toLowerCase()] ?? whole;
  });
}
