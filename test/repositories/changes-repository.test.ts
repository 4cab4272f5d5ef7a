import t from 'tap';
import { openStore } from '../../src/db/open.js';
import { type Change, ChangesRepository } from '../../src/repositories/changes-repository.js';
import { readChangeLog } from '../../src/seed/change-log.js';
import { editableStore } from '../helpers/edited-store.js';
import { buildScratchStore, SEED_DIR } from '../helpers/store.js';

// The change feed and tombstones read straight from a store. The real seed's log has one version
// (everything created), so the longer history is written into the store's log tables in a
// transaction that is rolled back: renames (one after another), removals, a version that comes
// back (content reverted to an earlier state) and a rename that loops back.

const storePath = buildScratchStore(t);
const store = openStore(storePath);
t.teardown(() => store.close());
const { edited } = editableStore(t, storePath);

const V = [
  { version: 'aaaaaaaaaaaaaaaa', at: '2026-01-01T00:00:00Z' },
  { version: 'bbbbbbbbbbbbbbbb', at: '2026-02-01T00:00:00Z' },
  { version: 'cccccccccccccccc', at: '2026-03-01T00:00:00Z' },
  { version: 'dddddddddddddddd', at: '2026-04-01T00:00:00Z' },
  // The content went back to what it was at the second version.
  { version: 'bbbbbbbbbbbbbbbb', at: '2026-05-01T00:00:00Z' },
];
/** [version index, type, slug, change, newSlug] in log order. */
const LOG: [number, string, string, Change['change'], string | null][] = [
  [0, 'topic', 'a-topic', 'created', null],
  [0, 'sign', 'kept', 'created', null],
  [0, 'sign', 'old-name', 'created', null],
  [0, 'sign', 'gone', 'created', null],
  [0, 'sign', 'short-lived', 'created', null],
  [0, 'sign', 'loop', 'created', null],
  [1, 'sign', 'kept', 'updated', null],
  [1, 'sign', 'old-name', 'renamed', 'middle-name'],
  [1, 'sign', 'gone', 'removed', null],
  [1, 'sign', 'loop', 'renamed', 'loop-b'],
  [2, 'sign', 'middle-name', 'renamed', 'new-name'],
  [2, 'sign', 'short-lived', 'renamed', 'short-lived-2'],
  [2, 'sign', 'loop-b', 'renamed', 'loop'],
  [3, 'sign', 'short-lived-2', 'removed', null],
  [3, 'source', 'a-source', 'created', null],
  [4, 'sign', 'kept', 'updated', null],
];
const expected: Change[] = LOG.map(([v, type, slug, change, newSlug]) => ({
  ...V[v]!,
  type: type as Change['type'],
  slug,
  change,
  newSlug,
}));

/** The log above as SQL; rows are inserted newest first, so only the store's positions give the order. */
function logSql(log = LOG, versions = V) {
  const perVersion = new Map<number, number>();
  const changes = log.map(([v, type, slug, change, newSlug]) => {
    const position = perVersion.get(v) ?? 0;
    perVersion.set(v, position + 1);
    return `(${v + 1}, ${position}, '${type}', '${slug}', '${change}', ${newSlug === null ? 'null' : `'${newSlug}'`})`;
  });
  return [
    'delete from content_changes; delete from content_versions;',
    `insert into content_versions (position, version, at) values ${versions
      .map((v, i) => `(${i + 1}, '${v.version}', '${v.at}')`)
      .reverse()
      .join(', ')};`,
    `insert into content_changes (version_position, position, type, slug, change, new_slug) values ${changes.reverse().join(', ')};`,
  ].join('\n');
}

const changes = edited(logSql(), (db) => new ChangesRepository(db));
const all = (since?: Parameters<ChangesRepository['list']>[0]) => changes.list(since, 1000, 0);

t.test('the real seed: the feed is the log, version by version', async (t) => {
  const real = new ChangesRepository(store.db);
  const log = readChangeLog(SEED_DIR);
  const feed = real.list(undefined, 1000, 0);
  t.equal(feed.total, log.versions.flatMap((v) => v.changes).length);
  t.same(
    feed.items.map((c) => [c.type, c.slug, c.change, c.newSlug, c.version, c.at]),
    log.versions.flatMap((v) => v.changes.map((c) => [c.type, c.slug, c.change, null, v.version, v.at])),
    'in log order, each with its version and time',
  );
  for (const v of log.versions) t.equal(real.knows(v.version), true, `knows ${v.version}`);
  t.match(real.logHash, /^[0-9a-f]{16}$/, 'which change log the store was built from');
  const newest = log.versions.at(-1)!;
  t.equal(real.list({ version: newest.version }, 10, 0).total, 0, 'nothing after the newest version');
  const first = log.versions[0]!;
  t.equal(real.list({ version: first.version }, 1000, 0).total, feed.total - first.changes.length, 'after the first: all the rest');
});

