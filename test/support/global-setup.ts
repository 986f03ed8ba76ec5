/**
 * Compiles src/ into lib/ once before the tests, so tests that run the `upfront`
 * command exercise the current source, exactly as `npm ci` + `npm run build` would.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
}
