// The content version and store freshness (src/seed/version.ts, src/seed/freshness.ts) on small
// folders: the version follows what the files say and nothing else, and a server rebuilds its
// store exactly when the seed, the migrations or the change log differ from what it was built
// from. Fast, so mutation testing can afford it.
import { mkdirSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { storeIsStale } from '../../src/seed/freshness.js';
import { changeLogHash, contentVersion } from '../../src/seed/version.js';
import { scratchDir } from '../helpers/store.js';

type Files = Record<string, string>;

/** A folder holding these files (paths may name subfolders). */
const folder = (t: Parameters<typeof scratchDir>[0], files: Files) => {
  const dir = scratchDir(t, 'files-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
};

const without = (files: Files, ...names: string[]): Files =>
  Object.fromEntries(Object.entries(files).filter(([name]) => !names.includes(name)));

const SEED: Files = { 'site.md': 'site', 'signs/a.md': 'sign a', 'signs/b.md': 'sign b', 'changes.json': '{}', 'README.md': 'guide' };
const MIGRATIONS: Files = { '0000_init.sql': 'create table x (y);' };

t.test('the same files give the same version, whatever order they were written in', async (t) => {
  const version = contentVersion(folder(t, SEED), folder(t, MIGRATIONS));
  t.match(version, /^[0-9a-f]{16}$/);
  const reversed = Object.fromEntries(Object.entries(SEED).reverse());
  t.equal(contentVersion(folder(t, reversed), folder(t, MIGRATIONS)), version);
});

t.test('any change to a content file, its name or its folder, or to a migration, changes the version', async (t) => {
  const migrations = folder(t, MIGRATIONS);
  const version = contentVersion(folder(t, SEED), migrations);
  const variants: [string, Files, Files?][] = [
    ['a file edited', { ...SEED, 'signs/a.md': 'sign A' }],
    ['a file added', { ...SEED, 'signs/c.md': '' }],
    ['a file renamed', { ...without(SEED, 'signs/a.md'), 'signs/a2.md': 'sign a' }],
    ['a file moved to another folder', { ...without(SEED, 'signs/a.md'), 'faqs/a.md': 'sign a' }],
    ['a migration edited', SEED, { '0000_init.sql': 'create table x (z);' }],
    ['a migration added', SEED, { ...MIGRATIONS, '0001_more.sql': '' }],
  ];
  for (const [what, seed, migrationFiles] of variants) {
    t.not(contentVersion(folder(t, seed), migrationFiles ? folder(t, migrationFiles) : migrations), version, what);
  }
});

t.test('seed and migration files are told apart, and names apart from contents', async (t) => {
  // Each pair would hash the same if labels or separators were left out.
  const empty = folder(t, {});
  t.not(
    contentVersion(folder(t, { 'x.sql': 'a' }), empty),
    contentVersion(empty, folder(t, { 'x.sql': 'a' })),
    'a file in seed/ or in migrations/',
  );
  t.not(
    contentVersion(folder(t, { 'x.md': 'y' }), empty),
    contentVersion(folder(t, { 'x.my': '' }), empty),
    'a name ending where its text begins',
  );
  t.not(
    contentVersion(folder(t, { a: 'p', b: 'q' }), empty),
    contentVersion(folder(t, { a: 'pseed/b\0q' }), empty),
    'a text ending where the next name begins',
  );
});

t.test('the change log and the editors\u2019 guide are not content; a migration of the same name is', async (t) => {
  const migrations = folder(t, MIGRATIONS);
  const version = contentVersion(folder(t, SEED), migrations);
  t.equal(contentVersion(folder(t, { ...SEED, 'changes.json': '{"versions":[]}', 'README.md': 'new guide' }), migrations), version);
  t.equal(contentVersion(folder(t, without(SEED, 'changes.json', 'README.md')), migrations), version);
  const seed = folder(t, SEED);
  t.not(
    contentVersion(seed, folder(t, { ...MIGRATIONS, 'README.md': 'x' })),
    contentVersion(seed, migrations),
    'migrations/README.md counts',
  );
  t.not(
    contentVersion(folder(t, { ...SEED, 'signs/README.md': 'x' }), migrations),
    version,
    'only the guide at the top of seed/ is left out',
  );
});

t.test('a missing folder counts as empty', async (t) => {
  const seed = folder(t, SEED);
  const nowhere = join(scratchDir(t), 'missing');
  t.equal(contentVersion(seed, nowhere), contentVersion(seed, folder(t, {})));
  t.equal(contentVersion(nowhere, nowhere), contentVersion(folder(t, {}), folder(t, {})));
});

t.test('the change log hash follows the log file, and is "none" without one', async (t) => {
  t.equal(changeLogHash(folder(t, { 'site.md': 'x' })), 'none');
  const hash = changeLogHash(folder(t, { 'changes.json': '{"versions":[]}' }));
  t.match(hash, /^[0-9a-f]{16}$/);
  t.equal(changeLogHash(folder(t, { 'changes.json': '{"versions":[]}', 'site.md': 'y' })), hash, 'other files do not count');
  t.not(changeLogHash(folder(t, { 'changes.json': '{"versions": []}' })), hash);
});

t.test('a store is stale when missing, unreadable, or built from other seed, migration or log files', async (t) => {
  const seedDir = folder(t, SEED);
  const migrationsDir = folder(t, MIGRATIONS);
  const storePath = join(scratchDir(t), 'content.db');
  const opts = { seedDir, migrationsDir, storePath };
  t.ok(storeIsStale(opts), 'missing');

  const db = new Database(storePath);
  db.exec('create table store_meta (key text primary key, value text not null)');
  const setMeta = (key: string, value: string) => db.prepare('insert or replace into store_meta values (?, ?)').run(key, value);
  setMeta('content_version', contentVersion(seedDir, migrationsDir));
  setMeta('change_log', changeLogHash(seedDir));
  setMeta('built_at', 'not compared');
  t.notOk(storeIsStale(opts), 'built from these files');

  t.ok(storeIsStale({ ...opts, seedDir: folder(t, { ...SEED, 'site.md': 'other' }) }), 'another seed (same log)');
  t.ok(storeIsStale({ ...opts, migrationsDir: folder(t, {}) }), 'other migrations');
  t.ok(storeIsStale({ ...opts, seedDir: folder(t, { ...SEED, 'changes.json': '{"versions":[]}' }) }), 'another log (same content version)');
  setMeta('change_log', 'none');
  t.ok(storeIsStale(opts), 'a store built without a log, for a seed with one');
  db.prepare("delete from store_meta where key = 'change_log'").run();
  t.ok(storeIsStale(opts), 'a store that does not say which log it was built from');
  db.close();

  const noMeta = join(scratchDir(t), 'content.db');
  new Database(noMeta).close();
  t.ok(storeIsStale({ ...opts, storePath: noMeta }), 'a store without store_meta');
  const corrupt = join(scratchDir(t), 'content.db');
  writeFileSync(corrupt, 'not a database, but long enough to be read as a header by SQLite itself.'.repeat(2));
  t.ok(storeIsStale({ ...opts, storePath: corrupt }), 'not a database');
});

t.test('checking a store leaves no file handle open on it', async (t) => {
  // The server checks once at start and then opens the store for good; a handle leaked here would
  // keep a replaced store's file alive for the life of the process.
  const storePath = join(scratchDir(t), 'content.db');
  const db = new Database(storePath);
  db.exec("create table store_meta (key text primary key, value text not null); insert into store_meta values ('content_version', 'x')");
  db.close();
  const handlesOn = (path: string) =>
    readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false;
      }
    }).length;
  t.equal(handlesOn(storePath), 0, 'none before');
  t.ok(storeIsStale({ seedDir: folder(t, SEED), migrationsDir: folder(t, MIGRATIONS), storePath }));
  t.equal(handlesOn(storePath), 0, 'none after');
});

// Equivalent mutants, left: sorting the folder listing (libuv already lists it in byte order),
// the existsSync test before opening (opening a missing file with fileMustExist throws, which is
// also stale), opening the store writable or without fileMustExist (its existence is
// checked just before, and the check only reads), and dropping the close in `finally` (a handle
// left open: killed now by the test that counts the process's handles on the file).
