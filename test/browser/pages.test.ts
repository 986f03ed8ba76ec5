/**
 * The example shop's policy pages and fragments in headless Chromium: what a customer
 * reading them on a phone, a desktop, in dark mode or on paper would meet.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import type { OutputFile } from '../../src/render/output.js';
import { axeViolations, hasBrowser, type AxeViolation, horizontalOverflow, launchBrowser, origin, screenshot, serve } from '../support/browser.js';
import { root } from '../support/paths.js';
import { fixtureShops, renderFixture } from '../support/shops.js';

const shop = 'juniper-and-lye';
const pages = ['returns', 'shipping'] as const;

/** A shop theme's page with the pasted fragment in its content area, as Shopify or WooCommerce would show it. */
function hostPage(fragment: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Refund policy · A shop theme</title>
<style>
body { margin: 0; font-family: Georgia, serif; color: #222222; background: #fffdf8; }
.site-header, .site-footer { padding: 1rem; background: #222222; color: #ffffff; }
.site-header a, .site-footer a { color: #ffffff; }
.rte { max-width: 40rem; margin: 0 auto; padding: 1rem; }
.rte a { color: #8a1c1c; }
h1 { font-size: 2rem; color: #222222; }
h2 { font-size: 1.4rem; color: #222222; }
</style>
</head>
<body>
<header class="site-header"><a href="/">A shop theme</a></header>
<main class="rte">
<h1>Refund policy</h1>
${fragment}
</main>
<footer class="site-footer"><p>Footer</p></footer>
</body>
</html>
`;
}

describe.runIf(hasBrowser)('the example shop’s pages in Chromium', () => {
  let browser: Browser;
  let served: OutputFile[];
  /** Where pages are read: JavaScript off, since the pages must read without it. */
  let reading: BrowserContext;
  /** Where axe runs: it is a script, so JavaScript is on. */
  let checking: BrowserContext;

  beforeAll(async () => {
    const pale = fixtureShops().find((fixture) => fixture.name === 'pale-accent-with-logo')!;
    const [launched, example, paleShop] = await Promise.all([launchBrowser(), render({ cwd: root }), renderFixture(pale)]);
    browser = launched;
    const files = [...example.files, ...paleShop.files];
    const hosts = pages.map((page) => ({ path: `host/${page}.html`, contents: hostPage(files.find((f) => f.path === `${shop}/en/${page}.fragment.html`)!.contents) }));
    served = [...files, ...hosts];
    [reading, checking] = await Promise.all([serve(browser, served, { javaScriptEnabled: false }), serve(browser, served)]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(`${origin}/${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  /** WCAG 2 A and AA violations of the page in light and in dark mode. */
  async function violationsInBothSchemes(page: Page): Promise<Record<string, AxeViolation[]>> {
    const found: Record<string, AxeViolation[]> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      found[colorScheme] = await axeViolations(page);
    }
    return found;
  }

  describe.each(pages)('the %s page', (name) => {
    const path = `${shop}/en/${name}.html`;
    let page: Page;
    beforeAll(async () => {
      page = await open(reading, path);
    });
    afterAll(() => page?.close());

    it('has no WCAG 2 A or AA violations, in light or dark mode', async () => {
      const scripted = await open(checking, path);
      expect(await violationsInBothSchemes(scripted)).toEqual({ light: [], dark: [] });
      await scripted.close();
    });

    it('is readable without JavaScript: title, summary, contents and every section show', async () => {
      await expect(page.locator('h1').innerText()).resolves.toBe(name === 'returns' ? 'Returns and refunds' : 'Shipping');
      expect(await page.locator('section[aria-labelledby="at-a-glance"] li').count()).toBeGreaterThan(2);
      const toc = await page.locator('nav.toc a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(toc.length).toBeGreaterThan(3);
      for (const href of toc) expect(await page.locator(`${href}`).isVisible(), `${href} is on the page`).toBe(true);
      await expect(page.locator('.updated').innerText()).resolves.toBe('Last updated November 1, 2026');
      await expect(page.locator('section[aria-labelledby="contact"]').innerText()).resolves.toContain('within 24 hours');
    });

    it('puts the summary before the table of contents', async () => {
      const summaryFirst = await page.evaluate(() => {
        const glance = document.querySelector('section[aria-labelledby="at-a-glance"]')!;
        const toc = document.querySelector('nav.toc')!;
        return Boolean(glance.compareDocumentPosition(toc) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      expect(summaryFirst).toBe(true);
    });

    it('fits a 320 px wide screen without sideways scrolling', async () => {
      await page.setViewportSize({ width: 320, height: 640 });
      expect(await horizontalOverflow(page)).toBe(0);
    });

    it('keeps lines to a comfortable length on a wide screen', async () => {
      await page.setViewportSize({ width: 1600, height: 900 });
      const charactersPerLine = await page.evaluate(() => {
        const paragraph = document.querySelector('main section p')!;
        const probe = document.createElement('span');
        probe.textContent = 'abcdefghijklmnopqrstuvwxyz';
        paragraph.append(probe);
        const perCharacter = probe.getBoundingClientRect().width / 26;
        probe.remove();
        return paragraph.getBoundingClientRect().width / perCharacter;
      });
      expect(charactersPerLine).toBeGreaterThan(55);
      expect(charactersPerLine).toBeLessThan(95);
    });

    it('prints without the table of contents, keeping the contact details', async () => {
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav.toc').isVisible()).toBe(false);
      expect(await page.locator('section[aria-labelledby="contact"]').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });
    });
  });

  it('keeps a shop’s too-pale accent colour readable: no contrast violations in light or dark mode', async () => {
    const page = await open(checking, 'pale-accent-with-logo/en/returns.html');
    const accent = () => page.locator('main h2').first().evaluate((h) => getComputedStyle(h).color);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await accent(), 'headings use the darkened accent').toBe('rgb(138, 110, 0)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await accent(), 'dark mode keeps the chosen yellow').toBe('rgb(245, 196, 0)');
    expect(await violationsInBothSchemes(page)).toEqual({ light: [], dark: [] });
    await page.close();
  });

  it('writes screenshots of the returns page (desktop, 375 px, dark, print) for review', async () => {
    const page = await open(checking, `${shop}/en/returns.html`);
    const shots = [
      { name: 'returns-desktop', viewport: { width: 1280, height: 900 } },
      { name: 'returns-375', viewport: { width: 375, height: 812 } },
      { name: 'returns-375-dark', viewport: { width: 375, height: 812 }, colorScheme: 'dark' as const },
      { name: 'returns-print', viewport: { width: 800, height: 1100 }, media: 'print' as const },
    ];
    for (const shot of shots) {
      await page.setViewportSize(shot.viewport);
      await page.emulateMedia({ colorScheme: shot.colorScheme ?? 'light', media: shot.media ?? 'screen' });
      expect(await screenshot(page, shot.name)).toMatch(/\.png$/);
    }
    await page.close();
  });

  describe.each(pages)('the %s fragment inside a shop theme’s page', (name) => {
    const path = `host/${name}.html`;

    it('has no WCAG 2 A or AA violations', async () => {
      const page = await open(checking, path);
      expect(await axeViolations(page), path).toEqual([]);
      await page.close();
    });

    it('leaves the theme’s own styles as they were', async () => {
      const page = await open(reading, path);
      const styles = await page.evaluate(() => {
        const pick = (selector: string) => {
          const style = getComputedStyle(document.querySelector(selector)!);
          return { font: style.fontFamily, color: style.color, background: style.backgroundColor };
        };
        return { body: pick('body'), h1: pick('main > h1'), h2: pick('.upfront-policy h2'), link: pick('.upfront-policy a'), header: pick('.site-header') };
      });
      expect(styles.body).toEqual({ font: 'Georgia, serif', color: 'rgb(34, 34, 34)', background: 'rgb(255, 253, 248)' });
      expect(styles.h1.color).toBe('rgb(34, 34, 34)');
      expect(styles.h2.font).toBe('Georgia, serif');
      expect(styles.link.color).toBe('rgb(138, 28, 28)');
      expect(styles.header.background).toBe('rgb(34, 34, 34)');
      await page.setViewportSize({ width: 320, height: 640 });
      expect(await horizontalOverflow(page), 'fits 320 px').toBe(0);
      await page.close();
    });
  });
});
