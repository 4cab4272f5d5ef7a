// The change log's rules on tiny seeds (src/seed/change-log.ts, src/seed/record-changes.ts): what
// `npm run changes:record` appends for each kind of edit, that it only ever appends, how a bad log
// is reported, and the file format reviewers diff. Fast, so mutation testing can afford it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { type ChangeLog, readChangeLog, recordedState, serializeChangeLog, writeChangeLog } from '../../src/seed/change-log.js';
import { SeedError, type SeedProblem } from '../../src/seed/load.js';
import { changeLogStatus, logTime, recordChanges } from '../../src/seed/record-changes.js';
import { contentVersion } from '../../src/seed/version.js';
import { scratchDir } from '../helpers/store.js';
import { markdown, recordData, signData, sourceData, tinySeed } from '../helpers/tiny-seed.js';

const HASH = /^[0-9a-f]{16}$/;
const T0 = new Date('2026-11-01T10:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const problemsOf = (fn: () => unknown): SeedProblem[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof SeedError) return error.problems;
    throw error;
  }
  throw new Error('expected a SeedError');
};

/** A tiny seed with its first version recorded; `migrations` is an empty folder of its own. */
const recordedSeed = (t: Parameters<typeof tinySeed>[0]) => {
  const seed = tinySeed(t);
  const migrations = scratchDir(t, 'migrations-');
  recordChanges(seed.root, migrations, T0);
  const record = (minutes: number) => recordChanges(seed.root, migrations, later(minutes));
  const status = () => changeLogStatus(seed.root, migrations);
  return { ...seed, migrations, record, status };
};

t.test('the first recording logs every record as created: topics, then records, then sources, each by slug', async (t) => {
  const seed = tinySeed(t);
  const migrations = scratchDir(t, 'migrations-');
  t.same(readChangeLog(seed.root), { versions: [] }, 'a seed without a log has no history yet');
  const status = changeLogStatus(seed.root, migrations);
  t.equal(status.lastVersion, undefined);
  t.notOk(status.upToDate);
  const logged = recordChanges(seed.root, migrations, T0)!;
  t.equal(logged.version, contentVersion(seed.root, migrations));
  t.equal(logged.at, '2026-11-01T10:00:00Z', 'to the second, in UTC');
  t.same(
    logged.changes.map((c) => [c.type, c.slug, c.change]),
    [
      ['topic', 'emotional-detachment', 'created'],
      ['topic', 'emotional-isolation', 'created'],
      ['topic', 'emotional-withdrawal', 'created'],
      ['sign', 'numbness', 'created'],
      ['source', 'a-source', 'created'],
    ],
  );
  t.ok(logged.changes.every((c) => 'hash' in c && HASH.test(c.hash)));
  t.same(readChangeLog(seed.root).versions, [logged], 'written to seed/changes.json');
  t.ok(changeLogStatus(seed.root, migrations).upToDate);
  t.equal(recordChanges(seed.root, migrations, later(1)), undefined, 'nothing new: nothing appended');
});

t.test('an edit is an update with the new hash; a line-ending change is not an edit', async (t) => {
  const seed = recordedSeed(t);
  const before = recordedState(readChangeLog(seed.root)).get('sign:numbness')!.hash;
  seed.write('signs/numbness.md', markdown(signData(), 'Feelings can seem muted, or gone.'));
  const [update, ...rest] = seed.status().pending;
  t.same(rest, []);
  t.match(update, { type: 'sign', slug: 'numbness', change: 'updated', hash: HASH });
  t.not((update as { hash: string }).hash, before);

  const other = recordedSeed(t);
  const path = join(other.root, 'signs/numbness.md');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
  const status = other.status();
  t.same(status.pending, [], 'a checkout with Windows line endings changes no record');
  t.notOk(status.upToDate, 'but the files, and so the content version, did change');
});

