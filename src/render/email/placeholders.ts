/**
 * Order values only the shop platform knows (order number, first name, refund amount,
 * new delivery date) are placeholders, written in the build's email dialect: `[order
 * number]` blanks for any tool, or the variables of Shopify notifications or Klaviyo
 * flows so a pasted block fills itself in. The wording of each lives in
 * templates/<lang>/email/placeholders.json.
 *
 * The wording is rendered with stand-ins, and the dialect's text goes in last, so that
 * neither Markdown, the HTML sanitiser nor the Liquid escaping below can touch it. Each
 * stand-in is exactly as long as what replaces it, so the plain-text twin wraps at 72
 * columns as it will finally read, and a placeholder is never split across two lines.
 */

export const emailDialects = ['plain', 'shopify', 'klaviyo'] as const;
export type EmailDialect = (typeof emailDialects)[number];

/** Placeholder name → its text, per dialect; names a dialect leaves out use the plain blank. */
export type PlaceholderWording = Record<EmailDialect, Record<string, string>>;

export interface Placeholders {
  /** Placeholder name → stand-in, for the Markdown templates (`{{placeholder.orderNumber}}`). */
  view: Record<string, string>;
  /** Puts the dialect's text where the stand-ins are. */
  fill(text: string): string;
}

const open = '\uE000';
const close = '\uE001';
const pad = '\uE002';
const standIn = new RegExp(`${open}(\\d+)${close}${pad}*`, 'g');

/**
 * Stand-ins for the templates, and the function that swaps in the dialect's text.
 * @param wording every dialect's placeholder text
 * @param dialect the build's dialect
 */
export function placeholdersFor(wording: PlaceholderWording, dialect: EmailDialect): Placeholders {
  const names = Object.keys(wording.plain);
  const texts = names.map((name) => wording[dialect][name] ?? wording.plain[name]!);
  const view = Object.fromEntries(
    names.map((name, i) => {
      const head = `${open}${i}${close}`;
      return [name, head + pad.repeat(Math.max(0, texts[i]!.length - head.length))];
    }),
  );
  return { view, fill: (text) => text.replace(standIn, (_, i: string) => texts[Number(i)]!) };
}

/**
 * Makes text that Shopify or Klaviyo will run as a template show literally: every `{`
 * that would open a tag (`{{`, `{%`, or a `{#` comment in Klaviyo) is written as a Liquid
 * output of the string "{". Entities would do for HTML but not for the plain-text part,
 * and `{% raw %}` fails on text that itself contains `{% endraw %}`; this works in both.
 * Only owner text can contain these pairs: upfront's own wording has no braces.
 * @param text a rendered block, before the placeholders are filled in
 * @param dialect the build's dialect; plain text is left as it is
 */
export function escapeLiquid(text: string, dialect: EmailDialect): string {
  return dialect === 'plain' ? text : text.replace(/\{(?=[{%#])/g, '{{ "{" }}');
}