t.test('the whole feed, oldest first, in log order within a version', async (t) => {
  const feed = all();
  t.same(feed.items, expected);
  t.equal(feed.total, LOG.length);
});

t.test('since a version: the changes after its first appearance', async (t) => {
  t.same(all({ version: V[0]!.version }).items, expected.slice(6), 'after the first version');
  t.same(all({ version: V[2]!.version }).items, expected.slice(13), 'after the third');
  t.same(all({ version: V[3]!.version }).items, expected.slice(15), 'after the fourth: the last change only');
  t.same(all({ version: V[1]!.version }).items, expected.slice(10), 'a version logged twice counts from its first appearance');
  t.equal(all({ version: V[1]!.version }).total, 6);
  t.same(all({ version: 'ffffffffffffffff' }), { total: 0, items: [] }, 'an unknown version: nothing');
  t.equal(changes.knows(V[3]!.version), true);
  t.equal(changes.knows('ffffffffffffffff'), false);
});

t.test('since a moment: the changes logged strictly after it', async (t) => {
  t.same(all({ after: new Date('2025-12-31T23:59:59Z') }).items, expected, 'before everything: all of it');
  t.same(all({ after: new Date(V[0]!.at) }).items, expected.slice(6), 'exactly when a version was logged: not that version');
  t.same(all({ after: new Date(Date.parse(V[0]!.at) - 1) }).items, expected, 'a millisecond before it: that version too');
  t.same(all({ after: new Date('2026-02-15T00:00:00Z') }).items, expected.slice(10), 'between two versions');
  t.same(all({ after: new Date('2026-06-01T00:00:00Z') }), { total: 0, items: [] }, 'after the newest: nothing');
});

t.test('paging: limit and offset within what `since` leaves, total counting all of it', async (t) => {
  t.same(changes.list(undefined, 3, 0), { total: 16, items: expected.slice(0, 3) });
  t.same(changes.list(undefined, 3, 3), { total: 16, items: expected.slice(3, 6) });
  t.same(changes.list(undefined, 5, 14), { total: 16, items: expected.slice(14) }, 'the last page is short');
  t.same(changes.list(undefined, 5, 16), { total: 16, items: [] }, 'past the end');
  const since = { version: V[0]!.version };
  t.same(changes.list(since, 2, 0), { total: 10, items: expected.slice(6, 8) }, 'the first page after a version');
  t.same(changes.list(since, 2, 1), { total: 10, items: expected.slice(7, 9) }, 'offset counts from the start of what is left');
  t.same(changes.list(since, 4, 8), { total: 10, items: expected.slice(14, 16) }, 'the last page after a version');
  t.same(changes.list(since, 4, 10), { total: 10, items: [] });
  const moment = { after: new Date('2026-02-15T00:00:00Z') };
  t.same(changes.list(moment, 3, 2), { total: 6, items: expected.slice(12, 15) }, 'after a moment');
});

t.test('tombstones: what became of a slug that went away', async (t) => {
  t.same(changes.fate('sign', 'gone'), { kind: 'removed', at: V[1]!.at, version: V[1]!.version });
  t.same(
    changes.fate('sign', 'old-name'),
    { kind: 'renamed', to: 'new-name', at: V[1]!.at, version: V[1]!.version },
    'renamed twice: followed to its name now, dated by its first rename',
  );
  t.same(changes.fate('sign', 'middle-name'), { kind: 'renamed', to: 'new-name', at: V[2]!.at, version: V[2]!.version });
  t.same(
    changes.fate('sign', 'short-lived'),
    { kind: 'removed', at: V[3]!.at, version: V[3]!.version },
    'renamed, then removed: removed, when it was removed',
  );
  t.same(changes.fate('sign', 'short-lived-2'), { kind: 'removed', at: V[3]!.at, version: V[3]!.version });
});

