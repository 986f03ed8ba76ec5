/**
 * Bundles src/ into lib/ once before the tests (the same `compile` script `npm ci`
 * runs), so tests that run the `upfront` command exercise the current source.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['node_modules/rolldown/bin/cli.mjs', '-c', 'rolldown.config.js'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
}
