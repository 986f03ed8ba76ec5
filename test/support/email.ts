/**
 * Email blocks rendered in memory for the email tests: every fixture shop's blocks, or a
 * policy changed in memory (owner text with template syntax, other answers), in any
 * dialect.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { checkSources } from '../../src/index.js';
import { listTemplateLanguages, readTemplates } from '../../src/load/index.js';
import { emailKinds, type EmailKind } from '../../src/render/email/index.js';
import { renderShop, type EmailDialect, type OutputFile } from '../../src/render/index.js';
import { fixtureShops, renderFixture, type FixtureShop } from './shops.js';
import { policiesDir, templatesDir } from './paths.js';


export interface EmailBlock {
  shop: string;
  kind: EmailKind;
  html: string;
  text: string;
}

/** The email blocks among a shop's files, in `emailKinds` order. */
export function emailBlocksOf(shop: string, files: readonly OutputFile[], language = 'en'): EmailBlock[] {
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  return emailKinds.map((kind) => {
    const html = byPath.get(`${shop}/${language}/email/${kind}.html`);
    const text = byPath.get(`${shop}/${language}/email/${kind}.txt`);
    if (html === undefined || text === undefined) throw new Error(`${shop} has no ${kind} email block`);
    return { shop, kind, html, text };
  });
}

/** Every fixture shop's email blocks, in the default (plain) dialect. */
export async function fixtureEmailBlocks(): Promise<EmailBlock[]> {
  const all = await Promise.all(fixtureShops().map(async (shop: FixtureShop) => emailBlocksOf(shop.name, (await renderFixture(shop)).files)));
  return all.flat();
}

/**
 * Renders the example shop's policy with some answers changed.
 * @param changes YAML paths (like `shop.name`) → new values
 * @param dialect how placeholders are written
 */
export async function renderExampleWith(changes: Record<string, unknown>, dialect: EmailDialect = 'plain'): Promise<OutputFile[]> {
  const doc = parseDocument(readFileSync(`${policiesDir}/juniper-and-lye.yaml`, 'utf8'));
  for (const [path, value] of Object.entries(changes)) doc.setIn(path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)), value);
  const bytes = Buffer.from(doc.toString());
  const result = checkSources([{ file: 'example.yaml', shopId: 'example', bytes }], await listTemplateLanguages(templatesDir));
  if (result.errors.length > 0) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const templates = await readTemplates(templatesDir, ['en']);
  return renderShop(result.shops[0]!, templates, { emailDialect: dialect }).files;
}
