/**
 * The owner's publishing page and the list of shops in headless Chromium: every
 * output previewed, every copy button copying exactly its file, usable on a phone and
 * with a screen reader.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import type { OutputFile } from '../../src/render/output.js';
import { axeViolations, hasBrowser, horizontalOverflow, launchBrowser, origin, screenshot, serve } from '../support/browser.js';
import { root } from '../support/paths.js';

const shop = 'juniper-and-lye';

describe.runIf(hasBrowser)('the example shop’s publishing page in Chromium', () => {
  let browser: Browser;
  let files: OutputFile[];
  let context: BrowserContext;
  /** The files the dashboard should offer: everything in the shop's language folders. */
  let outputs: OutputFile[];
  /** The publishing page, opened once; tests that change its viewport put it back. */
  let dashboard: Page;

  beforeAll(async () => {
    [browser, files] = await Promise.all([launchBrowser(), render({ cwd: root }).then((result) => result.files)]);
    outputs = files.filter((file) => file.path.startsWith(`${shop}/`) && file.path !== `${shop}/index.html`);
    context = await serve(browser, files);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    dashboard = await open(`${shop}/index.html`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    const response = await page.goto(`${origin}/${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  it('previews every output, each with its path and one copy button', async () => {
    const page = dashboard;
    const shown = await page.locator('article.output').evaluateAll((articles) =>
      articles.map((article) => ({
        path: article.querySelector('.path')?.textContent,
        previews: article.querySelectorAll('iframe.preview, textarea.source-text').length,
        buttons: Array.from(article.querySelectorAll('button.copy')).filter((b) => !(b as HTMLButtonElement).hidden).map((b) => b.textContent),
        where: article.querySelector('.where')?.textContent?.trim() ?? '',
      })),
    );
    expect(shown.map((s) => `${shop}/${s.path}`).sort()).toEqual(outputs.map((f) => f.path).sort());
    for (const output of shown) {
      expect(output.previews, output.path!).toBe(1);
      expect(output.buttons, output.path!).toEqual([output.path!.endsWith('.html') ? 'Copy HTML' : 'Copy text']);
      expect(output.where.length, `${output.path} says where it goes`).toBeGreaterThan(20);
    }
  });

  it('shows each standalone page in its frame', async () => {
    const page = dashboard;
    for (const name of ['returns', 'shipping']) {
      const frame = page.frameLocator(`iframe[src="en/${name}.html"]`);
      await expect(frame.locator('h1').innerText()).resolves.toBe(name === 'returns' ? 'Returns and refunds' : 'Shipping');
    }
    const email = page.frameLocator('iframe.preview-email').first();
    // One outer layout table (the block nests its rows' tables inside it).
    await expect(email.locator('table[role="presentation"]:not(table table)').count()).resolves.toBe(1);
  });

  it('copies exactly each file’s contents to the clipboard', async () => {
    const page = dashboard;
    const articles = page.locator('article.output');
    const count = await articles.count();
    expect(count).toBe(outputs.length);
    for (let i = 0; i < count; i++) {
      const article = articles.nth(i);
      const button = article.locator('button.copy');
      const path = `${shop}/${await article.locator('.path').innerText()}`;
      // Something else on the clipboard first, so a button that copies nothing is caught.
      await page.evaluate(() => navigator.clipboard.writeText('(before)'));
      await button.click();
      await expect.poll(() => article.locator('[role="status"]').innerText()).toBe('Copied.');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied, path).toBe(files.find((file) => file.path === path)!.contents);
    }
  });

  it('has no WCAG 2 A or AA violations, in light or dark mode', async () => {
    const found: Record<string, unknown[]> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      await dashboard.emulateMedia({ colorScheme });
      // The previews' contents are the pages and pieces test/browser/pages.test.ts checks.
      found[colorScheme] = await axeViolations(dashboard, { iframes: false });
    }
    await dashboard.emulateMedia({ colorScheme: 'light' });
    expect(found).toEqual({ light: [], dark: [] });
  });

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    await dashboard.setViewportSize({ width: 320, height: 640 });
    expect(await horizontalOverflow(dashboard)).toBe(0);
    await dashboard.setViewportSize({ width: 1280, height: 900 });
  });

  it('writes screenshots of the publishing page (desktop and 375 px) for review', async () => {
    for (const [name, viewport] of [
      ['dashboard-desktop', { width: 1280, height: 900 }],
      ['dashboard-375', { width: 375, height: 812 }],
    ] as const) {
      await dashboard.setViewportSize(viewport);
      expect(await screenshot(dashboard, name)).toMatch(/\.png$/);
    }
    await dashboard.setViewportSize({ width: 1280, height: 900 });
  });

  describe('the list of shops', () => {
    it('links each shop to its publishing page', async () => {
      const page = await open('index.html');
      const link = page.getByRole('link', { name: 'Juniper & Lye Soap Co.' });
      await link.click();
      await expect(page.locator('h1').innerText()).resolves.toBe('What to publish, and where');
      await page.close();
    });

    it('has no WCAG 2 A or AA violations and fits 320 px', async () => {
      const page = await open('index.html', { width: 320, height: 640 });
      expect(await axeViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.close();
    });
  });
});
