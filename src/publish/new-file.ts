/**
 * Writes a file that must not exist yet: `upfront init` never overwrites a policy.
 * The check and the write are one step (the `wx` flag), so a file that appears while
 * the owner answers questions is still safe.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UpfrontError } from '../errors/upfront-error.js';

/**
 * @param file where to write
 * @param contents the text
 * @param shown the file's name as the owner reads it, for the message
 */
export async function writeNewFile(file: string, contents: string, shown: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, contents, { flag: 'wx' });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') throw policyExists(shown);
    throw cause;
  }
}

/**
 * The finding for a policy file that is already there.
 * @param shown the file's name as the owner reads it
 */
export function policyExists(shown: string): UpfrontError {
  return new UpfrontError('policy-exists', { message: `${shown} already exists; \`upfront init\` never overwrites a policy file.`, file: shown });
}
