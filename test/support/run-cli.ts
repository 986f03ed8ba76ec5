/**
 * Runs the real `upfront` command (bin/upfront.js) the way an owner does, and looks at
 * folders before and after.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './paths.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * @param args the command line after `upfront`
 * @param options the folder to run in, extra environment, and a fault to inject (see fault.mjs)
 */
export function runUpfront(args: string[], options: { cwd?: string; env?: Record<string, string>; fault?: string } = {}): Run {
  const preload = options.fault ? ['--import', path.join(root, 'test/support/fault.mjs')] : [];
  const run = spawnSync(process.execPath, [...preload, path.join(root, 'bin/upfront.js'), ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env, ...(options.fault ? { UPFRONT_TEST_FAULT: options.fault } : {}) },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file below `dir` with its bytes, by relative path: two equal snapshots mean byte-identical folders. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full).split(path.sep).join('/')] = readFileSync(full).toString('base64');
  }
  return files;
}

/** A stack trace line as Node prints it. */
export const stackLine = /\n\s+at .+:\d+:\d+/;
