/**
 * The owner's publishing page, dist/<shop>/index.html, and the list of shops,
 * dist/index.html.
 *
 * The publishing page is built from the shop's rendered files, not from a list kept
 * here: every output, including kinds added later (a new email block), appears with a
 * preview, its path and a copy button. A file's kind comes from where it sits and how
 * it ends (`email/*.html` is an email block); what each kind is called and where it goes
 * is wording, so it lives in templates/<lang>/dashboard.html.hbs.
 */
import type { Facts } from '../derive/index.js';
import type { OutputFile } from './output.js';
import type { CompiledTemplates } from './templates.js';

export type OutputKind =
  | 'page'
  | 'fragment'
  | 'markdown'
  | 'text'
  | 'snippet'
  | 'snippet-text'
  | 'email'
  | 'email-text'
  | 'structured-data';

/** How the dashboard shows a kind: the published file in a frame, a pasted piece in a host page, or text. */
const previews: Record<OutputKind, 'page' | 'frame' | 'text'> = {
  page: 'page',
  fragment: 'frame',
  snippet: 'frame',
  email: 'frame',
  markdown: 'text',
  text: 'text',
  'snippet-text': 'text',
  'email-text': 'text',
  'structured-data': 'text',
};

export interface DashboardInput {
  shopId: string;
  /** The shop's facts in its first language (name, dates, page addresses, accent colour). */
  facts: Facts;
  /** Every file rendered for the shop, in render order. */
  files: readonly OutputFile[];
  /** The first language's compiled templates. */
  templates: CompiledTemplates;
  /** Styles of the dashboard page. */
  css: string;
  /** Styles of the host page that previews a pasted piece. */
  previewCss: string;
  /** The copy buttons' script. */
  script: string;
}

/**
 * @param input the shop, its files and the dashboard's templates and assets
 */
export function renderDashboard({ shopId, facts, files, templates, css, previewCss, script }: DashboardInput): OutputFile {
  const byLanguage = new Map<string, OutputFile[]>();
  for (const file of files) {
    const [shop, language, ...rest] = file.path.split('/');
    if (shop !== shopId || !language || rest.length === 0) continue;
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), file]);
  }
  const languages = [...byLanguage].map(([code, languageFiles]) => ({
    code,
    groups: groupsOf(code, languageFiles.map((file) => ({ ...file, path: file.path.slice(shopId.length + 1) })), facts, templates, previewCss),
  }));
  const contents = templates.render('dashboard.html.hbs', { ...facts, languages, multilingual: languages.length > 1, css, script });
  return { path: `${shopId}/index.html`, contents };
}

interface FileView {
  id: string;
  /** Path from the dashboard, like `en/returns.fragment.html`. */
  path: string;
  kind: OutputKind;
  /** The output this file is one form of: `returns`, `checkout`, `order-confirmation`. */
  name: string;
  isHtml: boolean;
  preview: 'page' | 'frame' | 'text';
  /** The host page around a pasted piece, for the frame's srcdoc. */
  frame: string | undefined;
  /** Where the page will live on the shop's website, when the shop says. */
  liveAt: string | undefined;
  /** Height of the text box: the file's lines, within bounds. */
  rows: number;
  contents: string;
}

function groupsOf(language: string, files: OutputFile[], facts: Facts, templates: CompiledTemplates, previewCss: string) {
  const groups = new Map<string, { id: string; name: string; folder: string; files: FileView[] }>();
  for (const file of files) {
    const relative = file.path.slice(language.length + 1);
    const output = relative.replace(/(\.fragment)?\.[a-z]+$/, '');
    const folder = output.includes('/') ? output.slice(0, output.lastIndexOf('/')) : '';
    const name = output.slice(folder ? folder.length + 1 : 0);
    const kind = kindOf(relative);
    const id = slug(`${language}/${relative}`);
    const preview = previews[kind];
    const view: FileView = {
      id,
      path: file.path,
      kind,
      name,
      isHtml: relative.endsWith('.html'),
      preview,
      frame: preview === 'frame' ? templates.render('layout/preview.html.hbs', { language, kind, path: file.path, css: previewCss, body: file.contents }) : undefined,
      liveAt: kind === 'page' || kind === 'fragment' ? (facts.shop.urls as Record<string, string | undefined>)[name] : undefined,
      rows: Math.min(16, Math.max(2, file.contents.split('\n').length)),
      contents: file.contents,
    };
    const group = groups.get(output) ?? { id: slug(`${language}/${output}`), name, folder, files: [] };
    group.files.push(view);
    groups.set(output, group);
  }
  return [...groups.values()];
}

/**
 * What a file is, from its place and ending.
 * @param relative the path inside the language folder, like `snippets/checkout.txt`
 */
export function kindOf(relative: string): OutputKind {
  const folder = relative.includes('/') ? relative.slice(0, relative.indexOf('/')) : '';
  const html = relative.endsWith('.html');
  if (relative.endsWith('.fragment.html')) return 'fragment';
  if (relative.endsWith('.jsonld')) return 'structured-data';
  if (folder === 'email') return html ? 'email' : 'email-text';
  if (folder === 'snippets') return html ? 'snippet' : 'snippet-text';
  if (relative.endsWith('.md')) return 'markdown';
  return html ? 'page' : 'text';
}

export interface SiteShop {
  id: string;
  facts: Facts;
}

/**
 * The list of shops, each linking to its publishing page.
 * @param shops every shop with its first language's facts, in id order
 * @param templates the compiled templates of the list's language
 * @param css styles of the page
 */
export function renderSiteIndex(shops: readonly SiteShop[], templates: CompiledTemplates, css: string): OutputFile {
  const view = { shops: shops.map((shop) => ({ id: shop.id, name: shop.facts.shop.name, effectiveDate: shop.facts.shop.effectiveDate, effectiveDateIso: shop.facts.shop.effectiveDateIso })), css };
  return { path: 'index.html', contents: templates.render('site-index.html.hbs', view) };
}

/** A path as an HTML id: `en/snippets/checkout.txt` → `en-snippets-checkout-txt`. */
function slug(path: string): string {
  return path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
