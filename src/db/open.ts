import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

export class StoreError extends Error {
  override name = 'StoreError';
}

export interface Store {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

/**
 * Opens the built store read-only. A missing, empty or corrupt file is refused with a message
 * that says what to do, so a server never serves half a store.
 */
export function openStore(path: string): Store {
  if (!existsSync(path)) throw new StoreError(`Content store not found at ${path}. Build it with "npm run db:build".`);
  if (statSync(path).size === 0) throw new StoreError(`Content store at ${path} is empty. Rebuild it with "npm run db:build".`);
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    const version = sqlite.prepare("select value from store_meta where key = 'content_version'").get();
    if (!version) throw new Error('no content version recorded');
  } catch (error) {
    sqlite?.close();
    throw new StoreError(
      `Content store at ${path} is unreadable or incomplete (${(error as Error).message}). Rebuild it with "npm run db:build".`,
    );
  }
  const db = drizzle(sqlite, { schema });
  return { db, sqlite, close: () => sqlite.close() };
}
