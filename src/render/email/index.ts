/**
 * Email blocks: the order confirmation, and the two follow-ups that keep a customer in
 * the loop (refund issued, shipping delay). Each is one presentation table with inline
 * styles only, to paste into Shopify notifications, WooCommerce emails or Klaviyo, and a
 * plain-text twin wrapped at 72 columns, both from the same Markdown wording.
 */
import type { Facts } from '../../derive/index.js';
import type { TemplateSet } from '../../load/read-templates.js';
import { parseMarkdown } from '../markdown.js';
import type { OutputFile } from '../output.js';
import { toPlainText } from '../plain-text.js';
import type { CompiledTemplates } from '../templates.js';
import { compileEmail } from './compile.js';
import { emailSections } from './html.js';
import { escapeLiquid, placeholdersFor, type EmailDialect } from './placeholders.js';

export { compileEmail, type CompiledEmail } from './compile.js';
export { emailDialects, escapeLiquid, type EmailDialect } from './placeholders.js';

export const emailKinds = ['order-confirmation', 'refund-issued', 'shipping-delay'] as const;
export type EmailKind = (typeof emailKinds)[number];

export interface EmailInput {
  facts: Facts;
  /** That language's compiled templates (the wording). */
  templates: CompiledTemplates;
  /** The whole template set, for the compiled layout, styles and placeholders. */
  templateSet: TemplateSet;
  /** How placeholders are written; the same for every shop of a build. */
  dialect: EmailDialect;
  /** The language folder inside dist/. */
  folder: string;
}

/**
 * Every email block of one shop in one language, as HTML and text.
 * @param input the facts, the templates and the dialect
 */
export function renderEmails(input: EmailInput): OutputFile[] {
  return emailKinds.flatMap((kind) => renderEmail(kind, input));
}

/**
 * One email block of one shop in one language, as HTML and text.
 * @param kind which email block
 * @param input the facts, the templates and the dialect
 */
export function renderEmail(kind: EmailKind, { facts, templates, templateSet, dialect, folder }: EmailInput): OutputFile[] {
  const email = compileEmail(templateSet, facts.language);
  const placeholders = placeholdersFor(email.placeholders, dialect);
  const tree = parseMarkdown(templates.renderMarkdown(`email/${kind}.md.hbs`, facts, { placeholder: placeholders.view }));
  const html = email.layout({ language: facts.language, sections: emailSections(tree, email.styles) });
  const text = toPlainText(tree, { width: 72 });
  // Owner text is escaped for Liquid before the placeholders, which are Liquid, go in.
  const finish = (contents: string) => placeholders.fill(escapeLiquid(contents, dialect));
  return [
    { path: `${folder}/email/${kind}.html`, contents: finish(html) },
    { path: `${folder}/email/${kind}.txt`, contents: finish(text) },
  ];
}
