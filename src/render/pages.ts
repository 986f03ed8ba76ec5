/**
 * The returns and shipping pages, each in four forms from one Markdown source:
 * a standalone HTML page, a body-only fragment for page editors, Markdown, plain text.
 */
import type { Facts } from '../derive/index.js';
import type { CompiledTemplates } from './templates.js';
import { parseMarkdown, sectionsOf, titleOf, toHtml, toMarkdown, withoutTitle } from './markdown.js';
import type { OutputFile } from './output.js';
import { toPlainText } from './plain-text.js';

export type PageKind = 'returns' | 'shipping';

export interface PageInput {
  kind: PageKind;
  facts: Facts;
  templates: CompiledTemplates;
  css: string;
  /** JSON-LD for the page's head, already serialised. */
  jsonLd: string;
  /** Folder of the page inside dist/, like `shop/en`. */
  folder: string;
}

/**
 * @param input the page to render and what it needs
 */
export function renderPage({ kind, facts, templates, css, jsonLd, folder }: PageInput): OutputFile[] {
  const tree = parseMarkdown(templates.renderMarkdown(`${kind}.md.hbs`, facts));
  const body = withoutTitle(tree);
  const bodyHtml = toHtml(body, { sections: true });
  const glance = tree.children.find((node) => node.type === 'list');
  const page = templates.render('layout/page.html.hbs', {
    ...facts,
    title: titleOf(tree),
    description: glance ? toPlainText({ type: 'root', children: [glance] }).replace(/\s+/g, ' ').replace(/^- /, '').trim().slice(0, 300) : '',
    canonical: facts.shop.urls[kind],
    toc: sectionsOf(tree),
    body: bodyHtml,
    css,
    jsonLd,
  });
  return [
    { path: `${folder}/${kind}.html`, contents: page },
    { path: `${folder}/${kind}.fragment.html`, contents: templates.render('layout/fragment.html.hbs', { ...facts, body: bodyHtml }) },
    { path: `${folder}/${kind}.md`, contents: toMarkdown(tree) },
    { path: `${folder}/${kind}.txt`, contents: toPlainText(tree) },
  ];
}
