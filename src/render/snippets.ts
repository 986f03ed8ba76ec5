/**
 * The short pieces: the checkout snippet and the product-page line, as HTML and text.
 */
import type { Facts } from '../derive/index.js';
import type { CompiledTemplates } from './templates.js';
import { parseMarkdown, toHtml } from './markdown.js';
import type { OutputFile } from './output.js';
import { toPlainText } from './plain-text.js';

export type SnippetKind = 'checkout' | 'product';

/**
 * @param kind which snippet
 * @param facts the shop's facts in one language
 * @param templates that language's compiled templates
 * @param folder the language folder inside dist/
 */
export function renderSnippet(kind: SnippetKind, facts: Facts, templates: CompiledTemplates, folder: string): OutputFile[] {
  const tree = parseMarkdown(templates.renderMarkdown(`${kind}.md.hbs`, facts));
  const html = templates.render('layout/snippet.html.hbs', { ...facts, kind, body: toHtml(tree).trim() });
  return [
    { path: `${folder}/snippets/${kind}.html`, contents: html },
    { path: `${folder}/snippets/${kind}.txt`, contents: toPlainText(tree) },
  ];
}