t.test('no tombstone for a slug still in place, never known, or of another type', async (t) => {
  t.equal(changes.fate('sign', 'kept'), undefined, 'updated, still there');
  t.equal(changes.fate('topic', 'a-topic'), undefined, 'created, still there');
  t.equal(changes.fate('sign', 'new-name'), undefined, 'the name a rename gave');
  t.equal(changes.fate('sign', 'never-heard-of'), undefined);
  t.equal(changes.fate('cause', 'gone'), undefined, 'a removed sign is not a removed cause');
  t.equal(changes.fate('cause', 'old-name'), undefined);
});

t.test('a rename that loops back ends where the loop closes', async (t) => {
  // loop → loop-b → loop: the record has its first name again, so no tombstone is asked for
  // `loop`; `loop-b` now leads back to it (never to itself).
  t.same(changes.fate('sign', 'loop'), { kind: 'renamed', to: 'loop', at: V[1]!.at, version: V[1]!.version });
  t.same(changes.fate('sign', 'loop-b'), { kind: 'renamed', to: 'loop', at: V[2]!.at, version: V[2]!.version });
  const self = edited(
    logSql([
      [0, 'sign', 'x', 'created', null],
      [1, 'sign', 'x', 'renamed', 'x'],
    ]),
    (db) => new ChangesRepository(db),
  );
  t.same(self.fate('sign', 'x'), { kind: 'renamed', to: 'x', at: V[1]!.at, version: V[1]!.version }, 'a rename onto itself still ends');
});

t.test('a rename onto a slug that was freed earlier leads to the record there now', async (t) => {
  // x is removed, y renamed to x; later w is renamed to v, and u to w. Old links to y must reach
  // the record now at x (not x's earlier removal), and links to u the record at w.
  const log: typeof LOG = [
    [0, 'sign', 'x', 'created', null],
    [0, 'sign', 'y', 'created', null],
    [0, 'sign', 'w', 'created', null],
    [0, 'sign', 'u', 'created', null],
    [1, 'sign', 'x', 'removed', null],
    [1, 'sign', 'w', 'renamed', 'v'],
    [2, 'sign', 'y', 'renamed', 'x'],
    [2, 'sign', 'u', 'renamed', 'w'],
    [3, 'sign', 'x', 'updated', null],
  ];
  const repo = edited(logSql(log), (db) => new ChangesRepository(db));
  t.same(repo.fate('sign', 'y'), { kind: 'renamed', to: 'x', at: V[2]!.at, version: V[2]!.version }, 'not 410 Gone: renamed to x');
  t.same(repo.fate('sign', 'u'), { kind: 'renamed', to: 'w', at: V[2]!.at, version: V[2]!.version }, 'not on to v');
  t.same(
    repo.fate('sign', 'w'),
    { kind: 'renamed', to: 'v', at: V[1]!.at, version: V[1]!.version },
    'the older rename still counts for its own slug',
  );
});

// Left alive, equivalent: the guards `at === undefined` / `next === undefined` beside `!first` /
// `!change` (an unknown position finds no change either); `step.change === 'renamed'` and
// `step.newSlug !== null` in the loop (only a rename has a new slug, and a null one finds no next
// change); skipping the return for a first change that is neither renamed nor removed (created
// and updated changes have no new slug, so fate is undefined all the same).

t.test('a rename the store logged without its new slug leads nowhere', async (t) => {
  const repo = edited(
    logSql([
      [0, 'sign', 'x', 'created', null],
      [1, 'sign', 'x', 'renamed', null],
    ]),
    (db) => new ChangesRepository(db),
  );
  t.equal(repo.fate('sign', 'x'), undefined);
});

t.test('the change log hash, and a store built before the log had one', async (t) => {
  const hash = store.sqlite.prepare("select value from store_meta where key = 'change_log'").pluck().get();
  t.equal(changes.logHash, hash);
  t.equal(
    edited("delete from store_meta where key = 'change_log'", (db) => new ChangesRepository(db).logHash),
    'none',
  );
  const empty = edited('delete from content_changes; delete from content_versions;', (db) => new ChangesRepository(db));
  t.same(empty.list(undefined, 10, 0), { total: 0, items: [] }, 'an empty log: an empty feed');
  t.equal(empty.knows(V[0]!.version), false);
});

t.test('a versions table that does not cover every change is a damaged store', async (t) => {
  t.throws(
    () => edited(`${logSql()}\ndelete from content_versions where position = 3;`, (db) => new ChangesRepository(db)),
    /The store's change 0 names version 3, which it does not have\./,
  );
});
