/**
 * Plain text from the Markdown tree, for marketplace text boxes (Etsy) and the text
 * part of emails: headings underlined, lists with dashes, links written out in full.
 */
import type { List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';

export interface TextOptions {
  /** Wrap lines at this many columns (email text parts use 72); no wrapping when absent. */
  width?: number;
}

/**
 * @param tree a tree from `parseMarkdown`
 * @param options wrapping
 */
export function toPlainText(tree: Root, options: TextOptions = {}): string {
  const blocks = tree.children.map((node) => block(node, options.width)).filter((b) => b !== '');
  return `${blocks.join('\n\n').trim()}\n`;
}

function block(node: RootContent, width: number | undefined, indent = ''): string {
  switch (node.type) {
    case 'heading': {
      const text = inline(node.children);
      if (node.depth === 1) return `${text}\n${'='.repeat(text.length)}`;
      if (node.depth === 2) return `${text}\n${'-'.repeat(text.length)}`;
      return text;
    }
    case 'paragraph':
      return wrap(inline(node.children), width, indent, indent);
    case 'list':
      return list(node, width, indent);
    case 'blockquote':
      return node.children.map((child) => block(child, width, `${indent}> `)).join('\n\n');
    case 'code':
      return node.value
        .split('\n')
        .map((line) => `${indent}    ${line}`)
        .join('\n');
    case 'thematicBreak':
      return `${indent}----`;
    default:
      return 'children' in node ? inline(node.children as PhrasingContent[]) : 'value' in node ? String(node.value) : '';
  }
}

function list(node: List, width: number | undefined, indent: string): string {
  return node.children
    .map((item: ListItem, i) => {
      const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '- ';
      const hanging = indent + ' '.repeat(marker.length);
      return item.children
        .map((child, j) => {
          if (child.type === 'paragraph') return wrap(inline(child.children), width, j === 0 ? indent + marker : hanging, hanging);
          return block(child, width, hanging);
        })
        .join('\n');
    })
    .join('\n');
}

function inline(nodes: PhrasingContent[]): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          return node.value;
        case 'break':
          return '\n';
        case 'link': {
          const text = inline(node.children);
          const url = node.url.replace(/^mailto:/, '');
          // A link with no safe address keeps its words only.
          if (url === '#' || url === text) return text;
          return `${text} (${url})`;
        }
        default:
          return 'children' in node ? inline(node.children as PhrasingContent[]) : 'value' in node ? String(node.value) : '';
      }
    })
    .join('');
}

/** Greedy word wrap; words longer than the width (addresses) stay whole. */
function wrap(text: string, width: number | undefined, first: string, rest: string): string {
  const lines = text.split('\n');
  if (!width) return lines.map((line, i) => (i === 0 ? first : rest) + line.trim()).join('\n');
  const out: string[] = [];
  let prefix = first;
  for (const line of lines) {
    let current = '';
    for (const word of line.split(/\s+/).filter(Boolean)) {
      if (current && prefix.length + current.length + 1 + word.length > width) {
        out.push(prefix + current);
        prefix = rest;
        current = word;
      } else {
        current = current ? `${current} ${word}` : word;
      }
    }
    out.push(prefix + current);
    prefix = rest;
  }
  return out.join('\n');
}
