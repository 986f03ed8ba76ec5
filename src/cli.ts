/**
 * The `upfront` command: flags in, messages and an exit code out. The only module
 * that talks to the terminal. Exit 0: done; 1: the owner's mistake; 2: a bug.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { colourWanted, formatFindings, painter, type Painter } from './errors/format.js';
import type { UpfrontError } from './errors/upfront-error.js';
import { emailDialects, type EmailDialect } from './render/email/placeholders.js';

const usage = `upfront: publish a shop's returns, refunds and shipping answers everywhere customers read them

Usage:
  upfront build [--policies DIR] [--templates DIR] [--out DIR] [--strict] [--email-dialect plain|shopify|klaviyo]
  upfront check [--policies DIR] [--templates DIR] [--strict] [--json]
  upfront init [SHOP] [--yes] [--policies DIR] [--templates DIR]
  upfront dev [--port N] [--policies DIR] [--templates DIR] [--out DIR] [--strict]
  upfront --help | --version

Commands:
  build    validate every policy file and publish every output into the out folder
  check    validate every policy file and report; writes nothing
  init     ask about a new shop in plain words and write policies/SHOP.yaml (never overwrites)
  dev      preview every page on http://127.0.0.1:4321, rebuilt each time a file is saved

Options:
  --policies DIR   folder of policy files, one per shop (default: policies)
  --templates DIR  folder of wording templates (default: templates)
  --out DIR        output folder (default: dist)
  --strict         treat warnings as errors
  --email-dialect  how email blocks write the order number, name, refund amount and
                   new delivery date: plain ([order number], default), shopify
                   (notification Liquid) or klaviyo (flow variables)
  --json           print findings as JSON (check only)
  --yes, -y        take every suggested answer without asking (init only)
  --port N         port for the preview (dev only; default 4321, 0 picks a free one)
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
        'email-dialect': { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
        port: { type: 'string' },
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
  if (command === 'init') return runInit(positionals[1], values);
  if (command === 'dev') return runDev(values);
  if (command !== 'build' && command !== 'check') {
    process.stderr.write(`${command ? `Unknown command "${command}".` : 'Say which command to run.'}\n\n${usage}`);
    return 1;
  }

  const dialect = values['email-dialect'];
  if (dialect !== undefined && !emailDialects.includes(dialect as EmailDialect)) {
    process.stderr.write(`--email-dialect must be one of ${emailDialects.join(', ')}; received "${dialect}".\n\n${usage}`);
    return 1;
  }

  const options = {
    ...(values.policies ? { policies: values.policies } : {}),
    ...(values.templates ? { templates: values.templates } : {}),
    ...(values.out ? { out: values.out } : {}),
    ...(dialect ? { emailDialect: dialect as EmailDialect } : {}),
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

type Flags = { policies?: string | undefined; templates?: string | undefined; out?: string | undefined; strict?: boolean | undefined; yes?: boolean | undefined; port?: string | undefined };

/** `upfront init [SHOP]`: the questionnaire in the terminal, or every suggestion with --yes. */
async function runInit(shopId: string | undefined, values: Flags): Promise<number> {
  const paint = painter(colourWanted(process.stderr.isTTY, process.env));
  if (!values.yes && !process.stdin.isTTY) {
    process.stderr.write('upfront init asks its questions in a terminal. Run it in one, or add --yes to take every suggested answer.\n');
    return 1;
  }
  const { createPolicy, InitCancelled, suggestedAnswers } = await import('./init/index.js');
  try {
    const terminal = values.yes ? undefined : await terminalPrompter(paint);
    const now = new Date();
    const { timeZone, locale } = Intl.DateTimeFormat().resolvedOptions();
    const result = await createPolicy({
      prompter: terminal?.prompter ?? suggestedAnswers,
      ...(shopId ? { shopId } : {}),
      ...(values.policies ? { policies: values.policies } : {}),
      ...(values.templates ? { templates: values.templates } : {}),
      today: [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-'),
      timeZone,
      locale,
    });
    report(result.findings, paint);
    if (terminal) terminal.outro(result.closing);
    else process.stderr.write(`${paint.green('✓')} ${result.closing}\n`);
    return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
  } catch (cause) {
    if (cause instanceof InitCancelled) {
      process.stderr.write('Stopped; nothing was written.\n');
      return 1;
    }
    return failure(cause, paint);
  }
}

/** `upfront dev`: the live preview, until Ctrl-C. */
async function runDev(values: Flags): Promise<number> {
  const paint = painter(colourWanted(process.stderr.isTTY, process.env));
  const port = values.port === undefined ? 4321 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port expects a whole number from 0 to 65535, received "${values.port}".\n`);
    return 1;
  }
  const { startDev } = await import('./dev/index.js');
  const { describeDevEvent } = await import('./dev/report.js');
  try {
    const preview = await startDev({
      ...(values.policies ? { policies: values.policies } : {}),
      ...(values.templates ? { templates: values.templates } : {}),
      ...(values.out ? { out: values.out } : {}),
      strict: values.strict ?? false,
      port,
      onEvent: (event) => process.stderr.write(describeDevEvent(event, paint)),
    });
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await preview.close();
    process.stderr.write('Preview stopped.\n');
    return 0;
  } catch (cause) {
    return failure(cause, paint);
  }
}

/** The questionnaire's prompter on the terminal, with @clack/prompts. */
async function terminalPrompter(paint: Painter): Promise<{ prompter: import('./init/index.js').Prompter; outro(message: string): void }> {
  const clack = await import('@clack/prompts');
  const { InitCancelled } = await import('./init/index.js');
  const answer = <T>(value: T): Exclude<T, symbol> => {
    if (clack.isCancel(value)) throw new InitCancelled();
    return value as Exclude<T, symbol>;
  };
  const message = (q: { message: string; hint?: string }) => (q.hint ? `${q.message}\n${paint.dim(q.hint)}` : q.message);
  return {
    prompter: {
      intro: (text) => clack.intro(text),
      text: async (q) =>
        answer(await clack.text({ message: message(q), ...(q.defaultValue ? { placeholder: q.defaultValue, defaultValue: q.defaultValue } : {}), validate: (v) => q.validate(v ?? '') })),
      confirm: async (q) => answer(await clack.confirm({ message: message(q), initialValue: q.defaultValue })),
      select: async (q) => answer(await clack.select({ message: message(q), options: q.choices as never, initialValue: q.defaultValue })),
      multiselect: async (q) => answer(await clack.multiselect({ message: message(q), options: q.choices as never, initialValues: q.defaultValue, required: true })),
    },
    outro: (text) => clack.outro(text),
  };
}

/** The owner's mistake (exit 1) or a bug (exit 2), told apart as `main` does. */
async function failure(cause: unknown, paint: Painter): Promise<number> {
  const { isUpfrontError } = await import('./errors/upfront-error.js');
  if (isUpfrontError(cause)) {
    report([cause], paint);
    return 1;
  }
  process.stderr.write(`upfront stopped because of a bug, not because of your files. Please report it with this output:\n${(cause as Error).stack ?? String(cause)}\n`);
  return 2;
}

function report(findings: readonly UpfrontError[], paint: Painter): void {
  process.stderr.write(formatFindings(findings, paint));
}

/** Findings for tools: one JSON document on stdout, every field present (null when unknown). */
function printJson(findings: readonly UpfrontError[]): void {
  const errors = findings.filter((f) => f.severity === 'error').length;
  process.stdout.write(`${JSON.stringify({ ok: errors === 0, errors, warnings: findings.length - errors, findings: findings.map((f) => f.toJSON()) }, null, 2)}\n`);
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
