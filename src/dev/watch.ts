/**
 * Watches the policies and templates folders and says what changed, once the editor
 * has finished saving: editors write a file in several steps (a temporary file, a
 * rename), which arrive as a burst of events.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';

export interface Changes {
  /** Shops whose policy file was written, created or removed. */
  shops: Set<string>;
  /** Whether anything under templates/ changed. */
  templates: boolean;
}

/** Quiet time that ends a burst of events from one save. */
const settleMs = 40;

/**
 * @param policiesDir the policies folder (one file per shop, no subfolders)
 * @param templatesDir the templates folder (watched with its subfolders)
 * @param onChanges called with each settled burst of changes
 * @param onError called when a folder can no longer be watched
 */
export function watchFolders(policiesDir: string, templatesDir: string, onChanges: (changes: Changes) => void, onError: (cause: Error) => void): { close(): void } {
  let pending: Changes = { shops: new Set(), templates: false };
  let timer: NodeJS.Timeout | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changes = pending;
      pending = { shops: new Set(), templates: false };
      onChanges(changes);
    }, settleMs);
  };
  const watchers: FSWatcher[] = [
    watch(policiesDir, (_, name) => {
      const shopId = name?.match(/^([^.][^/\\]*)\.ya?ml$/i)?.[1];
      // Hidden files are editors' lock and swap files, not policies.
      if (!shopId) return;
      pending.shops.add(shopId);
      settle();
    }),
  ];
  if (existsSync(templatesDir)) {
    // Recursive watching works on Linux from Node 20, and on macOS and Windows.
    watchers.push(
      watch(templatesDir, { recursive: true }, () => {
        pending.templates = true;
        settle();
      }),
    );
  }
  for (const watcher of watchers) watcher.on('error', onError);
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
