/**
 * Compiles what every email block of one language shares, once per template set (like
 * `compileTemplates`): the stylesheet is inlined with juice here, not on every build.
 *
 * The stylesheet is written once, in templates/assets/email.css. juice inlines its class
 * rules into the layout (layout/email.html.hbs), which is then compiled with no class
 * or style sheet left; and it computes, on a specimen of every tag Markdown produces,
 * the style each tag gets, which `emailSections` attaches as the wording is rendered.
 * The wording itself stays Markdown, one source for the HTML block and its text twin.
 */
import Handlebars from 'handlebars';
import juice from 'juice';
import { UpfrontError } from '../../errors/upfront-error.js';
import type { LanguageTemplates, TemplateSet } from '../../load/read-templates.js';
import { compileStrict } from '../templates.js';
import { emailDialects, type PlaceholderWording } from './placeholders.js';

export interface CompiledEmail {
  /** The layout around the sections, styles inlined: `{ language, sections }` → HTML. */
  layout(view: { language: string; sections: string[] }): string;
  /** Tag name → inline style for the tags the Markdown wording produces. */
  styles: ReadonlyMap<string, string>;
  /** Placeholder wording per dialect. */
  placeholders: PlaceholderWording;
}

const layoutName = 'layout/email.html.hbs';
const placeholdersName = 'email/placeholders.json';
// Every tag the sanitised Markdown pipeline can produce in an email block.
const markdownTags = ['h1', 'h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'code', 'pre', 'blockquote', 'hr', 'br', 'del'];

const compiled = new WeakMap<TemplateSet, Map<string, CompiledEmail>>();

/**
 * The email layout, tag styles and placeholder wording of one language, compiled once.
 * @param set the templates, with templates/assets/email.css
 * @param language the language folder whose email layout and placeholders to compile
 */
export function compileEmail(set: TemplateSet, language: string): CompiledEmail {
  const perLanguage = compiled.get(set) ?? new Map<string, CompiledEmail>();
  compiled.set(set, perLanguage);
  const cached = perLanguage.get(language);
  if (cached) return cached;

  const templates = set.languages[language];
  if (!templates) throw new Error(`templates for "${language}" were not loaded`);
  const css = set.assets['email.css'] ?? '';
  const result: CompiledEmail = {
    layout: compileLayout(templates, inlineLayout(source(templates, layoutName), css)),
    styles: tagStyles(css),
    placeholders: readPlaceholders(templates),
  };
  perLanguage.set(language, result);
  return result;
}

/** The layout with its class rules written into style attributes, and the classes gone. */
function inlineLayout(layout: string, css: string): string {
  // Width and background also become width/bgcolor attributes, which Outlook reads.
  const inlined = juice.inlineContent(layout, css, { applyAttributesTableElements: true, applyWidthAttributes: true, removeStyleTags: true });
  return inlined.replace(/\sclass="[^"]*"/g, '');
}

function tagStyles(css: string): Map<string, string> {
  const specimen = markdownTags.map((tag) => `<${tag}></${tag}>`).join('');
  const styles = new Map<string, string>();
  for (const [, tag, style] of juice.inlineContent(specimen, css).matchAll(/<([a-z0-9]+) style="([^"]*)">/g)) {
    styles.set(tag!, style!.replace(/;\s*$/, '').replace(/:\s+/g, ':').replace(/;\s+/g, ';'));
  }
  return styles;
}

function compileLayout(templates: LanguageTemplates, layout: string): CompiledEmail['layout'] {
  return compileStrict<{ language: string; sections: string[] }>(Handlebars.create(), templates.language, layoutName, layout);
}

function readPlaceholders(templates: LanguageTemplates): PlaceholderWording {
  const file = `templates/${templates.language}/${placeholdersName}`;
  let data: unknown;
  try {
    data = JSON.parse(source(templates, placeholdersName));
  } catch (cause) {
    throw new UpfrontError('template-error', { message: `${file} is not valid JSON: ${(cause as Error).message}`, file });
  }
  const isWording = (value: unknown): value is Record<string, string> =>
    !!value && typeof value === 'object' && Object.values(value).every((text) => typeof text === 'string');
  const wording = data as Partial<PlaceholderWording>;
  for (const dialect of emailDialects) {
    if (!isWording(wording[dialect])) {
      throw new UpfrontError('template-error', { message: `${file} needs "${dialect}": an object of placeholder name → text.`, file });
    }
    const unknown = Object.keys(wording[dialect]).filter((name) => !(name in wording.plain!));
    if (unknown.length > 0) {
      throw new UpfrontError('template-error', { message: `${file}: "${dialect}" names ${unknown.join(', ')}, which "plain" does not have.`, file });
    }
  }
  return wording as PlaceholderWording;
}

function source(templates: LanguageTemplates, name: string): string {
  const text = templates.files[name];
  if (text === undefined) {
    throw new UpfrontError('missing-templates', { message: `templates/${templates.language}/${name} does not exist.`, file: `templates/${templates.language}/${name}` });
  }
  return text;
}
