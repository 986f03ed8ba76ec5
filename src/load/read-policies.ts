/**
 * Reads the policy files of a folder. The only disk access of the load stage; parsing
 * is separate so tests and tools can hand in text directly.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UpfrontError } from '../errors/upfront-error.js';

export interface PolicySource {
  /** Path as shown to the owner, relative to the working directory. */
  file: string;
  /** The file name without `.yaml`; becomes the shop's folder in dist/. */
  shopId: string;
  /** The raw bytes, checked for size and encoding by `parsePolicy`. */
  bytes: Uint8Array;
}

/**
 * Lists and reads every `*.yaml` / `*.yml` file in a folder, in name order.
 * @param dir folder holding one YAML file per shop
 * @param cwd folder that file names are shown relative to
 */
export async function readPolicies(dir: string, cwd = process.cwd()): Promise<PolicySource[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new UpfrontError('no-policies', { message: `The folder ${shown(dir, cwd)} does not exist.`, file: shown(dir, cwd) });
  }
  const yamlNames = names.filter((n) => /\.ya?ml$/i.test(n)).sort();
  if (yamlNames.length === 0) {
    throw new UpfrontError('no-policies', { message: `The folder ${shown(dir, cwd)} holds no .yaml files.`, file: shown(dir, cwd) });
  }
  return Promise.all(
    yamlNames.map(async (name) => {
      const full = path.join(dir, name);
      const file = shown(full, cwd);
      try {
        return { file, shopId: name.replace(/\.ya?ml$/i, ''), bytes: await readFile(full) };
      } catch (cause) {
        throw new UpfrontError('unreadable-file', { message: `${file} could not be read (${(cause as Error).message}).`, file });
      }
    }),
  );
}

function shown(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') ? relative.split(path.sep).join('/') : file;
}
