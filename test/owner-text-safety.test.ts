/**
 * Owner text is data: a `<script>`, a `{{ }}`, a `javascript:` link, raw HTML or
 * Markdown in any answer is shown as the characters typed or removed, never run,
 * never followed and never treated as a template (test/fixtures/shops/hostile-owner-text).
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureShops, renderFixture, visibleText, type Rendered } from './support/shops.js';

let rendered: Rendered;
const html = () => rendered.files.filter((f) => f.path.endsWith('.html'));

beforeAll(async () => {
  rendered = await renderFixture(fixtureShops().find((s) => s.name === 'hostile-owner-text')!);
});

describe('owner text in every HTML output', () => {
  it('runs no script: the only script element is the JSON-LD block', () => {
    for (const file of html()) {
      const scripts = file.contents.match(/<script\b[^>]*>/gi) ?? [];
      expect(scripts.filter((tag) => tag !== '<script type="application/ld+json">'), file.path).toEqual([]);
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
        expect(tag, file.path).not.toMatch(/^<(iframe|img|svg|object|embed)\b/i);
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
