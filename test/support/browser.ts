/**
 * Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by
 * playwright-core (never a downloaded browser). One browser per test file. Pages are
 * served from memory at https://upfront.test/ through request interception: no disk,
 * no server, and a secure origin, so the clipboard API behaves as it does for an owner.
 *
 * When Chromium is missing, a CI run (CI=true) fails; anywhere else the browser tests
 * are skipped with a loud warning.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { OutputFile } from '../../src/render/output.js';
import { artifacts, root } from './paths.js';

export const chromiumPath = process.env['UPFRONT_CHROMIUM'] ?? '/usr/bin/chromium';
export const origin = 'https://upfront.test';

/** Whether the browser tests can run here; decided once, when a test file loads. */
export const hasBrowser = existsSync(chromiumPath);

if (!hasBrowser) {
  const message = `Chromium was not found at ${chromiumPath}: browser tests (axe, copy buttons, 320 px layout, screenshots) cannot run. Install Debian's chromium package.`;
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`\n!!! SKIPPING BROWSER TESTS !!!\n${message}\n`);
}

/** Launches the one browser a test file uses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const types: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * A browser context that serves `files` at https://upfront.test/<path>; every other
 * request is refused, so a page that reaches for the network fails visibly.
 * @param browser the test file's browser
 * @param files the rendered files, paths as in dist/
 * @param options viewport and permissions
 */
export async function serve(browser: Browser, files: readonly OutputFile[], options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  const byPath = new Map(files.map((file) => [file.path, file.contents]));
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const path = decodeURIComponent(url.pathname.slice(1));
    const body = url.origin === origin ? byPath.get(path) : undefined;
    if (body === undefined) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, body, contentType: types[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream' });
  });
  return context;
}

const axeSource = readFileSync(`${root}node_modules/axe-core/axe.min.js`, 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary: string | undefined }>;
}

/**
 * The page's WCAG 2 A and AA violations, found by axe-core.
 * @param page a loaded page
 * @param options `iframes: false` leaves the contents of frames to their own tests
 */
export async function axeViolations(page: Page, options: { iframes?: boolean } = {}): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(
    async ({ iframes }) => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, iframes, resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
    },
    { iframes: options.iframes ?? true },
  );
}

/** How far the page scrolls sideways, in CSS pixels; 0 when it fits its width. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Saves a full-page screenshot under test/artifacts/ for review (the page needs
 * JavaScript on: the capture waits for animation frames).
 * @param page the page to capture
 * @param name file name without extension
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifacts, { recursive: true });
  const path = `${artifacts}/${name}.png`;
  // Chromium paints frames only inside the viewport, so the viewport grows to the whole
  // page instead of using a full-page capture (which leaves frames below the fold blank).
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(height, 16_000) });
  for (const frame of page.frames()) await frame.waitForLoadState('load');
  // Two animation frames: the resized page and its frames are painted before the capture.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
  return path;
}
