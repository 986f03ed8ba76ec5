/**
 * render: validated policies + templates → every output file, in memory. Pure: no
 * disk, no clock, so the same input always gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { deriveFacts, type Facts } from '../derive/index.js';
import type { TemplateSet } from '../load/read-templates.js';
import type { Policy } from '../validate/schema.js';
import { renderDashboard, renderSiteIndex } from './dashboard.js';
import { renderEmails, type EmailDialect } from './email/index.js';
import type { OutputFile } from './output.js';
import { renderPage } from './pages.js';
import { renderSnippet } from './snippets.js';
import { serialiseJsonLd, structuredData } from './structured-data.js';
import { compileTemplates } from './templates.js';

export type { OutputFile } from './output.js';
export { emailDialects, type EmailDialect } from './email/index.js';

export interface ShopInput {
  shopId: string;
  policy: Policy;
}

export interface RenderOptions {
  /** How email placeholders are written: `plain` blanks (default), `shopify` or `klaviyo` variables. */
  emailDialect?: EmailDialect;
}

export interface RenderedShop {
  shopId: string;
  /** Facts per language, for tools and tests that compare outputs with them. */
  facts: Record<string, Facts>;
  files: OutputFile[];
}

/**
 * Every output of one shop, in every language it lists.
 * @param shop the shop's id and validated policy
 * @param templates the wording, read by `readTemplates`
 * @param options choices that apply to every shop of a build
 */
export function renderShop({ shopId, policy }: ShopInput, templates: TemplateSet, options: RenderOptions = {}): RenderedShop {
  const files: OutputFile[] = [];
  const factsByLanguage: Record<string, Facts> = {};
  const css = templates.assets['page.css'] ?? '';
  for (const language of policy.shop.languages) {
    const source = templates.languages[language];
    if (!source) throw new Error(`templates for "${language}" were not loaded`);
    const compiled = compileTemplates(source);
    const facts = deriveFacts(policy, shopId, language, source.phrases);
    factsByLanguage[language] = facts;
    const folder = `${shopId}/${language}`;
    const jsonLd = serialiseJsonLd(structuredData(policy, facts));
    files.push(
      ...renderPage({ kind: 'returns', facts, templates: compiled, css, jsonLd, folder }),
      ...renderPage({ kind: 'shipping', facts, templates: compiled, css, jsonLd, folder }),
      ...renderSnippet('checkout', facts, compiled, folder),
      ...renderSnippet('product', facts, compiled, folder),
      ...renderEmails({ facts, templates: compiled, templateSet: templates, dialect: options.emailDialect ?? 'plain', folder }),
      { path: `${folder}/structured-data.jsonld`, contents: `${jsonLd}\n` },
    );
  }
  const firstLanguage = policy.shop.languages[0]!;
  files.push(
    renderDashboard({
      shopId,
      facts: factsByLanguage[firstLanguage]!,
      files,
      templates: compileTemplates(templates.languages[firstLanguage]!),
      ...dashboardAssets(templates),
    }),
  );
  return { shopId, facts: factsByLanguage, files };
}

/**
 * The files that span shops: the list of shops and the manifest of every file.
 * @param shops every rendered shop, in id order
 * @param templates the wording (the list of shops uses the first language loaded)
 */
export function renderSite(shops: RenderedShop[], templates: TemplateSet): OutputFile[] {
  const language = templates.languages['en'] ?? Object.values(templates.languages)[0];
  const files = shops.flatMap((shop) => shop.files);
  const sites = shops.map((shop) => ({ id: shop.shopId, facts: Object.values(shop.facts)[0]! }));
  const index: OutputFile[] = language ? [renderSiteIndex(sites, compileTemplates(language), dashboardAssets(templates).css)] : [];
  const all = [...index, ...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest = {
    files: all.map((file) => ({
      path: file.path,
      bytes: Buffer.byteLength(file.contents),
      sha256: createHash('sha256').update(file.contents).digest('hex'),
    })),
  };
  return [...all, { path: 'manifest.json', contents: `${JSON.stringify(manifest, null, 2)}\n` }];
}

/** The dashboard's styles (the pages' own, then its additions), preview host styles and script. */
function dashboardAssets(templates: TemplateSet): { css: string; previewCss: string; script: string } {
  const { assets } = templates;
  return {
    css: `${assets['page.css'] ?? ''}\n${assets['dashboard.css'] ?? ''}`,
    previewCss: assets['preview.css'] ?? '',
    script: assets['dashboard.js'] ?? '',
  };
}
