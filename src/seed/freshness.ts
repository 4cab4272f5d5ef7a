import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { BuildOptions } from './build.js';
import { contentVersion } from './version.js';

// Kept apart from the builder so a server that finds its store current never loads the seed
// parser and Markdown renderer at start-up.

/** True when the store is missing or was built from other seed/migration files than these. */
export function storeIsStale(opts: BuildOptions): boolean {
  if (!existsSync(opts.storePath)) return true;
  try {
    const sqlite = new Database(opts.storePath, { readonly: true, fileMustExist: true });
    try {
      const row = sqlite.prepare("select value from store_meta where key = 'content_version'").get() as { value: string } | undefined;
      return row?.value !== contentVersion(opts.seedDir, opts.migrationsDir);
    } finally {
      sqlite.close();
    }
  } catch {
    return true;
  }
}
