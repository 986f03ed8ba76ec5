/**
 * The Markdown pipeline: template output → one syntax tree → HTML, Markdown and plain
 * text, so the three forms cannot drift apart. Safe by default: raw HTML is shown as
 * text and only http(s), mailto and tel links survive, before rehype-sanitize runs too.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Heading, Root, PhrasingContent, RootContent } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';

export type { Root } from 'mdast';

const parser = unified().use(remarkParse);
const markdownWriter = unified().use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', listItemIndent: 'one' });
// Ids come only from `{#id}` markers in templates (owner HTML never reaches the tree),
// so they need no `user-content-` prefix.
const sanitizeSchema = { ...defaultSchema, clobber: [], clobberPrefix: '' };
const htmlWriter = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify);

const safeUrl = /^(https?:|mailto:|tel:|\/|#)/i;

export interface Section {
  id: string;
  title: string;
}

/**
 * Parses Markdown into a tree that is safe to publish in every form.
 * @param markdown template output, owner text already escaped, notes already cleaned
 */
export function parseMarkdown(markdown: string): Root {
  const tree = parser.parse(markdown);
  neutralise(tree);
  visit(tree, 'heading', (heading: Heading) => {
    const last = heading.children.at(-1);
    const marker = last?.type === 'text' ? /\s*\{#([a-z0-9-]+)\}\s*$/.exec(last.value) : null;
    if (last?.type === 'text' && marker) {
      last.value = last.value.slice(0, marker.index);
      heading.data = { hProperties: { id: marker[1]! } };
    }
  });
  return tree;
}

/**
 * Makes an owner's free Markdown note safe to place inside a page: its headings sit
 * below the page's own, raw HTML becomes visible text, and open code fences are closed.
 * @param note the owner's Markdown
 */
export function cleanNote(note: string): string {
  const tree = parser.parse(note);
  neutralise(tree);
  visit(tree, 'heading', (heading: Heading) => {
    heading.depth = Math.max(3, heading.depth) as Heading['depth'];
  });
  return toMarkdown(tree).trim();
}

/** Markdown of the tree, normalised. */
export function toMarkdown(tree: Root): string {
  return markdownWriter.stringify(tree);
}

/** Sanitised HTML of the tree; each level-two heading opens a `<section>`. */
export function toHtml(tree: Root, options: { sections?: boolean } = {}): string {
  const hast = htmlWriter.runSync(structuredClone(tree)) as HastRoot;
  if (options.sections) hast.children = wrapSections(hast.children);
  return htmlWriter.stringify(hast);
}

/** The level-two headings with their ids, for a table of contents. */
export function sectionsOf(tree: Root): Section[] {
  return tree.children.flatMap((node) =>
    node.type === 'heading' && node.depth === 2 && node.data?.hProperties?.id
      ? [{ id: String(node.data.hProperties.id), title: plainInline(node.children) }]
      : [],
  );
}

/** The text of the first level-one heading. */
export function titleOf(tree: Root): string {
  const h1 = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  return h1 ? plainInline(h1.children) : '';
}

/** The tree without its level-one heading (page editors supply their own title). */
export function withoutTitle(tree: Root): Root {
  return { ...tree, children: tree.children.filter((node) => !(node.type === 'heading' && node.depth === 1)) };
}

/** Raw HTML becomes text; links and images with unsafe addresses lose the address. */
function neutralise(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'html' && parent && index !== undefined) {
      // Block-level HTML is wrapped in a paragraph so the text stays in flow.
      const text = { type: 'text', value: node.value } as const;
      parent.children[index] = (parent.type === 'root' ? { type: 'paragraph', children: [text] } : text) as RootContent;
      return SKIP;
    }
    if ((node.type === 'link' || node.type === 'definition') && !safeUrl.test(node.url.trim())) node.url = '#';
    if (node.type === 'image' && parent && index !== undefined) {
      // Pages carry no owner images; the alt text keeps the meaning.
      parent.children[index] = { type: 'text', value: node.alt ?? '' } as RootContent;
      return SKIP;
    }
    return undefined;
  });
}

function plainInline(nodes: PhrasingContent[]): string {
  return nodes.map((node) => ('value' in node ? node.value : 'children' in node ? plainInline(node.children as PhrasingContent[]) : '')).join('');
}

function wrapSections(children: HastContent[]): HastContent[] {
  const out: HastContent[] = [];
  let current: Element | undefined;
  for (const child of children) {
    if (child.type === 'element' && child.tagName === 'h2') {
      const id = child.properties['id'];
      const section: Element = { type: 'element', tagName: 'section', properties: id ? { ariaLabelledBy: [String(id)] } : {}, children: [] };
      out.push(section);
      current = section;
    }
    if (current) current.children.push(child as ElementContent);
    else out.push(child);
  }
  return out;
}
