import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * Calls `onChange` when one of `files` changes, once per burst of events. Watching
 * the directories, not the files, also catches editors that save by renaming a new
 * file over the old one.
 */
export class SpecWatcher {
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onChange: () => void,
    private readonly delayMs = 100,
  ) {}

  /** Watches `files`, replacing the files watched before. */
  watch(files: readonly string[]): void {
    this.stopWatchers();
    const names = new Map<string, Set<string>>();
    for (const file of files) {
      const directory = path.dirname(file);
      const set = names.get(directory) ?? new Set<string>();
      set.add(path.basename(file));
      names.set(directory, set);
    }
    for (const [directory, set] of names) {
      const watcher = watch(directory, { persistent: false }, (_event, name) => {
        if (name === null || set.has(name.toString())) this.schedule();
      });
      watcher.on('error', () => watcher.close());
      this.watchers.push(watcher);
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.stopWatchers();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(this.onChange, this.delayMs);
    this.timer.unref();
  }

  private stopWatchers(): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
  }
}