t.test('a rename is logged once, from the old slug to the new, and the old slug is then gone', async (t) => {
  const seed = recordedSeed(t);
  seed.remove('signs/numbness.md');
  seed.write('signs/feeling-numb.md', markdown(signData({ formerSlugs: ['numbness', 'never-recorded'] })));
  // An FAQ once called "numbness" is another record: no clash with the sign's rename.
  seed.write('faqs/why.md', markdown(recordData({ formerSlugs: ['numbness'] })));
  const logged = seed.record(1)!;
  t.match(logged.changes, [
    { type: 'sign', slug: 'numbness', change: 'renamed', newSlug: 'feeling-numb', hash: HASH },
    { type: 'faq', slug: 'why', change: 'created', hash: HASH },
  ]);
  t.equal(logged.changes.length, 2, 'not a removal and a creation');
  const state = recordedState(readChangeLog(seed.root));
  t.notOk(state.has('sign:numbness'));
  t.match(state.get('sign:feeling-numb'), { type: 'sign', slug: 'feeling-numb', hash: HASH });
  t.ok(seed.status().upToDate);
});

t.test('a removal is logged without a hash; changes are listed by type, then slug, whatever happened to them', async (t) => {
  const seed = tinySeed(t);
  const migrations = scratchDir(t, 'migrations-');
  seed.write('signs/zz-last.md', markdown(signData()));
  seed.write('signs/b-sign.md', markdown(signData()));
  recordChanges(seed.root, migrations, T0);
  seed.remove('signs/zz-last.md');
  seed.remove('signs/b-sign.md');
  seed.write('signs/a-sign.md', markdown(signData()));
  seed.write('signs/c-sign.md', markdown(signData()));
  seed.write('sources/b-source.md', markdown(sourceData()));
  const logged = recordChanges(seed.root, migrations, later(1))!;
  t.same(logged.changes, [
    { type: 'sign', slug: 'a-sign', change: 'created', hash: logged.changes[0]!.change === 'created' ? logged.changes[0]!.hash : '' },
    { type: 'sign', slug: 'b-sign', change: 'removed' },
    { type: 'sign', slug: 'c-sign', change: 'created', hash: logged.changes[2]!.change === 'created' ? logged.changes[2]!.hash : '' },
    { type: 'sign', slug: 'zz-last', change: 'removed' },
    { type: 'source', slug: 'b-source', change: 'created', hash: logged.changes[4]!.change === 'created' ? logged.changes[4]!.hash : '' },
  ]);
  t.same([...recordedState(readChangeLog(seed.root)).keys()].filter((k) => k.startsWith('sign:')).sort(), [
    'sign:a-sign',
    'sign:c-sign',
    'sign:numbness',
  ]);
});

t.test('a rename that cannot be told apart is refused, naming the file', async (t) => {
  const seed = tinySeed(t);
  const migrations = scratchDir(t, 'migrations-');
  seed.write('signs/old-a.md', markdown(signData()));
  seed.write('signs/old-b.md', markdown(signData()));
  recordChanges(seed.root, migrations, T0);
  seed.remove('signs/old-a.md');
  seed.remove('signs/old-b.md');
  seed.write('signs/new.md', markdown(signData({ formerSlugs: ['old-a', 'old-b'] })));
  t.same(
    problemsOf(() => changeLogStatus(seed.root, migrations)),
    [
      {
        file: 'seed/signs/new.md',
        field: 'formerSlugs',
        message: 'names old-a and old-b, both recorded and both gone: one record can only have been renamed from one of them',
      },
    ],
  );
  seed.write('signs/new.md', markdown(signData({ formerSlugs: ['old-a'] })));
  seed.write('signs/newer.md', markdown(signData({ formerSlugs: ['old-a'] })));
  t.same(
    problemsOf(() => changeLogStatus(seed.root, migrations)),
    [{ file: 'seed/signs/new.md', field: 'formerSlugs', message: '"old-a" is also claimed by seed/signs/newer.md' }],
  );
  t.equal(readChangeLog(seed.root).versions.length, 1, 'nothing was appended');
});

