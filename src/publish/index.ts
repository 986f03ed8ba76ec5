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
    await writeAll(staging, files);
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

/** Files written at once: enough to keep the disk busy, few enough to stay within open-file limits. */
const writesAtOnce = 32;

/** Writes every file under `folder`, each folder made once, files in bounded batches. */
async function writeAll(folder: string, files: readonly OutputFile[]): Promise<void> {
  const folders = [...new Set(files.map((file) => path.dirname(path.join(folder, file.path))))].sort();
  for (const dir of folders) await mkdir(dir, { recursive: true });
  for (let start = 0; start < files.length; start += writesAtOnce) {
    const batch = files.slice(start, start + writesAtOnce);
    // Every write of the batch settles before a failure is raised, so the clean-up
    // that follows cannot race a write still in flight.
    const results = await Promise.allSettled(batch.map((file) => writeFile(path.join(folder, file.path), file.contents)));
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
  }
}

/** Output paths come from shop ids and template names; none may leave the folder. */
function assertInside(relative: string): void {
  const normal = path.posix.normalize(relative);
  if (path.isAbsolute(relative) || normal.startsWith('..') || normal !== relative || relative.includes('\\') || relative === '') {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relative)}`);
  }
}
