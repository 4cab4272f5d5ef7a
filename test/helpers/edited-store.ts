import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../../src/db/open.js';
import * as schema from '../../src/db/schema.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

/**
 * A writable connection to a built store, for repository tests that need a store the seed cannot
 * give (a damaged one, an older one, a longer change log). `edited(sql, read)` runs `sql` in a
 * transaction, hands `read` the edited store and rolls back, so one store per test file serves
 * every case and the seed's store is left as built.
 */
export function editableStore(t: Teardown, storePath: string) {
  const sqlite = new Database(storePath);
  // Some edits break the store's references on purpose (a damaged store).
  sqlite.pragma('foreign_keys = OFF');
  t.teardown(() => sqlite.close());
  const db: Db = drizzle(sqlite, { schema });
  return {
    sqlite,
    db,
    edited: <T>(sql: string, read: (db: Db) => T): T => {
      sqlite.exec('BEGIN');
      try {
        sqlite.exec(sql);
        return read(db);
      } finally {
        sqlite.exec('ROLLBACK');
      }
    },
  };
}
