/**
 * The returns and shipping pages, each in four forms from one Markdown source:
 * a standalone HTML page, a body-only fragment for page editors, Markdown, plain text.
 */
import type { List, Root, RootContent } from 'mdast';
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

/** Search engines show about this many characters of a description. */
const descriptionLength = 300;

/**
 * One policy page in its four forms.
 * @param input the page to render and what it needs
 */
export function renderPage({ kind, facts, templates, css, jsonLd, folder }: PageInput): OutputFile[] {
  const tree = parseMarkdown(templates.renderMarkdown(`${kind}.md.hbs`, facts));
  const { lead, rest } = splitLead(withoutTitle(tree));
  const view = {
    ...facts,
    kind,
    title: titleOf(tree),
    lead: toHtml(lead, { sections: true }),
    toc: sectionsOf(rest),
    body: toHtml(rest, { sections: true }),
  };
  const page = templates.render('layout/page.html.hbs', {
    ...view,
    description: atAGlance(tree),
    canonical: facts.shop.urls[kind],
    css,
    jsonLd,
  });
  return [
    { path: `${folder}/${kind}.html`, contents: page },
    { path: `${folder}/${kind}.fragment.html`, contents: templates.render('layout/fragment.html.hbs', view) },
    { path: `${folder}/${kind}.md`, contents: toMarkdown(tree) },
    { path: `${folder}/${kind}.txt`, contents: toPlainText(tree) },
  ];
}

/**
 * The opening of a page (its first paragraph and the "at a glance" points) and the
 * rest, so the layout can put the summary first and the table of contents after it.
 */
function splitLead(tree: Root): { lead: Root; rest: Root } {
  const sections = tree.children.flatMap((node, index) => (node.type === 'heading' && node.depth === 2 ? [index] : []));
  const glance = sections.find((index) => headingId(tree.children[index]) === 'at-a-glance');
  const cut = glance === undefined ? (sections[0] ?? tree.children.length) : (sections.find((index) => index > glance) ?? tree.children.length);
  return { lead: { ...tree, children: tree.children.slice(0, cut) }, rest: { ...tree, children: tree.children.slice(cut) } };
}

function headingId(node: RootContent | undefined): unknown {
  return node?.type === 'heading' ? node.data?.hProperties?.id : undefined;
}

/**
 * The page's description for search results: the "at a glance" points, whole, as
 * many as fit; the facts customers ask first are what a search result should show.
 */
function atAGlance(tree: Root): string {
  const heading = tree.children.findIndex((node) => headingId(node) === 'at-a-glance');
  const list = tree.children.slice(heading + 1).find((node): node is List => node.type === 'list');
  if (heading < 0 || !list) return '';
  let description = '';
  for (const item of list.children) {
    const point = toPlainText({ type: 'root', children: item.children } as Root).replace(/\s+/g, ' ').trim();
    const next = description ? `${description} ${point}` : point;
    if (description && next.length > descriptionLength) break;
    description = next;
  }
  return description;
}
