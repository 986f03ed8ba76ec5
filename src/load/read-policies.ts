/**
 * Reads the policy files of a folder. The only disk access of the load stage; parsing
 * is separate so tests and tools can hand in text directly.
 */
import { constants } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UpfrontError } from '../errors/upfront-error.js';
import { maxPolicyBytes } from './limits.js';

export interface PolicySource {
  /** Path as shown to the owner, relative to the working directory. */
  file: string;
  /** The file name without `.yaml`; becomes the shop's folder in dist/. */
  shopId: string;
  /** The raw bytes, checked for size and encoding by `parsePolicy`. */
  bytes: Uint8Array;
  /** The size on disk, when larger than the bytes read (oversized files are not read whole). */
  size?: number;
  /** Why the file could not be read; `parsePolicy` reports it. */
  readError?: string;
}

/**
 * Lists and reads every `*.yaml` / `*.yml` file in a folder, in name order. A file that
 * cannot be read is returned with `readError`, so every other file is still checked.
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
      const source = { file: shown(full, cwd), shopId: name.replace(/\.ya?ml$/i, '') };
      try {
        return { ...source, ...(await readBounded(full)) };
      } catch (cause) {
        return { ...source, bytes: new Uint8Array(), readError: reason(cause) };
      }
    }),
  );
}

/**
 * Reads at most one byte more than the limit, and only from a regular file: a policy
 * that is really /dev/zero, a pipe or a huge log costs nothing to reject.
 */
async function readBounded(full: string): Promise<Pick<PolicySource, 'bytes' | 'size' | 'readError'>> {
  const info = await stat(full);
  if (!info.isFile()) return { bytes: new Uint8Array(), readError: info.isDirectory() ? 'it is a folder, not a file' : 'it is not a plain file' };
  // O_NONBLOCK: should the file turn into a pipe between stat and open, open must not wait for a writer.
  const handle = await open(full, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    // Read in chunks until the end or past the limit: the size stat reports can be wrong
    // (files that are growing, or special files that report 0).
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (total <= maxPolicyBytes) {
      const chunk = new Uint8Array(Math.min(64 * 1024, maxPolicyBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    const bytes = Buffer.concat(chunks, total);
    return total > maxPolicyBytes ? { bytes, size: Math.max(info.size, total) } : { bytes };
  } finally {
    await handle.close();
  }
}

function reason(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it no longer exists, or is a link to a file that does not exist';
  if (code === 'ELOOP') return 'it is a link that points to itself';
  return (cause as Error).message;
}

function shown(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') ? relative.split(path.sep).join('/') : file;
}
