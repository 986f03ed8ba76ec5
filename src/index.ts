/**
 * upfront: load | validate | derive | render | publish.
 *
 * `check()` runs the first two stages and reports; `render()` runs all but the last
 * and returns the files in memory; `build()` runs everything and writes dist/.
 */
import path from 'node:path';
import { BuildFailed, type UpfrontError } from './errors/upfront-error.js';
import { listTemplateLanguages, parsePolicy, readPolicies, readTemplates, type PolicySource } from './load/index.js';
import type { OutputFile, RenderedShop } from './render/index.js';
import type { EmailDialect } from './render/email/placeholders.js';
import { languageFindings, validatePolicy } from './validate/index.js';
import type { Policy } from './validate/schema.js';

export { UpfrontError, BuildFailed, isUpfrontError } from './errors/upfront-error.js';
export { catalogue, type ErrorCode } from './errors/catalogue.js';
export { policySchema, type Policy, type PolicyInput } from './validate/schema.js';
export type { Facts } from './derive/index.js';
export type { OutputFile, RenderedShop } from './render/index.js';
// From the small module, so importing upfront (and `check`) does not load the renderers.
export { emailDialects, type EmailDialect } from './render/email/placeholders.js';

export interface Options {
  /** Folder of policy files; default `policies`. */
  policies?: string;
  /** Folder of templates; default `templates`. */
  templates?: string;
  /** Output folder; default `dist`. */
  out?: string;
  /** Treat warnings as errors. */
  strict?: boolean;
  /** Folder that relative paths and shown file names are resolved from. */
  cwd?: string;
  /** How email blocks write order values only the shop platform knows; default `plain` (`[order number]`). */
  emailDialect?: EmailDialect;
}

export interface CheckedShop {
  shopId: string;
  file: string;
  policy: Policy;
}

export interface CheckResult {
  shops: CheckedShop[];
  errors: UpfrontError[];
  warnings: UpfrontError[];
}

export interface RenderResult {
  shops: RenderedShop[];
  files: OutputFile[];
  warnings: UpfrontError[];
}

/**
 * Validates every policy file and reports every problem at once; writes nothing.
 * @param options folders and strictness
 */
export async function check(options: Options = {}): Promise<CheckResult> {
  const { cwd, policies, templates } = resolve(options);
  const sources = await readPolicies(policies, cwd);
  return checkSources(sources, await listTemplateLanguages(templates), options.strict ?? false);
}

/**
 * The pure part of `check`: policy files already read → policies and findings.
 * @param sources files from `readPolicies` (or made in memory)
 * @param languages language folders available in templates/
 * @param strict treat warnings as errors
 */
export function checkSources(sources: readonly PolicySource[], languages: readonly string[], strict = false): CheckResult {
  const result: CheckResult = { shops: [], errors: [], warnings: [] };
  for (const source of sources) {
    const { parsed, errors } = parsePolicy(source);
    result.errors.push(...errors);
    if (!parsed) continue;
    const validation = validatePolicy(parsed);
    const languageErrors = validation.policy ? languageFindings(parsed, validation.policy, languages) : [];
    result.errors.push(...validation.errors, ...languageErrors);
    if (strict) {
      result.errors.push(...validation.warnings.map((warning) => warning.asError()));
    } else {
      result.warnings.push(...validation.warnings);
    }
    if (validation.policy && languageErrors.length === 0) result.shops.push({ shopId: source.shopId, file: source.file, policy: validation.policy });
  }
  return result;
}

/**
 * Everything `build` would write, in memory. Throws `BuildFailed` with every finding
 * when any policy has an error.
 * @param options folders and strictness
 */
export async function render(options: Options = {}): Promise<RenderResult> {
  const checked = await check(options);
  if (checked.errors.length > 0) throw new BuildFailed([...checked.errors, ...checked.warnings]);
  const languages = [...new Set(checked.shops.flatMap((shop) => shop.policy.shop.languages))].sort();
  // Loaded here, not at the top: `check` needs neither Handlebars nor unified.
  const { renderShop, renderSite } = await import('./render/index.js');
  const templateSet = await readTemplates(resolve(options).templates, languages);
  const shops = checked.shops.map((shop) => renderShop(shop, templateSet, options.emailDialect ? { emailDialect: options.emailDialect } : {}));
  return { shops, files: renderSite(shops, templateSet), warnings: checked.warnings };
}

/**
 * Renders every shop and publishes dist/ atomically.
 * @param options folders and strictness
 */
export async function build(options: Options = {}): Promise<RenderResult & { out: string }> {
  const rendered = await render(options);
  const { out } = resolve(options);
  const { publish } = await import('./publish/index.js');
  await publish(out, rendered.files);
  return { ...rendered, out };
}

function resolve(options: Options): { cwd: string; policies: string; templates: string; out: string } {
  const cwd = options.cwd ?? process.cwd();
  return {
    cwd,
    policies: path.resolve(cwd, options.policies ?? 'policies'),
    templates: path.resolve(cwd, options.templates ?? 'templates'),
    out: path.resolve(cwd, options.out ?? 'dist'),
  };
}
