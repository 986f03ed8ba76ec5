/**
 * The `upfront` command: flags in, messages and an exit code out. The only module
 * that talks to the terminal. Exit 0: done; 1: the owner's mistake; 2: a bug.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
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
  const paint = painter(colourWanted(process.stderr.isTTY, process.env));
  const out = values.out ?? 'dist';
  const started = performance.now();
  try {
    // Loaded only now, so --help and --version start as fast as Node itself.
    const upfront = await import('./index.js');
    if (command === 'check') {
      const result = await upfront.check(options);
      if (values.json) {
        printJson(result.findings);
      } else {
        report(result.findings, paint);
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
    // The owner's mistakes: every finding, no stack trace, exit 1.
    if (cause instanceof BuildFailed || isUpfrontError(cause)) {
      const findings = cause instanceof BuildFailed ? cause.findings : [cause];
      if (values.json) printJson(findings);
      else report(findings, paint);
      if (command === 'build') process.stderr.write(`${paint.red('✗')} Nothing was published; ${out} is unchanged.\n`);
      return 1;
    }
    // Anything else is a bug in upfront: say so, show the stack, exit 2.
    process.stderr.write(
      `${paint.red('upfront stopped because of a bug in upfront, not because of your files.')}\n` +
        `Please report it to the upfront maintainers, with the command you ran and everything below:\n\n` +
        `${(cause as Error)?.stack ?? String(cause)}\n` +
        (command === 'build' ? `\nNothing was published; ${out} is unchanged.\n` : ''),
    );
    return 2;
  }
}

/** Findings for people: position, severity and code, message, code frame, hint. */
function report(findings: readonly UpfrontError[], paint: Painter): void {
  for (const f of findings) {
    const where = printable([f.file, f.line, f.column].filter((part) => part !== undefined).join(':'));
    const label = f.severity === 'error' ? paint.red('error') : paint.yellow('warning');
    const lines = [`${where ? `${paint.bold(where)} ` : ''}${label} ${paint.dim(f.code)}`, `  ${printable(f.message)}`];
    if (f.frame) lines.push(f.frame.split('\n').map((l) => `  ${/^\s+\|\s*\^$/.test(l.replace(/\d/g, ' ')) ? l.replace('^', paint.red('^')) : l}`).join('\n'));
    if (f.hint) lines.push(`  ${paint.cyan('hint:')} ${printable(f.hint)}`);
    process.stderr.write(`${lines.join('\n')}\n\n`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (findings.length > 0) process.stderr.write(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
}

/** Findings for tools: one JSON document on stdout, every field present (null when unknown). */
function printJson(findings: readonly UpfrontError[]): void {
  const errors = findings.filter((f) => f.severity === 'error').length;
  process.stdout.write(`${JSON.stringify({ ok: errors === 0, errors, warnings: findings.length - errors, findings: findings.map((f) => f.toJSON()) }, null, 2)}\n`);
}

/** Text from a policy file may hold terminal control sequences; show them, never run them. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

/**
 * Colour only for a person at a terminal: not when piped, not with NO_COLOR set
 * (https://no-color.org), not on a terminal that says it cannot.
 * @param isTTY whether the output stream is a terminal
 * @param env the environment variables
 */
export function colourWanted(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  if (env['NO_COLOR']) return false;
  if (env['TERM'] === 'dumb') return false;
  return isTTY === true;
}

interface Painter {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

function painter(enabled: boolean): Painter {
  const code = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: code(31, 39), green: code(32, 39), yellow: code(33, 39), cyan: code(36, 39), bold: code(1, 22), dim: code(2, 22) };
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
