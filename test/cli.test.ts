/**
 * The `upfront` command as an owner runs it: the published layout, exit codes, and
 * dist/ left alone when a build fails.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './support/paths.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'upfront-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function upfront(args: string[], cwd = root) {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/upfront.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('upfront build', () => {
  it('publishes exactly the documented layout for the example shop', () => {
    const out = path.join(temp, 'dist');
    const { code, stderr } = upfront(['build', '--out', out]);
    expect(code, stderr).toBe(0);
    const shop = 'juniper-and-lye/en';
    expect(listFiles(out)).toEqual(
      [
        'index.html',
        'manifest.json',
        'juniper-and-lye/index.html',
        ...['returns', 'shipping'].flatMap((page) => [`${shop}/${page}.html`, `${shop}/${page}.fragment.html`, `${shop}/${page}.md`, `${shop}/${page}.txt`]),
        `${shop}/snippets/checkout.html`,
        `${shop}/snippets/checkout.txt`,
        `${shop}/snippets/product.html`,
        `${shop}/snippets/product.txt`,
        ...['order-confirmation', 'refund-issued', 'shipping-delay'].flatMap((block) => [`${shop}/email/${block}.html`, `${shop}/email/${block}.txt`]),
        `${shop}/structured-data.jsonld`,
      ].sort(),
    );
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string }> };
    expect(manifest.files.map((f) => f.path).sort()).toEqual(listFiles(out).filter((f) => f !== 'manifest.json'));
    expect(readFileSync(path.join(out, shop, 'snippets/product.txt'), 'utf8')).toBe('Ships in 1–3 business days · Free shipping over $50 · Returns within 30 days\n');
  });

  it('writes email placeholders in the dialect asked for, under the same file names', () => {
    const plain = path.join(temp, 'dist-plain');
    const out = path.join(temp, 'dist-shopify');
    expect(upfront(['build', '--out', plain]).code).toBe(0);
    const { code, stderr } = upfront(['build', '--out', out, '--email-dialect', 'shopify']);
    expect(code, stderr).toBe(0);
    expect(listFiles(out)).toEqual(listFiles(plain));
    const refund = readFileSync(path.join(out, 'juniper-and-lye/en/email/refund-issued.html'), 'utf8');
    expect(refund).toContain('a refund of {{ amount | money }} for order {{ order_name }}');
    expect(readFileSync(path.join(plain, 'juniper-and-lye/en/email/refund-issued.html'), 'utf8')).toContain('a refund of [refund amount] for order [order number]');
    expect(readFileSync(path.join(out, 'juniper-and-lye/en/returns.html'), 'utf8')).toBe(readFileSync(path.join(plain, 'juniper-and-lye/en/returns.html'), 'utf8'));
  });

  it('refuses an email dialect it does not know, naming the ones it does', () => {
    const { code, stderr } = upfront(['build', '--out', path.join(temp, 'dist-bad'), '--email-dialect', 'mailchimp']);
    expect(code).toBe(1);
    expect(stderr).toContain('--email-dialect must be one of plain, shopify, klaviyo; received "mailchimp".');
    expect(readdirSync(temp)).not.toContain('dist-bad');
  });

  it('leaves the published folder byte-identical when a policy has a mistake', () => {
    const work = path.join(temp, 'broken');
    mkdirSync(path.join(work, 'policies'), { recursive: true });
    cpSync(path.join(root, 'policies/juniper-and-lye.yaml'), path.join(work, 'policies/juniper-and-lye.yaml'));
    const out = path.join(work, 'dist');
    expect(upfront(['build', '--templates', path.join(root, 'templates'), '--out', out], work).code).toBe(0);
    const before = listFiles(out).map((f) => [f, readFileSync(path.join(out, f), 'utf8')]);

    const policy = readFileSync(path.join(work, 'policies/juniper-and-lye.yaml'), 'utf8');
    writeFileSync(path.join(work, 'policies/juniper-and-lye.yaml'), policy.replace('window_starts: delivery', 'window_starts: deliverd'));
    const failed = upfront(['build', '--templates', path.join(root, 'templates'), '--out', out], work);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('policies/juniper-and-lye.yaml:29:18');
    expect(failed.stderr).toContain('Did you mean `delivery`?');
    expect(failed.stderr).not.toMatch(/\n\s+at .+\.js:\d+/);
    expect(listFiles(out).map((f) => [f, readFileSync(path.join(out, f), 'utf8')])).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['dist', 'policies']);
  });
});

describe('upfront check, --help and --version', () => {
  it('checks the example shop without writing anything', () => {
    const { code, stderr } = upfront(['check']);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('1 policy file checked, no errors');
  });

  it('prints usage and the version', () => {
    expect(upfront(['--help']).stdout).toContain('upfront build [--policies DIR]');
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(upfront(['--version']).stdout.trim()).toBe(pkg.version);
  });

  it('answers an unknown command with usage and exit 1', () => {
    const { code, stderr } = upfront(['publish']);
    expect(code).toBe(1);
    expect(stderr).toContain('Unknown command "publish"');
  });
});
