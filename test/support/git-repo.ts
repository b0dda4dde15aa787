import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throwaway git repository for gate scenarios. */
export class TempRepo {
  readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(path.join(tmpdir(), 'specgate-repo-'));
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'test@specgate.invalid');
    this.git('config', 'user.name', 'specgate test');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8' });
  }

  /** Copies a file or folder from the repository root into the temp repo. */
  copy(from: string, to: string): void {
    cpSync(from, path.join(this.dir, to), { recursive: true });
  }

  write(file: string, text: string): void {
    writeFileSync(path.join(this.dir, file), text);
  }

  read(file: string): string {
    return readFileSync(path.join(this.dir, file), 'utf8');
  }

  /** Replaces exactly one occurrence of `before` in a file, failing loudly otherwise. */
  edit(file: string, before: string, after: string): void {
    const text = this.read(file);
    const count = text.split(before).length - 1;
    if (count !== 1) throw new Error(`${file}: expected one "${before}", found ${count}`);
    this.write(file, text.replace(before, after));
  }

  commit(message: string): void {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
  }
}