t.test('a version with no record changes is still logged; a log edited by hand to match the version is not up to date', async (t) => {
  const seed = recordedSeed(t);
  seed.write('site.md', markdown({ disclaimer: 'Not a diagnosis, nor advice.', crisis: 'Call for help now.' }, ''));
  const logged = seed.record(1)!;
  t.same(logged.changes, []);
  t.equal(logged.version, seed.status().version);
  t.equal(readChangeLog(seed.root).versions.length, 2);

  const log = readChangeLog(seed.root);
  const first = log.versions[0]!.changes[0]!;
  if (first.change === 'created') first.hash = '0000000000000000';
  writeChangeLog(seed.root, log);
  const status = seed.status();
  t.equal(status.lastVersion, status.version);
  t.equal(status.pending.length, 1);
  t.notOk(status.upToDate, 'a pending change is never up to date');
});

t.test('recording only appends, and refuses a clock behind the log; the same second is fine', async (t) => {
  const seed = recordedSeed(t);
  const before = readFileSync(join(seed.root, 'changes.json'), 'utf8');
  seed.write('signs/numbness.md', markdown(signData(), 'Edited.'));
  t.throws(() => seed.record(-1), {
    message: 'the clock says 2026-11-01T09:59:00Z, before the last logged version (2026-11-01T10:00:00Z); fix the clock and record again',
  });
  t.equal(readFileSync(join(seed.root, 'changes.json'), 'utf8'), before, 'nothing written');
  t.ok(seed.record(0), 'a second recording in the same second');
  const after = readFileSync(join(seed.root, 'changes.json'), 'utf8');
  t.ok(after.startsWith(before.slice(0, before.lastIndexOf('\n    }')) + '\n    },\n    {\n'), 'the earlier version is kept as it was');
});

t.test('a bad log is refused, naming each field', async (t) => {
  const seed = tinySeed(t);
  const write = (log: unknown) => writeFileSync(join(seed.root, 'changes.json'), typeof log === 'string' ? log : JSON.stringify(log));
  const v = (at: string, changes: unknown[] = []) => ({ version: '0123456789abcdef', at, changes });
  write('{ nope');
  const [json, ...none] = problemsOf(() => readChangeLog(seed.root));
  t.same(none, []);
  t.match(json, { file: 'seed/changes.json', message: /^is not valid JSON: \S/ });
  t.equal(json!.field, undefined);

  write({
    versions: [
      {
        version: 'x0123456789abcdef',
        at: 'yesterday',
        changes: [{ type: 'sign', slug: 'x', change: 'created', hash: '0123456789abcdefx' }],
      },
      { ...v('2026-11-01T10:00:00Z'), version: '0123456789abcde' },
    ],
  });
  t.same(
    problemsOf(() => readChangeLog(seed.root)),
    [
      { file: 'seed/changes.json', field: 'versions.0.version', message: 'must be a content version (16 hex digits)' },
      { file: 'seed/changes.json', field: 'versions.0.at', message: 'must be an ISO 8601 date-time in UTC (2026-11-29T17:00:00Z)' },
      { file: 'seed/changes.json', field: 'versions.0.changes.0.hash', message: 'must be 16 hex digits' },
      { file: 'seed/changes.json', field: 'versions.1.version', message: 'must be a content version (16 hex digits)' },
    ],
  );

  write({ versions: [v('2026-11-01T10:00:00Z'), v('2026-11-01T10:00:00Z'), v('2026-11-01T09:00:00Z')] });
  t.same(
    problemsOf(() => readChangeLog(seed.root)),
    [{ file: 'seed/changes.json', field: 'versions.2.at', message: 'is earlier than the version before it' }],
    'the same time twice is fine',
  );

  write({
    versions: [
      v('2026-11-01T10:00:00Z', [
        { type: 'sign', slug: 'x', change: 'updated', hash: 'abc' },
        { type: 'sign', slug: 'Y', change: 'removed' },
      ]),
    ],
    extra: 1,
  });
  t.same(
    problemsOf(() => readChangeLog(seed.root)),
    [
      { file: 'seed/changes.json', field: 'versions.0.changes.0.hash', message: 'must be 16 hex digits' },
      { file: 'seed/changes.json', field: 'versions.0.changes.1.slug', message: 'must be a slug' },
      { file: 'seed/changes.json', field: undefined, message: 'Unrecognized key: "extra"' },
    ],
  );
});

