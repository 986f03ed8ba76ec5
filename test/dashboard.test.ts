/**
 * The publishing page is made from whatever files a shop's build produced: every file
 * gets a preview, its path, a line saying where it goes and a copy box holding exactly
 * its contents, including kinds of output added after the page was written.
 */
import { describe, expect, it } from 'vitest';
import { readTemplates } from '../src/load/index.js';
import { kindOf, renderDashboard } from '../src/render/dashboard.js';
import type { OutputFile } from '../src/render/output.js';
import { compileTemplates } from '../src/render/templates.js';
import { templatesDir } from './support/paths.js';
import { decodeEntities, fixtureShops, renderFixture, visibleText } from './support/shops.js';

interface Offered {
  path: string;
  where: string;
  button: string;
  source: string;
}

/** What the publishing page offers for each file, read from its HTML. */
function offered(html: string): Offered[] {
  return [...html.matchAll(/<article class="output[^"]*"[^>]*>([\s\S]*?)<\/article>/g)].map(([, article]) => ({
    path: /<span class="path">([^<]*)<\/span>/.exec(article!)![1]!,
    where: visibleText(/<p class="where">([\s\S]*?)<\/p>/.exec(article!)![1]!),
    button: /<button[^>]*>([^<]*)<\/button>/.exec(article!)![1]!,
    // The parser drops the one newline that follows <textarea>; the template always writes it.
    source: decodeEntities(/<textarea id="[^"]*-source"[^>]*>\n([\s\S]*?)<\/textarea>/.exec(article!)![1]!),
  }));
}

async function dashboardWith(extra: OutputFile[]) {
  const shop = fixtureShops().find((fixture) => fixture.name === 'juniper-and-lye')!;
  const rendered = await renderFixture(shop);
  const files = [...rendered.files.filter((file) => file.path !== `${shop.name}/index.html`), ...extra];
  const templates = await readTemplates(templatesDir, ['en']);
  const dashboard = renderDashboard({ shopId: shop.name, facts: rendered.facts['en']!, files, templates: compileTemplates(templates.languages['en']!), css: '', previewCss: '', script: '' });
  return { files, html: dashboard.contents };
}

describe('the publishing page', () => {
  it('offers every file of the shop with its exact contents, a copy button and where it goes', async () => {
    const { files, html } = await dashboardWith([]);
    const offers = offered(html);
    expect(offers.map((o) => `juniper-and-lye/${o.path}`).sort()).toEqual(files.map((f) => f.path).sort());
    for (const offer of offers) {
      expect(offer.source, offer.path).toBe(files.find((f) => f.path === `juniper-and-lye/${offer.path}`)!.contents);
      expect(offer.button, offer.path).toBe(offer.path.endsWith('.html') ? 'Copy HTML' : 'Copy text');
      expect(offer.where.length, offer.path).toBeGreaterThan(20);
    }
    expect(offers.find((o) => o.path === 'en/returns.fragment.html')!.where).toContain('Shopify: Settings → Policies → Refund policy');
    expect(offers.find((o) => o.path === 'en/returns.fragment.html')!.where).toContain('WooCommerce: the Refund and Returns page');
    expect(offers.find((o) => o.path === 'en/returns.txt')!.where).toContain('Etsy: Shop policies');
    expect(offers.find((o) => o.path === 'en/email/order-confirmation.html')!.where).toContain('the order-confirmation template');
  });

  it('shows an output it has never seen, such as a new email block, with no change to the code', async () => {
    // An email block no release has yet (the real ones are previewed the same way).
    const block = '<table role="presentation"><tr><td>Thanks for your review of $5 & more.</td></tr></table>\n';
    const { html } = await dashboardWith([
      { path: 'juniper-and-lye/en/email/review-thanks.html', contents: block },
      { path: 'juniper-and-lye/en/email/review-thanks.txt', contents: '\nThanks for your review.\n' },
    ]);
    const offers = offered(html);
    const email = offers.find((o) => o.path === 'en/email/review-thanks.html')!;
    expect(email).toMatchObject({ button: 'Copy HTML', source: block });
    // A leading blank line survives the text box.
    expect(offers.find((o) => o.path === 'en/email/review-thanks.txt')!.source).toBe('\nThanks for your review.\n');
    expect(html).toMatch(/<h2 id="en-email-review-thanks">[^<]+<\/h2>/);
    expect(html).toMatch(/<iframe class="preview preview-email" srcdoc="[^"]*Thanks for your review of \$5 &amp; more/);
  });

  it('tells each kind of file apart by where it sits and how it ends', () => {
    expect(
      ['returns.html', 'returns.fragment.html', 'returns.md', 'shipping.txt', 'snippets/checkout.html', 'snippets/product.txt', 'email/refund-issued.html', 'email/refund-issued.txt', 'structured-data.jsonld'].map(kindOf),
    ).toEqual(['page', 'fragment', 'markdown', 'text', 'snippet', 'snippet-text', 'email', 'email-text', 'structured-data']);
  });

  it('tells the owner when their accent colour was darkened for readability', async () => {
    const shop = fixtureShops().find((fixture) => fixture.name === 'pale-accent-with-logo')!;
    const dashboard = (await renderFixture(shop)).files.find((file) => file.path === `${shop.name}/index.html`)!;
    expect(visibleText(dashboard.contents)).toContain('Your accent colour #f5c400 is too light to read as text on a white page, so the pages use #8a6e00');
    const example = fixtureShops().find((fixture) => fixture.name === 'juniper-and-lye')!;
    expect((await renderFixture(example)).files.find((file) => file.path === `${example.name}/index.html`)!.contents).not.toContain('class="notice"');
  });
});
