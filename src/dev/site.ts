/**
 * The preview's site in memory: every shop's last good pages, and what `check` says
 * about the files as they are now. A change to one policy file re-checks and
 * re-renders that shop only; a change to the templates re-renders every shop. A
 * mistake never replaces good pages: they stay until the file is fixed. dist/ is
 * published only when nothing has an error, so it always holds what `build` would.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatFindings } from '../errors/format.js';
import { isUpfrontError, type UpfrontError } from '../errors/upfront-error.js';
import { checkSources } from '../index.js';
import { listTemplateLanguages, readPolicies, readTemplates, type PolicySource, type TemplateSet } from '../load/index.js';
import { publish } from '../publish/index.js';
import { renderShop, renderSite, type RenderedShop } from '../render/index.js';
import { compileTemplates } from '../render/templates.js';
import type { Policy } from '../validate/schema.js';

export interface SiteOptions {
  policiesDir: string;
  templatesDir: string;
  outDir: string;
  /** Folder that file names are shown relative to, as `check` shows them. */
  cwd: string;
  strict: boolean;
}

export interface Rebuild {
  /** Shops whose pages were rendered again. */
  rendered: string[];
  /** Whether dist/ was published (only when no file has an error, as with `build`). */
  published: boolean;
}

interface ShopState {
  source: PolicySource;
  /** The checked answers, when the file has no errors. */
  policy: Policy | undefined;
  errors: UpfrontError[];
  warnings: UpfrontError[];
}

export class PreviewSite {
  private readonly shops = new Map<string, ShopState>();
  /** The last good pages of each shop. */
  private readonly pages = new Map<string, RenderedShop>();
  /** The templates the last good pages were rendered with. */
  private templates: TemplateSet | undefined;
  /** The policies folder holds no policy file. */
  private folderError: UpfrontError | undefined;
  /** The templates cannot be read or rendered. */
  private templateError: UpfrontError | undefined;
  private languages: string[] = [];
  private files = new Map<string, string>();

  /**
   * @param options folders and strictness, as `build` takes them
   */
  constructor(private readonly options: SiteOptions) {}

  /** Reads, checks and renders everything, as `build` would. */
  async loadAll(): Promise<Rebuild> {
    const { policiesDir, templatesDir, cwd } = this.options;
    this.languages = await listTemplateLanguages(templatesDir);
    this.shops.clear();
    try {
      for (const source of await readPolicies(policiesDir, cwd)) this.check(source);
    } catch (cause) {
      // An empty folder is fine to start with: `upfront init` fills it.
      expected(cause);
    }
    await this.noticeEmptyFolder();
    return this.renderEverything(false);
  }

  /**
   * Re-reads, re-checks and re-renders the shops whose policy file changed.
   * @param shopIds file names without `.yaml`
   */
  async policiesChanged(shopIds: Iterable<string>): Promise<Rebuild> {
    const changed: ShopState[] = [];
    for (const shopId of shopIds) {
      const source = await this.read(shopId);
      if (source) {
        changed.push(this.check(source));
      } else {
        this.shops.delete(shopId);
        this.pages.delete(shopId);
      }
    }
    await this.noticeEmptyFolder();
    const templates = this.templates;
    if (!templates) return this.finish([]);
    // A language the loaded templates lack: read them again and render every shop.
    if (changed.some((state) => state.policy?.shop.languages.some((language) => !templates.languages[language]))) return this.renderEverything(false);
    const rendered: string[] = [];
    for (const state of changed) {
      if (!state.policy) continue;
      try {
        this.pages.set(state.source.shopId, renderShop({ shopId: state.source.shopId, policy: state.policy }, templates));
        rendered.push(state.source.shopId);
      } catch (cause) {
        state.errors.push(expected(cause));
      }
    }
    return this.finish(rendered);
  }

  /** Reads the templates again and re-renders every shop with them. */
  templatesChanged(): Promise<Rebuild> {
    return this.renderEverything(true);
  }

  /**
   * A file of the last good site, by its path in dist/.
   * @param file like `juniper-and-lye/en/returns.html`
   */
  file(file: string): string | undefined {
    return this.files.get(file);
  }

  /** Every error, then every warning, in file order: what `check` reports now. */
  findings(): UpfrontError[] {
    const states = [...this.shops.values()].sort((a, b) => compare(a.source.file, b.source.file));
    const siteErrors = [this.folderError, this.templateError].filter((f): f is UpfrontError => f !== undefined);
    return [...states.flatMap((s) => s.errors), ...siteErrors, ...states.flatMap((s) => s.warnings)];
  }

