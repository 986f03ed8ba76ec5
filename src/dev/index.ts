/**
 * dev: the live preview. Builds everything once, serves it on 127.0.0.1, then watches
 * policies/ and templates/ and rebuilds only what a save changed: one shop for a
 * policy file, every shop for a template. Open pages reload by themselves; a mistake
 * shows over the last good page, in the words `check` uses.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { UpfrontError } from '../errors/upfront-error.js';
import type { Options } from '../index.js';
import { readPolicies } from '../load/index.js';
import { startServer, type PreviewServer } from './server.js';
import { PreviewSite, type Rebuild } from './site.js';
import { watchFolders, type Changes } from './watch.js';

export interface DevOptions extends Options {
  /** Port on 127.0.0.1; 0 picks a free one. Default 4321. */
  port?: number;
  /** Told about every rebuild, for the terminal. */
  onEvent(event: DevEvent): void;
}

export type DevEvent =
  /** The first build is done and the preview is listening. */
  | { kind: 'ready'; url: string; shops: number; ms: number; findings: UpfrontError[] }
  /** A rebuild after a save, with no errors left anywhere. */
  | { kind: 'rebuilt'; cause: RebuildCause; rendered: string[]; ms: number; published: boolean; warnings: UpfrontError[] }
  /** A rebuild after a save, with errors somewhere: every finding, as `check` would report them. */
  | { kind: 'failed'; cause: RebuildCause; rendered: string[]; ms: number; findings: UpfrontError[] }
  /** Something went wrong that is not the owner's doing; the preview keeps running. */
  | { kind: 'bug'; error: Error };

/** What was saved: policy files (by shop) or templates. */
export type RebuildCause = { templates: true } | { templates: false; shops: string[] };

export interface DevServer {
  url: string;
  /** Stops watching and serving. */
  close(): Promise<void>;
}

/**
 * Starts the preview.
 * @param options folders, strictness, port and where to report rebuilds
 */
export async function startDev(options: DevOptions): Promise<DevServer> {
  const cwd = options.cwd ?? process.cwd();
  const policiesDir = path.resolve(cwd, options.policies ?? 'policies');
  const templatesDir = path.resolve(cwd, options.templates ?? 'templates');
  const outDir = path.resolve(cwd, options.out ?? 'dist');
  // A missing folder gets `check`'s own message.
  if (!existsSync(policiesDir)) await readPolicies(policiesDir, cwd);

  const site = new PreviewSite({ policiesDir, templatesDir, outDir, cwd, strict: options.strict ?? false });
  const started = performance.now();
  // The port first: if it is taken, say so before building anything.
  const server: PreviewServer = await startServer(
    {
      file: (file) => site.file(file),
      overlay: () => site.overlay(),
      notFound: (pathname) => site.devPage('dev/not-found.html.hbs', { path: pathname }),
    },
    options.port ?? 4321,
  );
  try {
    await site.loadAll();
  } catch (cause) {
    await server.close();
    throw cause;
  }
  options.onEvent({ kind: 'ready', url: server.url, shops: site.shopCount(), ms: elapsed(started), findings: site.findings() });

  // One rebuild at a time; saves that arrive meanwhile are merged into the next one.
  let queued: Changes | undefined;
  let running: Promise<void> | undefined;
  const rebuild = async (changes: Changes) => {
    const start = performance.now();
    const cause: RebuildCause = changes.templates ? { templates: true } : { templates: false, shops: [...changes.shops].sort() };
    try {
      const { rendered, published }: Rebuild = changes.templates ? await site.templatesChanged() : await site.policiesChanged(changes.shops);
      const findings = site.findings();
      const ms = elapsed(start);
      if (site.errorCount() > 0) options.onEvent({ kind: 'failed', cause, rendered, ms, findings });
      else options.onEvent({ kind: 'rebuilt', cause, rendered, ms, published, warnings: findings });
    } catch (cause) {
      options.onEvent({ kind: 'bug', error: cause instanceof Error ? cause : new Error(String(cause)) });
    }
    server.reload();
  };
  const schedule = (changes: Changes) => {
    queued = queued ? { shops: new Set([...queued.shops, ...changes.shops]), templates: queued.templates || changes.templates } : changes;
    if (running) return;
    running = (async () => {
      while (queued) {
        const next = queued;
        queued = undefined;
        await rebuild(next);
      }
      running = undefined;
    })();
  };
  const watcher = watchFolders(policiesDir, templatesDir, schedule, (error) => options.onEvent({ kind: 'bug', error }));

  return {
    url: server.url,
    async close() {
      watcher.close();
      queued = undefined;
      await running;
      await server.close();
    },
  };
}

function elapsed(start: number): number {
  return Math.round(performance.now() - start);
}
