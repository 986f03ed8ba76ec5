/**
 * publish: the only stage that writes. Everything is written into a fresh folder
 * beside the output folder, which is then swapped in, so a build that fails or
 * crashes part-way leaves the published folder exactly as it was.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../render/output.js';

export { checkOutputFolder } from './output-folder.js';

/**
 * @param outDir the folder to publish into (dist/)
 * @param files every output file, paths relative to `outDir`
 */
export async function publish(outDir: string, files: readonly OutputFile[]): Promise<void> {
  const target = path.resolve(outDir);
  for (const file of files) assertInside(file.path);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const staging = `${target}.building-${stamp}`;
  const retired = `${target}.previous-${stamp}`;
  await rm(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const full = path.join(staging, file.path);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, file.contents);
    }
    let hadPrevious = true;
    try {
      await rename(target, retired);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
      hadPrevious = false;
    }
    try {
      await rename(staging, target);
    } catch (cause) {
      if (hadPrevious) await rename(retired, target);
      throw cause;
    }
    if (hadPrevious) await rm(retired, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Output paths come from shop ids and template names; none may leave the folder. */
function assertInside(relative: string): void {
  const normal = path.posix.normalize(relative);
  if (path.isAbsolute(relative) || normal.startsWith('..') || normal !== relative || relative.includes('\\') || relative === '') {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relative)}`);
  }
}
