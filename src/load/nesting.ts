/**
 * A quick look at how deeply a text nests, before the YAML parser sees it. The parser
 * recurses once per level and relies on running out of stack to stop; deep enough, that
 * takes the whole process down. Nesting is measured from the text alone: brackets of
 * flow lists and blocks, indentation, and list dashes at the start of a line. It counts
 * brackets inside quotes too, so it can only overestimate; real policies nest a few
 * levels, far below the bound.
 */
import { maxParseDepth } from './limits.js';

/**
 * The offset where the text first nests deeper than `maxParseDepth`, or -1.
 * @param text the file's text
 */
export function tooDeepAt(text: string): number {
  const indents: number[] = [];
  let flow = 0;
  let offset = 0;
  for (const line of text.split('\n')) {
    const content = line.replace(/\r$/, '');
    const indent = content.search(/[^ ]/);
    if (indent >= 0 && !content.startsWith('#', indent)) {
      // A line starting in the first column ends any flow list left open before it.
      if (indent === 0 && !/^[\]}]/.test(content)) flow = 0;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      const dashes = content.slice(indent).match(/^(?:-[ ]+)*/)![0].replace(/[ ]+/g, '').length;
      if (indents.length + dashes > maxParseDepth) return offset + indent;
      for (let i = indent; i < content.length; i++) {
        const c = content[i];
        if (c === '[' || c === '{') {
          flow++;
          if (indents.length + dashes + flow > maxParseDepth) return offset + i;
        } else if ((c === ']' || c === '}') && flow > 0) {
          flow--;
        }
      }
    }
    offset += line.length + 1;
  }
  return -1;
}
