/**
 * Every email block in a real browser engine (headless Chromium): nothing may stick out
 * sideways in a 600 px email column or on a 320 px phone screen.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEmailBlocks, type EmailBlock } from './support/email.js';

const executablePath = '/usr/bin/chromium';
const available = existsSync(executablePath);
if (!available) {
  // CI must run these; elsewhere say loudly that they did not run.
  if (process.env['CI'] === 'true') throw new Error(`Chromium is missing at ${executablePath}; the email browser tests cannot run.`);
  console.warn(`\n!!! ${executablePath} is missing: the email overflow tests are SKIPPED. Install Debian's chromium to run them. !!!\n`);
}

describe.skipIf(!available)('email blocks in headless Chromium', () => {
  let browser: Browser;
  let blocks: EmailBlock[];
  beforeAll(async () => {
    blocks = await fixtureEmailBlocks();
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([600, 320])('show no horizontal overflow at %i px', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    try {
      for (const block of blocks) {
        // The block as an email client shows it: in the message body, no page margin.
        await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="margin:0">${block.html}</body></html>`);
        const overflow = await page.evaluate(() => {
          const limit = document.documentElement.clientWidth;
          const wide = Array.from(document.body.querySelectorAll('*'))
            .filter((element) => element.getBoundingClientRect().right > limit + 0.5)
            .map((element) => `<${element.tagName.toLowerCase()}> ends at ${Math.round(element.getBoundingClientRect().right)} px`);
          return { scrollWidth: document.documentElement.scrollWidth, limit, wide };
        });
        expect(overflow.wide, `${block.shop}/${block.kind} at ${width} px`).toEqual([]);
        expect(overflow.scrollWidth, `${block.shop}/${block.kind} at ${width} px`).toBeLessThanOrEqual(overflow.limit);
      }
    } finally {
      await page.close();
    }
  });
});