t.test('the log file: one change per line, fixed key order, the about note first', async (t) => {
  const log: ChangeLog = {
    versions: [
      {
        version: '0123456789abcdef',
        at: '2026-11-01T10:00:00Z',
        changes: [
          { hash: 'aaaaaaaaaaaaaaaa', change: 'created', slug: 'a', type: 'sign' },
          { type: 'sign', slug: 'b', change: 'renamed', newSlug: 'c', hash: 'bbbbbbbbbbbbbbbb' },
          { type: 'source', slug: 'd', change: 'removed' },
        ],
      },
      { version: 'fedcba9876543210', at: '2026-11-02T10:00:00Z', changes: [] },
    ],
  };
  const text = serializeChangeLog(log);
  const about = JSON.parse(text).about as string;
  t.match(about, /^Append-only history of the content/);
  t.equal(
    text,
    `{
  "about": ${JSON.stringify(about)},
  "versions": [
    {
      "version": "0123456789abcdef",
      "at": "2026-11-01T10:00:00Z",
      "changes": [
        {"type":"sign","slug":"a","change":"created","hash":"aaaaaaaaaaaaaaaa"},
        {"type":"sign","slug":"b","change":"renamed","newSlug":"c","hash":"bbbbbbbbbbbbbbbb"},
        {"type":"source","slug":"d","change":"removed"}
      ]
    },
    {
      "version": "fedcba9876543210",
      "at": "2026-11-02T10:00:00Z",
      "changes": []
    }
  ]
}
`,
  );
  t.equal(serializeChangeLog({ versions: [] }), `{\n  "about": ${JSON.stringify(about)},\n  "versions": []\n}\n`);

  const seed = tinySeed(t);
  writeChangeLog(seed.root, log);
  t.same(readChangeLog(seed.root).versions, log.versions, 'what is written reads back the same');
});

t.test('replaying the log: the last word on each record wins', async (t) => {
  const h = (c: string) => c.repeat(16);
  const state = recordedState({
    versions: [
      {
        version: h('1'),
        at: '2026-01-01T00:00:00Z',
        changes: [
          { type: 'sign', slug: 'a', change: 'created', hash: h('a') },
          { type: 'sign', slug: 'b', change: 'created', hash: h('b') },
          { type: 'faq', slug: 'a', change: 'created', hash: h('c') },
        ],
      },
      {
        version: h('2'),
        at: '2026-01-02T00:00:00Z',
        changes: [
          { type: 'sign', slug: 'a', change: 'updated', hash: h('d') },
          { type: 'sign', slug: 'b', change: 'renamed', newSlug: 'bb', hash: h('e') },
          { type: 'faq', slug: 'a', change: 'removed' },
        ],
      },
    ],
  });
  t.same(
    [...state.entries()],
    [
      ['sign:a', { type: 'sign', slug: 'a', hash: h('d') }],
      ['sign:bb', { type: 'sign', slug: 'bb', hash: h('e') }],
    ],
  );
});

t.test('log times are UTC to the second', async (t) => {
  t.equal(logTime(new Date('2026-11-29T17:00:00.999Z')), '2026-11-29T17:00:00Z');
  t.equal(logTime(new Date('2026-11-29T17:00:00Z')), '2026-11-29T17:00:00Z');
});

// Equivalent mutants, left: reading the log without 'utf8' (JSON.parse takes the Buffer as its
// text), `code: 'custom'` emptied (zod reports the issue all the same), `?? []` for formerSlugs
// replaced by a list (a made-up former slug was never recorded), logTime's `$` (toISOString always
// ends in milliseconds and Z), the `!renamedFrom.has(...)` filter and the `!current.has(...)` test
// on former slugs (a former slug claimed twice throws before the second claimant is reached, and
// loadSeed already refuses a former slug still in use), and deleting the old key before an
// update (the same key is set again at once).
