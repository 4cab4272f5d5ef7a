import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { buildStore } from '../../src/seed/build.js';
import { storeIsStale } from '../../src/seed/freshness.js';
import { SeedError } from '../../src/seed/load.js';
import { copySeed, MIGRATIONS_DIR, scratchDir, SEED_DIR } from '../helpers/store.js';

const countSigns = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from signs').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

t.test('a failed build leaves the previous store intact and readable', async (t) => {
  const storePath = join(scratchDir(t), 'content.db');
  const first = buildStore({ seedDir: SEED_DIR, migrationsDir: MIGRATIONS_DIR, storePath });
  const signsBefore = countSigns(storePath);
  t.equal(signsBefore, first.counts.signs);

  const broken = copySeed(t);
  writeFileSync(join(broken, 'signs/emotional-numbness.md'), '---\ntitle: [broken\n---\n');
  t.throws(() => buildStore({ seedDir: broken, migrationsDir: MIGRATIONS_DIR, storePath }), SeedError);

  t.equal(countSigns(storePath), signsBefore, 'the old store still answers queries');
  t.same(readdirSync(dirname(storePath)), ['content.db'], 'no temporary file is left behind');
});

t.test('a build that fails while writing (bad migration) also leaves the old store', async (t) => {
  const dir = scratchDir(t);
  const storePath = join(dir, 'content.db');
  buildStore({ seedDir: SEED_DIR, migrationsDir: MIGRATIONS_DIR, storePath });
  t.throws(() => buildStore({ seedDir: SEED_DIR, migrationsDir: join(dir, 'no-migrations-here'), storePath }));
  t.ok(countSigns(storePath) > 0);
  t.same(readdirSync(dir), ['content.db']);
});

t.test('staleness follows the seed content, not file times', async (t) => {
  const seedDir = copySeed(t);
  const storePath = join(scratchDir(t), 'content.db');
  const paths = { seedDir, migrationsDir: MIGRATIONS_DIR, storePath };
  t.ok(storeIsStale(paths), 'a missing store is stale');
  buildStore(paths);
  t.notOk(storeIsStale(paths), 'a fresh build is current');
  writeFileSync(join(seedDir, 'faqs/extra.md'), '---\ntitle: x\n---\n');
  t.ok(storeIsStale(paths), 'a changed seed makes it stale');
  writeFileSync(storePath, 'not a database');
  t.ok(storeIsStale(paths), 'a corrupt store is stale');
  t.ok(existsSync(storePath));
});
