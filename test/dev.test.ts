/**
 * `upfront dev` as an owner uses it: edit a policy file and the page changes; make a
 * mistake and the page shows what `check` says, over the last good page; change a
 * template and every shop follows; Ctrl-C stops it. Runs the real command on a copy of
 * policies/ and templates/, and waits by polling, a bounded number of times.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev } from '../src/dev/index.js';
import { decodeEntities } from './support/shops.js';
import { fixtures, policiesDir, root, templatesDir } from './support/paths.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'upfront-dev-'));
const work = (...parts: string[]) => path.join(temp, ...parts);
let child: ChildProcessWithoutNullStreams;
let terminal = '';
let url = '';

/** Checks `condition` until it holds, a bounded number of times, with a short pause between. */
async function until<T>(what: string, condition: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const value = await condition();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Gave up waiting for ${what}. The terminal said:\n${terminal}`);
}

async function get(pathname: string): Promise<{ status: number; body: string }> {
  const response = await fetch(new URL(pathname, url));
  return { status: response.status, body: await response.text() };
}

const page = async (pathname: string) => (await get(pathname)).body;
const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(work(file), 'utf8');
  expect(text).toContain(from);
  writeFileSync(work(file), text.replace(from, to));
};
const overlayReport = (html: string) => decodeEntities(html.match(/<div id="upfront-overlay"[\s\S]*?<pre[^>]*>([\s\S]*?)<\/pre>/)?.[1] ?? '');
const reloadScript = /<script data-upfront-dev>[^<]*<\/script>\n/;

beforeAll(async () => {
  cpSync(policiesDir, work('policies'), { recursive: true });
  cpSync(path.join(fixtures, 'shops/euro-shop/policy.yaml'), work('policies/euro-shop.yaml'));
  cpSync(templatesDir, work('templates'), { recursive: true });
  child = spawn(process.execPath, [path.join(root, 'bin/upfront.js'), 'dev', '--port', '0'], { cwd: temp, env: { ...process.env, NO_COLOR: '1' } });
  child.stderr.on('data', (chunk: Buffer) => (terminal += chunk.toString('utf8')));
  url = await until('the preview to start', () => terminal.match(/Preview: (http:\/\/\S+\/)/)?.[1]);
});

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  rmSync(temp, { recursive: true, force: true });
});

describe('upfront dev', () => {
  it('serves every page of the first build on 127.0.0.1, with the reload script only in what it serves', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(terminal).toMatch(/✓ Built 2 shops in \d+ ms\. Preview: http/);
    expect(await page('/')).toContain('Juniper &amp; Lye Soap Co.');
    const served = await page('/juniper-and-lye/en/returns.html');
    expect(served).toContain('30 days');
    expect(served).toMatch(reloadScript);
    const onDisk = readFileSync(work('dist/juniper-and-lye/en/returns.html'), 'utf8');
    expect(onDisk).not.toContain('upfront-dev');
    expect(served.replace(reloadScript, '')).toBe(onDisk);
    expect((await get('/juniper-and-lye')).status).toBe(200);
    expect((await get('/no-such-shop/')).status).toBe(404);
  });

  it('rebuilds only the shop whose file was saved, publishes it and tells open pages to reload', async () => {
    const events = listen('/__upfront/events');
    await until('the reload channel to open', () => events.text.startsWith('retry:'));
    edit('policies/juniper-and-lye.yaml', 'window_days: 30', 'window_days: 45');
    await until('the page to show 45 days', async () => (await page('/juniper-and-lye/en/returns.html')).includes('45 days'));
    await until('a reload message', () => events.text.includes('event: reload'));
    events.close();
    expect(terminal).toMatch(/✓ juniper-and-lye changed: rebuilt juniper-and-lye in \d+ ms; dist\/ updated\./);
    expect(readFileSync(work('dist/juniper-and-lye/en/returns.html'), 'utf8')).toContain('45 days');
  });

  it('shows a mistake as an overlay with the words check prints, over the last good page', async () => {
    edit('policies/juniper-and-lye.yaml', 'window_starts: delivery', 'window_starts: deliverd');
    const served = await until('the overlay', async () => {
      const html = await page('/juniper-and-lye/en/returns.html');
      return html.includes('id="upfront-overlay"') && html;
    });
    const check = spawnSync(process.execPath, [path.join(root, 'bin/upfront.js'), 'check'], { cwd: temp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('Did you mean `delivery`?');
    // Word for word what check prints about the mistake.
    expect(overlayReport(served)).toContain('policies/juniper-and-lye.yaml:29:18 error invalid-choice');
    expect(check.stderr).toContain(overlayReport(served));
    // The last good page is still there under the overlay, and dist/ kept it.
    expect(served).toContain('45 days');
    expect(readFileSync(work('dist/juniper-and-lye/en/returns.html'), 'utf8')).toContain('45 days');
    await until('the terminal to report it', () => terminal.includes('✗ juniper-and-lye changed'));
    expect(terminal).toContain(overlayReport(served));
    expect(terminal).toMatch(/✗ juniper-and-lye changed: nothing rebuilt in \d+ ms; the preview shows the mistakes over the last good pages, and dist\/ is unchanged\./);
  });

  it('takes the overlay away once the mistake is fixed', async () => {
    edit('policies/juniper-and-lye.yaml', 'window_starts: deliverd', 'window_starts: delivery');
    await until('the overlay to go', async () => !(await page('/juniper-and-lye/en/returns.html')).includes('upfront-overlay'));
  });

  it('adds a shop as soon as upfront init writes its file', async () => {
    const init = spawnSync(process.execPath, [path.join(root, 'bin/upfront.js'), 'init', 'corner-shop', '--yes'], { cwd: temp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(init.status, init.stderr).toBe(0);
    await until('the new shop to be served', async () => (await get('/corner-shop/en/returns.html')).status === 200);
    await until('the terminal to report it', () => /✓ corner-shop changed: rebuilt corner-shop in \d+ ms; dist\/ updated\./.test(terminal));
    expect(await page('/')).toContain('Corner Shop');
  });

  it('re-renders every shop when a template changes', async () => {
    const before = terminal.length;
    edit('templates/en/returns.md.hbs', '{{#if returns.accepted}}', 'Thank you for reading this far.\n\n{{#if returns.accepted}}');
    await until('both shops to show the new sentence', async () => {
      const pages = await Promise.all(['/juniper-and-lye/en/returns.html', '/euro-shop/en/returns.html', '/corner-shop/en/returns.html'].map(page));
      return pages.every((html) => html.includes('Thank you for reading this far.'));
    });
    await until('the terminal to report it', () => terminal.slice(before).includes('Templates changed'));
    expect(terminal.slice(before)).toMatch(/✓ Templates changed: rebuilt corner-shop, euro-shop, juniper-and-lye in \d+ ms; dist\/ updated\./);
  });

  it('keeps the last good pages when a template breaks, and names the template', async () => {
    edit('templates/en/returns.md.hbs', 'Thank you for reading this far.', 'Thank you for reading {{#if}} this far.');
    const served = await until('the overlay', async () => {
      const html = await page('/euro-shop/en/returns.html');
      return html.includes('id="upfront-overlay"') && html;
    });
    expect(overlayReport(served)).toContain('templates/en/returns.md.hbs');
    expect(overlayReport(served)).toContain('template-error');
    expect(served).toContain('Thank you for reading this far.');
  });

  it('stops cleanly on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(terminal.trimEnd().split('\n').at(-1)).toBe('Preview stopped.');
  });
});

describe('the preview server', () => {
  it('says so when the port is taken, instead of failing with a stack trace', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startDev({ cwd: temp, port, onEvent: () => undefined })).rejects.toMatchObject({ code: 'port-in-use' });
    } finally {
      blocker.close();
    }
  });
});

/** Reads a Server-Sent Events stream into a string until closed. */
function listen(pathname: string): { text: string; close(): void } {
  const stream = { text: '', close: () => request.destroy() };
  const request = http.get(new URL(pathname, url), (response) => response.on('data', (chunk: Buffer) => (stream.text += chunk.toString('utf8'))));
  request.on('error', () => undefined);
  return stream;
}
