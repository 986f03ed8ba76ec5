/**
 * Publishing replaces the output folder as a whole. Before that, make sure the folder is
 * one a build may replace: not the project, the policies or the templates (or a folder
 * holding them), not a file, and not a folder of someone else's files.
 */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { UpfrontError } from '../errors/upfront-error.js';

/**
 * Throws `unsafe-output` when publishing into `out` could destroy what is not a build.
 * @param out the output folder
 * @param keep folders that must survive a build (the project, policies, templates)
 * @param cwd folder that shown paths are relative to
 */
export async function checkOutputFolder(out: string, keep: readonly string[], cwd: string): Promise<void> {
  const target = path.resolve(out);
  const shown = (p: string) => path.relative(cwd, p) || '.';
  for (const folder of keep.map((k) => path.resolve(k))) {
    if (folder === target || folder.startsWith(target.endsWith(path.sep) ? target : `${target}${path.sep}`)) {
      throw new UpfrontError('unsafe-output', {
        message: `The output folder ${shown(target)} holds ${shown(folder) === '.' ? 'this project' : shown(folder)}; publishing would replace it.`,
        file: shown(target),
      });
    }
  }
  let isFolder: boolean;
  try {
    isFolder = (await lstat(target)).isDirectory();
  } catch {
    return; // Nothing there yet.
  }
  if (!isFolder) {
    throw new UpfrontError('unsafe-output', { message: `The output location ${shown(target)} is a file, not a folder; publishing would replace it.`, file: shown(target) });
  }
  const entries = await readdir(target);
  // manifest.json marks a folder an earlier build wrote.
  if (entries.length > 0 && !entries.includes('manifest.json')) {
    throw new UpfrontError('unsafe-output', {
      message: `The output folder ${shown(target)} holds files an upfront build did not write (it has no manifest.json); publishing would replace them.`,
      file: shown(target),
      hint: 'Choose another folder with --out, or empty this one if nothing in it is needed.',
    });
  }
}
