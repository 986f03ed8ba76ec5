/**
 * Compiles a language's templates once, in an isolated Handlebars environment and in
 * strict mode (a misspelt fact is an error, not a blank). Owner values are only ever
 * data passed to these templates, never compiled.
 *
 * Two kinds of template: `*.md.hbs` produce Markdown and receive facts whose owner
 * text is already escaped for Markdown; `*.html.hbs` produce HTML with Handlebars'
 * own HTML escaping.
 */
import Handlebars from 'handlebars';
import type { Facts } from '../derive/index.js';
import { UpfrontError } from '../errors/upfront-error.js';
import type { LanguageTemplates } from '../load/read-templates.js';
import { escapeMarkdownDeep } from './escape.js';
import { cleanNote } from './markdown.js';

export type Render = (view: object) => string;

export interface CompiledTemplates {
  /** Runs a template by its path in the language folder, like `returns.md.hbs`. */
  render(name: string, view: object): string;
  /** Runs a Markdown template with facts made safe for Markdown. */
  renderMarkdown(name: string, facts: Facts, extra?: object): string;
  has(name: string): boolean;
}

const compiled = new WeakMap<LanguageTemplates, CompiledTemplates>();

/**
 * @param templates one language's template sources
 */
export function compileTemplates(templates: LanguageTemplates): CompiledTemplates {
  const cached = compiled.get(templates);
  if (cached) return cached;

  const env = Handlebars.create();
  registerHelpers(env);
  const compileOne = (name: string, source: string) => compileStrict(env, templates.language, name, source, { noEscape: name.endsWith('.md.hbs') });

  const functions = new Map<string, Render>();
  for (const [name, source] of Object.entries(templates.files)) {
    if (!name.endsWith('.hbs')) continue;
    // A partial is used inside a sentence; its file's final newline is not part of it.
    const fn = compileOne(name, name.startsWith('partials/') ? source.replace(/\r?\n$/, '') : source);
    functions.set(name, fn);
    if (name.startsWith('partials/')) env.registerPartial(name.slice('partials/'.length).replace(/\.(md|html)\.hbs$/, ''), fn as Handlebars.Template);
  }

  const result: CompiledTemplates = {
    has: (name) => functions.has(name),
    render(name, view) {
      const fn = functions.get(name);
      if (!fn) throw new UpfrontError('missing-templates', { message: `templates/${templates.language}/${name} does not exist.`, file: `templates/${templates.language}/${name}` });
      return fn(view);
    },
    renderMarkdown(name, facts, extra = {}) {
      return result.render(name, { ...markdownView(facts), ...extra });
    },
  };
  compiled.set(templates, result);
  return result;
}

// A shop's facts feed every Markdown template; escape them and clean its notes once.
const markdownViews = new WeakMap<Facts, Facts>();

/** The facts with owner text escaped for Markdown and the notes cleaned. */
function markdownView(facts: Facts): Facts {
  let view = markdownViews.get(facts);
  if (!view) {
    const notes = Object.fromEntries(Object.entries(facts.notes).map(([section, note]) => [section, note === undefined ? undefined : cleanNote(note)]));
    view = { ...escapeMarkdownDeep(facts, ['notes']), notes };
    markdownViews.set(facts, view);
  }
  return view;
}

function registerHelpers(env: typeof Handlebars): void {
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  env.registerHelper('not', (a: unknown) => !a);
  env.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  env.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  env.registerHelper('json', (value: unknown) => new env.SafeString(JSON.stringify(value).replace(/</g, '\\u003c')));
}

/**
 * Compiles one template in strict mode; a broken template, or one that fails while it
 * runs, becomes a `template-error` naming its file.
 * @param env the Handlebars environment (with its helpers and partials)
 * @param language the language folder, for the file name in messages
 * @param name the template's path inside the language folder
 * @param source the template text
 * @param options `noEscape` for templates that produce Markdown
 */
export function compileStrict<View = object>(env: typeof Handlebars, language: string, name: string, source: string, options: { noEscape?: boolean } = {}): (view: View) => string {
  try {
    // compile() is lazy; parsing now makes a broken template fail before any output.
    env.parse(source);
    const fn = env.compile<View>(source, { strict: true, noEscape: options.noEscape ?? false, preventIndent: true });
    return (view) => {
      try {
        return fn(view);
      } catch (cause) {
        throw templateError(language, name, cause);
      }
    };
  } catch (cause) {
    throw templateError(language, name, cause);
  }
}

function templateError(language: string, name: string, cause: unknown): UpfrontError {
  const message = (cause as Error).message.split('\n')[0] ?? String(cause);
  return new UpfrontError('template-error', { message: `templates/${language}/${name}: ${message}`, file: `templates/${language}/${name}` });
}
