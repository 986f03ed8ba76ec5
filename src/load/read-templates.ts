/**
 * Reads the wording: templates/<lang>/ (Handlebars files and phrases.json) and
 * templates/assets/ (styles shared by every language). Rendering never touches disk.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { phrasesSchema, type Phrases } from './phrases.js';
import { UpfrontError } from '../errors/upfront-error.js';

export interface LanguageTemplates {
  language: string;
  /** Template sources by path inside the language folder, like `email/order-confirmation.md.hbs`. */
  files: Record<string, string>;
  phrases: Phrases;
}

export interface TemplateSet {
  /** Language folder name → its templates. */
  languages: Record<string, LanguageTemplates>;
  /** Files of templates/assets/, like `page.css`. */
  assets: Record<string, string>;
}

/**
 * @param dir the templates folder
 * @param languages the languages to read; others are left on disk
 */
export async function readTemplates(dir: string, languages: readonly string[]): Promise<TemplateSet> {
  const set: TemplateSet = { languages: {}, assets: await readTree(path.join(dir, 'assets')) };
  for (const language of languages) {
    const folder = path.join(dir, language);
    const files = await readTree(folder);
    const phrasesSource = files['phrases.json'];
    if (phrasesSource === undefined) {
      throw new UpfrontError('missing-templates', { message: `There is no ${path.join(folder, 'phrases.json')} for the language "${language}".`, file: folder });
    }
    const phrasesFile = path.join(folder, 'phrases.json');
    let json: unknown;
    try {
      json = JSON.parse(phrasesSource);
    } catch (cause) {
      throw new UpfrontError('template-error', { message: `${phrasesFile} is not valid JSON: ${(cause as Error).message}`, file: phrasesFile });
    }
    const checked = phrasesSchema.safeParse(json);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const where = issue.path.map(String).join('.') || 'the file';
      throw new UpfrontError('template-error', { message: `${phrasesFile}: \`${where}\` ${issue.message.replace(/^Invalid input: /, '')}.`, file: phrasesFile });
    }
    const phrases = checked.data;
    set.languages[language] = { language, files, phrases };
  }
  return set;
}

/** Every file below `dir`, by forward-slash relative path; empty when `dir` is missing. */
async function readTree(dir: string): Promise<Record<string, string>> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch {
    return {};
  }
  const files: Record<string, string> = {};
  for (const entry of entries.sort()) {
    const full = path.join(dir, entry);
    try {
      files[entry.split(path.sep).join('/')] = await readFile(full, 'utf8');
    } catch {
      // A folder; readdir's recursive listing includes them.
    }
  }
  return files;
}

/**
 * The languages that have a folder of templates.
 * @param dir the templates folder
 */
export async function listTemplateLanguages(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && /^[a-z]{2}$/.test(e.name)).map((e) => e.name).sort();
  } catch {
    return [];
  }
}
