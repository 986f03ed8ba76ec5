/**
 * Email blocks: one presentation table with inline styles only (email clients drop
 * <style> in the body), and a plain-text twin wrapped at 72 columns.
 */
import type { Facts } from '../derive/index.js';
import type { CompiledTemplates } from './templates.js';
import { parseMarkdown, toHtml } from './markdown.js';
import type { OutputFile } from './output.js';
import { toPlainText } from './plain-text.js';

export type EmailKind = 'order-confirmation';

/**
 * @param kind which email block
 * @param facts the shop's facts in one language
 * @param templates that language's compiled templates
 * @param styles tag → inline style, from templates/assets/email.css
 * @param folder the language folder inside dist/
 */
export function renderEmail(kind: EmailKind, facts: Facts, templates: CompiledTemplates, styles: Map<string, string>, folder: string): OutputFile[] {
  const tree = parseMarkdown(templates.renderMarkdown(`email/${kind}.md.hbs`, facts));
  const body = inlineStyles(toHtml(tree).trim(), styles);
  return [
    { path: `${folder}/email/${kind}.html`, contents: templates.render('layout/email.html.hbs', { ...facts, body }) },
    { path: `${folder}/email/${kind}.txt`, contents: toPlainText(tree, { width: 72 }) },
  ];
}

/**
 * Reads a stylesheet of plain tag selectors (`p { … }`) into tag → declarations.
 * @param css the contents of templates/assets/email.css
 */
export function parseTagStyles(css: string): Map<string, string> {
  const styles = new Map<string, string>();
  for (const [, selectors, body] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = body!.split(';').map((d) => d.trim()).filter(Boolean).join(';');
    for (const tag of selectors!.split(',').map((s) => s.trim())) {
      if (/^[a-z][a-z0-9]*$/.test(tag)) styles.set(tag, [styles.get(tag), declarations].filter(Boolean).join(';'));
    }
  }
  return styles;
}

/** Adds `style="…"` to each opening tag the stylesheet names; sanitised HTML has no styles of its own. */
function inlineStyles(html: string, styles: Map<string, string>): string {
  return html.replace(/<([a-z][a-z0-9]*)(\s[^>]*)?>/g, (tag, name: string, attributes = '') => {
    const style = styles.get(name);
    return style ? `<${name}${attributes} style="${style.replace(/"/g, '&quot;')};">` : tag;
  });
}
