/**
 * The HTML of an email block's wording: the Markdown tree as sanitised HTML, every tag
 * carrying its inline style, cut into one piece per section so the layout can give each
 * section its own table row (Outlook spaces rows by cell padding, not by margins).
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

// The default schema: email wording has no heading ids and no owner HTML.
const toHast = unified().use(remarkRehype).use(rehypeSanitize);
const writer = unified().use(rehypeStringify);

/**
 * The sections of a block's wording as styled, sanitised HTML.
 * @param tree the block's wording, from `parseMarkdown`
 * @param styles tag name → inline style, compiled once from templates/assets/email.css
 * @returns one HTML string per section: what comes before the first level-two heading, then one per heading
 */
export function emailSections(tree: Root, styles: ReadonlyMap<string, string>): string[] {
  const hast = toHast.runSync(structuredClone(tree)) as HastRoot;
  visit(hast, 'element', (element: Element) => {
    const style = styles.get(element.tagName);
    if (style) element.properties['style'] = style;
  });
  const sections: ElementContent[][] = [];
  for (const child of hast.children) {
    if (child.type === 'doctype') continue;
    if (sections.length === 0 || (child.type === 'element' && child.tagName === 'h2')) sections.push([]);
    sections.at(-1)!.push(child);
  }
  return sections
    .map((children) => writer.stringify({ type: 'root', children }).trim())
    .filter((html) => html !== '');
}
