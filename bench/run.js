#!/usr/bin/env node
// Measures upfront against Node's own start-up, in the same run, as ratios: a busy or
// slow machine moves both sides alike, so the ratios are what to compare across runs.
//   npm run bench            (after npm ci, which bundles lib/)
//   npm run bench -- --shops 500 --runs 9
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { shops: { type: 'string', default: '200' }, runs: { type: 'string', default: '7' } } });
const shopCount = Number(values.shops);
const runs = Number(values.runs);
const bin = path.join(root, 'bin/upfront.js');
const temp = mkdtempSync(path.join(os.tmpdir(), 'upfront-bench-'));

/** Median wall time of a command over `runs` runs, in ms; fails loudly if it fails. */
function time(args, cwd = root) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

// Many shops: the example and every fixture shop, copied under new names.
const manyPolicies = path.join(temp, 'policies');
mkdirSync(manyPolicies);
const sources = [
  path.join(root, 'policies/juniper-and-lye.yaml'),
  ...readdirSync(path.join(root, 'test/fixtures/shops')).map((name) => path.join(root, 'test/fixtures/shops', name, 'policy.yaml')),
]
  .filter((file) => existsSync(file))
  .map((file) => readFileSync(file));
for (let i = 0; i < shopCount; i++) writeFileSync(path.join(manyPolicies, `shop-${String(i).padStart(4, '0')}.yaml`), sources[i % sources.length]);
cpSync(path.join(root, 'templates'), path.join(temp, 'templates'), { recursive: true });

const baseline = time(['-e', '0']);
const rows = [
  ['node -e 0 (baseline)', baseline],
  ['upfront --version', time([bin, '--version'])],
  ['upfront check (1 shop)', time([bin, 'check'])],
  ['upfront build (1 shop)', time([bin, 'build', '--out', path.join(temp, 'one')])],
  [`upfront check (${shopCount} shops)`, time([bin, 'check'], temp)],
  [`upfront build (${shopCount} shops)`, time([bin, 'build', '--out', path.join(temp, 'many')], temp)],
];
rmSync(temp, { recursive: true, force: true });

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`median of ${runs} runs, Node ${process.version}, ${os.cpus().length} cores\n`);
console.log(`${'command'.padEnd(width)}  ${'ms'.padStart(8)}  ${'× node'.padStart(8)}`);
for (const [name, ms] of rows) console.log(`${name.padEnd(width)}  ${ms.toFixed(0).padStart(8)}  ${(ms / baseline).toFixed(1).padStart(8)}`);
const many = rows.at(-1)[1];
const one = rows[3][1];
console.log(`\nper extra shop: ${((many - one) / (shopCount - 1)).toFixed(1)} ms (${(((many - one) / (shopCount - 1)) / baseline).toFixed(3)} × node)`);
