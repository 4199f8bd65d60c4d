import { type FSWatcher, watch } from "node:fs";
import { basename, dirname } from "node:path";

export interface FileWatcher {
  /** Watches these files from now on, instead of the ones given before. */
  watch(files: readonly string[]): void;
  close(): void;
}

/**
 * Calls `onChange` once, after `delayMs` without another change, when one of the watched files is saved:
 * written in place, or replaced by a rename as many editors save. The files' folders are watched, not the
 * files: a watch on a file follows the replaced copy and never fires again.
 */
export function watchFiles(onChange: () => void, delayMs = 100): FileWatcher {
  const watchers = new Map<string, FSWatcher>();
  let namesByFolder = new Map<string, Set<string>>();
  let pending: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(pending);
    pending = setTimeout(onChange, delayMs);
  };
  return {
    watch(files) {
      namesByFolder = new Map();
      for (const file of files) {
        const names = namesByFolder.get(dirname(file)) ?? new Set<string>();
        namesByFolder.set(dirname(file), names.add(basename(file)));
      }
      for (const [folder, watcher] of watchers) {
        if (namesByFolder.has(folder)) continue;
        watcher.close();
        watchers.delete(folder);
      }
      for (const folder of namesByFolder.keys()) {
        if (watchers.has(folder)) continue;
        const watcher = watch(folder, (_event, name) => {
          // Some platforms give no name: then any change in the folder counts.
          if (name === null || namesByFolder.get(folder)?.has(name.toString())) changed();
        });
        watchers.set(folder, watcher);
      }
    },
    close() {
      clearTimeout(pending);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