  /** How many errors stop the build now. */
  errorCount(): number {
    return this.findings().filter((f) => f.severity === 'error').length;
  }

  /** How many shops have pages. */
  shopCount(): number {
    return this.pages.size;
  }

  /** The overlay's markup when something has an error; its report is `check`'s, word for word. */
  overlay(): string | undefined {
    const errors = this.errorCount();
    if (errors === 0) return undefined;
    const report = formatFindings(this.findings());
    return this.devPage('dev/overlay.html.hbs', { errors, report }) ?? `<pre id="upfront-overlay" role="alert">${escapeHtml(report)}</pre>`;
  }

  /**
   * A page of the preview itself, in the words of templates/<lang>/dev/; undefined when
   * the last good templates have none or it cannot be rendered.
   * @param name like `dev/not-found.html.hbs`
   * @param view what the template shows
   */
  devPage(name: string, view: object): string | undefined {
    const language = this.templates?.languages['en'] ?? Object.values(this.templates?.languages ?? {})[0];
    if (!language) return undefined;
    try {
      const compiled = compileTemplates(language);
      return compiled.has(name) ? compiled.render(name, view) : undefined;
    } catch {
      return undefined;
    }
  }

  private async renderEverything(recheck: boolean): Promise<Rebuild> {
    if (recheck) {
      // Which languages have templates decides whether a policy passes; check them all again.
      this.languages = await listTemplateLanguages(this.options.templatesDir);
      for (const state of [...this.shops.values()]) this.check(state.source);
    }
    const pages = new Map<string, RenderedShop>();
    let templates: TemplateSet;
    try {
      // Only the languages in use, as `build` reads them: an unused folder cannot stop the preview.
      const used = [...new Set([...this.shops.values()].flatMap((state) => state.policy?.shop.languages ?? []))].sort();
      templates = await readTemplates(this.options.templatesDir, used);
      for (const [shopId, state] of this.shops) if (state.policy) pages.set(shopId, renderShop({ shopId, policy: state.policy }, templates));
    } catch (cause) {
      // The last good pages stay; the template's mistake shows over them.
      this.templateError = expected(cause);
      return this.finish([]);
    }
    this.templateError = undefined;
    this.templates = templates;
    this.pages.clear();
    for (const [shopId, page] of pages) this.pages.set(shopId, page);
    return this.finish([...pages.keys()]);
  }

  private check(source: PolicySource): ShopState {
    const result = checkSources([source], this.languages, this.options.strict);
    const state: ShopState = { source, policy: result.shops[0]?.policy, errors: result.errors, warnings: result.warnings };
    this.shops.set(source.shopId, state);
    return state;
  }

  /** One policy file, read as `readPolicies` reads it; undefined once it is gone. */
  private async read(shopId: string): Promise<PolicySource | undefined> {
    for (const extension of ['.yaml', '.yml']) {
      const full = path.join(this.options.policiesDir, `${shopId}${extension}`);
      try {
        return { file: shown(full, this.options.cwd), shopId, bytes: await readFile(full) };
      } catch {
        // Not this extension, or the file was deleted or renamed.
      }
    }
    return undefined;
  }

  /** With no policy file left, say so as `check` would. */
  private async noticeEmptyFolder(): Promise<void> {
    this.folderError = undefined;
    if (this.shops.size > 0) return;
    try {
      await readPolicies(this.options.policiesDir, this.options.cwd);
    } catch (cause) {
      this.folderError = expected(cause);
    }
  }

  private async finish(renderedNow: string[]): Promise<Rebuild> {
    const rendered = [...renderedNow].sort(compare);
    if (!this.templates) return { rendered, published: false };
    const shops = [...this.pages.values()].sort((a, b) => compare(a.shopId, b.shopId));
    // The list of shops takes its words from the languages in use, as in `build`.
    const used = new Set(shops.flatMap((shop) => Object.keys(shop.facts)));
    const languages = Object.fromEntries(Object.entries(this.templates.languages).filter(([language]) => used.has(language)));
    const files = renderSite(shops, { assets: this.templates.assets, languages });
    this.files = new Map(files.map((f) => [f.path, f.contents]));
    if (this.errorCount() > 0 || shops.length === 0) return { rendered, published: false };
    await publish(this.options.outDir, files);
    return { rendered, published: true };
  }
}

/** The owner's mistakes become findings; anything else is a bug and goes on up. */
function expected(cause: unknown): UpfrontError {
  if (isUpfrontError(cause)) return cause;
  throw cause;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function shown(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') ? relative.split(path.sep).join('/') : file;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
