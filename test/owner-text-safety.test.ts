/**
 * Owner text is data: a `<script>`, a `{{ }}`, a `javascript:` link, raw HTML or
 * Markdown in any answer is shown as the characters typed or removed, never run,
 * never followed and never treated as a template (test/fixtures/shops/hostile-owner-text).
 */
import { readFileSync } from 'node:fs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { templatesDir } from './support/paths.js';
import { decodeEntities, fixtureShops, renderFixture, visibleText, type Rendered } from './support/shops.js';

let rendered: Rendered;
const dashboardScript = readFileSync(`${templatesDir}/assets/dashboard.js`, 'utf8').trim();
const isDashboard = (path: string) => path.endsWith('/index.html');

/**
 * Every HTML document: each output file, and each preview the publishing page embeds
 * (an iframe's srcdoc) as a document of its own, so owner text inside it is held to
 * the same rules.
 */
const html = () =>
  rendered.files
    .filter((f) => f.path.endsWith('.html'))
    .flatMap((file) => {
      if (!isDashboard(file.path)) return [file];
      const previews = [...file.contents.matchAll(/\ssrcdoc="([^"]*)"/g)].map((match, i) => ({ path: `${file.path} preview ${i + 1}`, contents: decodeEntities(match[1]!) }));
      return [{ path: file.path, contents: file.contents.replace(/\ssrcdoc="[^"]*"/g, ' srcdoc=""') }, ...previews];
    });

beforeAll(async () => {
  rendered = await renderFixture(fixtureShops().find((s) => s.name === 'hostile-owner-text')!);
});

describe('owner text in every HTML output', () => {
  it('runs no script: the only script elements are the JSON-LD block and the publishing page’s copy buttons', () => {
    for (const file of html()) {
      const scripts = [...file.contents.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)];
      const unexpected = scripts.filter(([, tag, body]) => tag !== '<script type="application/ld+json">' && !(isDashboard(file.path) && tag === '<script>' && body!.trim() === dashboardScript));
      expect(unexpected.map(([whole]) => whole.slice(0, 80)), file.path).toEqual([]);
      expect(file.contents.match(/<script\b/gi)?.length ?? 0, file.path).toBe(scripts.length);
    }
  });

  it('keeps JSON-LD from closing its script element early', () => {
    for (const file of html()) {
      const blocks = file.contents.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g) ?? [];
      for (const block of blocks) expect(block.slice(35, -9)).not.toContain('<');
    }
  });

  it('links nowhere unsafe and adds no event handlers, frames or images', () => {
    for (const file of html()) {
      const tags = file.contents.match(/<[a-z][^>]*>/gi) ?? [];
      for (const tag of tags) {
        expect(tag, file.path).not.toMatch(/javascript:/i);
        expect(tag, file.path).not.toMatch(/\son[a-z]+=/i);
        // The publishing page previews outputs in frames that may run nothing.
        if (isDashboard(file.path) && /^<iframe\b/i.test(tag)) expect(tag, file.path).toMatch(/\ssandbox=""/);
        else expect(tag, file.path).not.toMatch(/^<(iframe|img|svg|object|embed)\b/i);
      }
    }
  });

  it('shows template syntax and Markdown as the characters typed', () => {
    const page = visibleText(rendered.files.find((f) => f.path.endsWith('en/returns.html'))!.contents);
    expect(page).toContain("<script>alert('name')</script> *Bold* Soap {{shop.email}}");
    expect(page).toContain('{{#each this}}x{{/each}}');
    expect(page).toContain('{{> contact}} <b>bold</b> _under_ `code`');
    expect(page).toContain('[Click me](javascript:alert(1)) & Co &amp;');
    expect(page).toContain('# Heading');
  });

  it("shows the raw HTML of the owner's notes as text", () => {
    const page = visibleText(rendered.files.find((f) => f.path.endsWith('en/returns.html'))!.contents);
    expect(page).toContain('<script>alert(7)</script>');
    expect(page).toContain('<iframe src="https://evil.example"></iframe>');
  });
});

describe('owner text in Markdown and text outputs', () => {
  it('leaves no raw HTML in any Markdown file', () => {
    for (const file of rendered.files.filter((f) => f.path.endsWith('.md'))) {
      const tree = unified().use(remarkParse).parse(file.contents);
      const found: string[] = [];
      visit(tree, 'html', (node) => void found.push(node.value));
      expect(found, file.path).toEqual([]);
      visit(tree, 'link', (node) => void expect(node.url, file.path).not.toMatch(/^javascript:/i));
    }
  });

  it('writes no unsafe address into plain text', () => {
    for (const file of rendered.files.filter((f) => f.path.endsWith('.txt'))) {
      expect(file.contents, file.path).not.toMatch(/\((javascript:[^)]*)\)\s*$/m);
    }
  });
});
