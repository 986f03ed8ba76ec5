/**
 * html-validate (its recommended rules, configured in .htmlvalidate.json) reports no
 * problem in any page, fragment or snippet of the example shop and every fixture shop,
 * nor in the publishing pages, their previews and the list of shops. Email blocks are
 * held to email-client rules instead (table layout and inline styles on purpose).
 */
import { FileSystemConfigLoader, HtmlValidate, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { render } from '../src/index.js';
import { root } from './support/paths.js';
import { decodeEntities, fixtureShops, renderFixture } from './support/shops.js';

const validator = new HtmlValidate(new FileSystemConfigLoader());

/** Problems html-validate finds, as `line:column rule: message`. */
async function problems(html: string, path: string): Promise<string[]> {
  // The file name places the document under the repository, so .htmlvalidate.json applies.
  const report = await validator.validateString(html, `${root}dist/${path}`);
  return report.results.flatMap((result) => result.messages.map((m: Message) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

describe.each(fixtureShops())('$name', (shop) => {
  it('has valid HTML in every page, fragment, snippet and preview', async () => {
    const { files } = await renderFixture(shop);
    const checked = files.filter((file) => file.path.endsWith('.html') && !file.path.includes('/email/'));
    const kinds = ['returns.html', 'returns.fragment.html', 'shipping.html', 'shipping.fragment.html', 'snippets/checkout.html', 'snippets/product.html', 'index.html'];
    for (const kind of kinds) expect(checked.some((file) => file.path.endsWith(kind)), kind).toBe(true);
    for (const file of checked) {
      expect(await problems(file.contents, file.path), file.path).toEqual([]);
      // The publishing page's previews are documents of their own (iframe srcdoc).
      for (const [, kind, srcdoc] of file.contents.matchAll(/<iframe class="preview preview-([a-z-]+)" srcdoc="([^"]*)"/g)) {
        if (kind !== 'email') expect(await problems(decodeEntities(srcdoc!), file.path), `${file.path}, ${kind} preview`).toEqual([]);
      }
    }
  });
});

it('has valid HTML in the list of shops', async () => {
  const { files } = await render({ cwd: root });
  const index = files.find((file) => file.path === 'index.html')!;
  expect(await problems(index.contents, index.path)).toEqual([]);
});

it('reports a mistake, so a clean result means something', async () => {
  expect(await problems('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div>x</div></p><img src="a.png"></body></html>', 'broken.html')).not.toEqual([]);
});
