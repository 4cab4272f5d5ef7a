import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { BuildOptions } from './build.js';
import { changeLogHash, contentVersion } from './version.js';

// Kept apart from the builder so a server that finds its store current never loads the seed
// parser and Markdown renderer at start-up.

/** True when the store is missing or was built from other seed/migration files (or another change log) than these. */
export function storeIsStale(opts: BuildOptions): boolean {
  if (!existsSync(opts.storePath)) return true;
  try {
    const sqlite = new Database(opts.storePath, { readonly: true, fileMustExist: true });
    try {
      const meta = new Map(
        (
          sqlite.prepare("select key, value from store_meta where key in ('content_version', 'change_log')").all() as {
            key: string;
            value: string;
          }[]
        ).map((r) => [r.key, r.value]),
      );
      return (
        meta.get('content_version') !== contentVersion(opts.seedDir, opts.migrationsDir) ||
        meta.get('change_log') !== changeLogHash(opts.seedDir)
      );
    } finally {
      sqlite.close();
    }
  } catch {
    return true;
  }
}
