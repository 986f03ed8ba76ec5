/**
 * init: a new shop's policy file from a questionnaire. Asks (through whichever
 * prompter it is given), writes `policies/<shop>.yaml` with a comment above every
 * answer, and checks the new file the way `upfront check` does.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UpfrontError } from '../errors/upfront-error.js';
import { checkSources } from '../index.js';
import { listTemplateLanguages } from '../load/index.js';
import { policyExists, writeNewFile } from '../publish/new-file.js';
import { policyJsonSchema, policySchemaFile } from '../validate/json-schema.js';
import { policyFileText } from './policy-file.js';
import type { Prompter } from './prompter.js';
import { askQuestions } from './questionnaire.js';
import { isSafeShopId } from '../load/shop-id.js';
import { fill, readWording } from './wording.js';

export { InitCancelled, suggestedAnswers, type Prompter } from './prompter.js';

export interface InitOptions {
  /** How questions reach the owner: the terminal, `suggestedAnswers` for --yes, or a test's script. */
  prompter: Prompter;
  /** The shop's file name without `.yaml`; asked when not given. */
  shopId?: string;
  /** Folder of policy files; default `policies`. */
  policies?: string;
  /** Folder of templates, where the questions live; default `templates`. */
  templates?: string;
  /** Folder that relative paths and shown file names are resolved from. */
  cwd?: string;
  /** Language of the questions and of the new shop; default `en`. */
  language?: string;
  /** Today as YYYY-MM-DD, suggested as the effective date. */
  today: string;
  /** The owner's time zone, suggested for an order cut-off. */
  timeZone: string;
  /** The owner's locale, like en-GB, which suggests the country. */
  locale: string;
}

export interface InitResult {
  shopId: string;
  /** The new file, as the owner reads its name. */
  file: string;
  /** What `upfront check` says about the new file: nothing, when init did its job. */
  findings: UpfrontError[];
  /** The closing words, naming the file and what to do next. */
  closing: string;
}

/** schema/policy.schema.json of this installation of upfront (from src/ or the bundle in lib/). */
const schemaFile = path.join(installationRoot(), policySchemaFile);

/** The nearest folder above this module that holds package.json. */
function installationRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * Asks the questions and writes the new policy file; never overwrites one.
 * @param options the prompter, where to write, and what is known already
 */
export async function createPolicy(options: InitOptions): Promise<InitResult> {
  const cwd = options.cwd ?? process.cwd();
  const policiesDir = path.resolve(cwd, options.policies ?? 'policies');
  const templatesDir = path.resolve(cwd, options.templates ?? 'templates');
  const language = options.language ?? 'en';
  const fullPath = (shopId: string) => path.join(policiesDir, `${shopId}.yaml`);
  const shown = (shopId: string) => shownPath(fullPath(shopId), cwd);
  const exists = (shopId: string) => existsSync(fullPath(shopId)) || existsSync(path.join(policiesDir, `${shopId}.yml`));

  if (options.shopId !== undefined) {
    if (!isSafeShopId(options.shopId)) {
      throw new UpfrontError('unsafe-shop-id', { message: `"${options.shopId}" cannot be a policy file's name.`, file: shown(options.shopId) });
    }
    // Before any question: nobody should answer forty questions to be told no.
    if (exists(options.shopId)) throw policyExists(shown(options.shopId));
  }

  const schema = policyJsonSchema();
  const wording = await readWording(templatesDir, language, schema);
  const { shopId, policy } = await askQuestions(options.prompter, wording, schema, {
    ...(options.shopId !== undefined ? { shopId: options.shopId } : {}),
    today: options.today,
    timeZone: options.timeZone,
    locale: options.locale,
    language,
    fileFor: shown,
    exists,
  });

  const text = policyFileText(policy, {
    schemaPath: path.relative(policiesDir, schemaFile).split(path.sep).join('/'),
    header: fill(wording.header, { name: policy.shop.name }),
    choicesComment: wording.choicesComment,
    schema,
  });
  const checked = checkSources([{ file: shown(shopId), shopId, bytes: Buffer.from(text) }], await listTemplateLanguages(templatesDir));
  await writeNewFile(fullPath(shopId), text, shown(shopId));
  return { shopId, file: shown(shopId), findings: [...checked.errors, ...checked.warnings], closing: fill(wording.outro, { file: shown(shopId) }) };
}

function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') ? relative.split(path.sep).join('/') : file;
}
