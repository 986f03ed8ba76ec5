/**
 * Escaping owner text for Markdown, so a shop name like `*Soap* [click](javascript:…)`
 * or `<script>` is shown as the characters typed, never as formatting, links or HTML.
 */

/**
 * Characters with meaning anywhere in a Markdown line. An underscore inside a word
 * (`customer_pays`) cannot start emphasis in CommonMark, so it stays as typed.
 */
const inlineSpecial = /[\\`*[\]<>|~!{}]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/**
 * @param text one owner value (a name, an item, an address line)
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      .replace(inlineSpecial, '\\$&')
      // `&amp;`-like sequences would be read as character references.
      .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
      // Line-start markers: headings, lists, block quotes, setext underlines.
      .replace(/^([#+=-])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/**
 * A copy of `value` with every string escaped for Markdown; `skip` names keys whose
 * values are Markdown already (the owner's notes, cleaned separately).
 * @param value facts or any plain data
 * @param skip keys left as they are, at any depth
 */
export function escapeMarkdownDeep<T>(value: T, skip: readonly string[] = []): T {
  if (typeof value === 'string') return escapeMarkdown(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => escapeMarkdownDeep(item, skip)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = skip.includes(key) ? item : escapeMarkdownDeep(item, skip);
    return out as T;
  }
  return value;
}
