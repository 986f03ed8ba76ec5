/**
 * upfront: load | validate | derive | render | publish.
 *
 * `check()` runs the first two stages and reports; `render()` runs all but the last
 * and returns the files in memory; `build()` runs everything and writes dist/.
 */
import path from 'node:path';
import { BuildFailed, inFileOrder, UpfrontError } from './errors/upfront-error.js';
import { listTemplateLanguages, maxFindingsPerFile, parsePolicy, readPolicies, readTemplates, type PolicySource } from './load/index.js';
import type { OutputFile, RenderedShop } from './render/index.js';
import type { EmailDialect } from './render/email/placeholders.js';
import { languageFindings, validatePolicy } from './validate/index.js';
import type { Policy } from './validate/schema.js';

export { UpfrontError, BuildFailed, isUpfrontError } from './errors/upfront-error.js';
export { catalogue, errorCodes, type ErrorCode } from './errors/catalogue.js';
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
  /** Errors and warnings together, in report order: file by file, then line and column. */
  findings: UpfrontError[];
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
 * @param sources files from `readPolicies` (or made in memory), in report order
 * @param languages language folders available in templates/
 * @param strict treat warnings as errors
 */
export function checkSources(sources: readonly PolicySource[], languages: readonly string[], strict = false): CheckResult {
  const result: CheckResult = { shops: [], errors: [], warnings: [], findings: [] };
  const firstFileOf = new Map<string, string>();
  for (const source of sources) {
    const { parsed, errors } = parsePolicy(source);
    const found = [...errors];
    const earlier = firstFileOf.get(source.shopId);
    if (earlier !== undefined) {
      found.push(new UpfrontError('duplicate-shop-id', { message: `${source.file} and ${earlier} would both publish into dist/${source.shopId}/.`, file: source.file, line: 1, column: 1 }));
    } else {
      firstFileOf.set(source.shopId, source.file);
    }
    const validation = parsed ? validatePolicy(parsed) : undefined;
    const languageErrors = parsed && validation?.policy ? languageFindings(parsed, validation.policy, languages) : [];
    found.push(...(validation?.errors ?? []), ...languageErrors, ...(validation?.warnings ?? []));
    const reported = capped(inFileOrder(found.map((f) => (strict && f.severity === 'warning' ? f.asError() : f))), source.file);
    result.findings.push(...reported);
    result.errors.push(...reported.filter((f) => f.severity === 'error'));
    result.warnings.push(...reported.filter((f) => f.severity === 'warning'));
    const clean = !reported.some((f) => f.severity === 'error');
    if (validation?.policy && clean) result.shops.push({ shopId: source.shopId, file: source.file, policy: validation.policy });
  }
  return result;
}

/** A hostile or mangled file can hold thousands of problems; the first hundred are enough to act on. */
function capped(findings: UpfrontError[], file: string): UpfrontError[] {
  if (findings.length <= maxFindingsPerFile) return findings;
  const last = findings[maxFindingsPerFile - 1]!;
  return [
    ...findings.slice(0, maxFindingsPerFile),
    new UpfrontError('too-many-problems', {
      message: `${file} has more problems than the ${maxFindingsPerFile} listed; upfront stops listing them here.`,
      file,
      ...(last.line !== undefined ? { line: last.line } : {}),
      ...(last.column !== undefined ? { column: last.column } : {}),
    }),
  ];
}

/**
 * Everything `build` would write, in memory. Throws `BuildFailed` with every finding
 * when any policy has an error.
 * @param options folders and strictness
 */
export async function render(options: Options = {}): Promise<RenderResult> {
  const checked = await check(options);
  if (checked.errors.length > 0) throw new BuildFailed(checked.findings);
  const languages = [...new Set(checked.shops.flatMap((shop) => shop.policy.shop.languages))].sort();
  // Loaded here, not at the top: `check` needs neither Handlebars nor unified.
  const { renderShop, renderSite } = await import('./render/index.js');
  const templateSet = await readTemplates(resolve(options).templates, languages);
  const shops = checked.shops.map((shop) => renderShop(shop, templateSet, options.emailDialect ? { emailDialect: options.emailDialect } : {}));
  return { shops, files: renderSite(shops, templateSet), warnings: checked.warnings };
}

/**
 * Renders every shop and publishes dist/ atomically. Whatever fails, the output folder
 * is left exactly as it was.
 * @param options folders and strictness
 */
export async function build(options: Options = {}): Promise<RenderResult & { out: string }> {
  const folders = resolve(options);
  const { checkOutputFolder, publish } = await import('./publish/index.js');
  // Before any work: an output folder that would replace the owner's files stops here.
  await checkOutputFolder(folders.out, [folders.cwd, folders.policies, folders.templates], folders.cwd);
  const rendered = await render(options);
  try {
    await publish(folders.out, rendered.files);
  } catch (cause) {
    throw writeFailure(cause, folders.out, folders.cwd);
  }
  return { ...rendered, out: folders.out };
}

/** A failed write is the disk's or the folder's problem, not a bug, when the system says why. */
function writeFailure(cause: unknown, out: string, cwd: string): unknown {
  const { code, syscall } = (cause ?? {}) as NodeJS.ErrnoException;
  if (!code || !syscall) return cause;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission was denied',
    EPERM: 'the operation was not permitted',
    EROFS: 'the disk is read-only',
    ENOTDIR: 'part of the path is a file, not a folder',
    EISDIR: 'a folder is in the way of a file',
    EEXIST: 'something is already in the way',
    ENAMETOOLONG: 'the path is too long',
    EIO: 'the disk reported an input/output error',
    EBUSY: 'the folder is in use by another program',
  };
  const shown = path.relative(cwd, out) || out;
  return new UpfrontError('cannot-write', {
    message: `${shown} could not be written: ${reasons[code] ?? (cause as Error).message} (${code} during ${syscall}). Nothing was published.`,
    file: shown,
  });
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
