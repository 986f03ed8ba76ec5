/**
 * The `upfront` command: flags in, messages and an exit code out. The only module
 * that talks to the terminal. Exit 0: done; 1: the owner's mistake; 2: a bug.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatFindings, painter, type Painter } from './errors/format.js';
import type { UpfrontError } from './errors/upfront-error.js';

const usage = `upfront: publish a shop's returns, refunds and shipping answers everywhere customers read them

Usage:
  upfront build [--policies DIR] [--templates DIR] [--out DIR] [--strict]
  upfront check [--policies DIR] [--templates DIR] [--strict] [--json]
  upfront --help | --version

Commands:
  build    validate every policy file and publish every output into the out folder
  check    validate every policy file and report; writes nothing

Options:
  --policies DIR   folder of policy files, one per shop (default: policies)
  --templates DIR  folder of wording templates (default: templates)
  --out DIR        output folder (default: dist)
  --strict         treat warnings as errors
  --json           print findings as JSON (check only)
`;

/**
 * @param argv arguments after the program name
 * @returns the exit code
 */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        policies: { type: 'string' },
        templates: { type: 'string' },
        out: { type: 'string' },
        strict: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (cause) {
    process.stderr.write(`${(cause as Error).message}\n\n${usage}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) return print(usage);
  if (values.version) return print(`${version()}\n`);
  const command = positionals[0];
  if (command !== 'build' && command !== 'check') {
    process.stderr.write(`${command ? `Unknown command "${command}".` : 'Say which command to run.'}\n\n${usage}`);
    return 1;
  }

  const options = {
    ...(values.policies ? { policies: values.policies } : {}),
    ...(values.templates ? { templates: values.templates } : {}),
    ...(values.out ? { out: values.out } : {}),
    strict: values.strict ?? false,
  };
  const paint = painter(process.stderr.isTTY && !process.env['NO_COLOR']);
  const started = performance.now();
  try {
    // Loaded only now, so --help and --version start as fast as Node itself.
    const upfront = await import('./index.js');
    if (command === 'check') {
      const result = await upfront.check(options);
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ ok: result.errors.length === 0, findings: [...result.errors, ...result.warnings].map((f) => f.toJSON()) }, null, 2)}\n`);
      } else {
        report([...result.errors, ...result.warnings], paint);
        if (result.errors.length === 0) process.stderr.write(`${paint.green('✓')} ${result.shops.length} policy file${result.shops.length === 1 ? '' : 's'} checked, no errors.\n`);
      }
      return result.errors.length > 0 ? 1 : 0;
    }
    const result = await upfront.build(options);
    report(result.warnings, paint);
    const ms = Math.round(performance.now() - started);
    process.stderr.write(`${paint.green('✓')} Built ${result.shops.length} shop${result.shops.length === 1 ? '' : 's'}, ${result.files.length} files in ${ms} ms → ${result.out}\n`);
    return 0;
  } catch (cause) {
    const { BuildFailed, isUpfrontError } = await import('./errors/upfront-error.js');
    if (cause instanceof BuildFailed) {
      if (values.json) process.stdout.write(`${JSON.stringify({ ok: false, findings: cause.findings.map((f) => f.toJSON()) }, null, 2)}\n`);
      else report(cause.findings, paint);
      process.stderr.write(`${paint.red('✗')} Nothing was published; dist/ is unchanged.\n`);
      return 1;
    }
    if (isUpfrontError(cause)) {
      report([cause], paint);
      return 1;
    }
    process.stderr.write(`upfront stopped because of a bug, not because of your files. Please report it with this output:\n${(cause as Error).stack ?? String(cause)}\n`);
    return 2;
  }
}

function report(findings: readonly UpfrontError[], paint: Painter): void {
  process.stderr.write(formatFindings(findings, paint));
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
