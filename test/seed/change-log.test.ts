import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { buildStore } from '../../src/seed/build.js';
import { readChangeLog, serializeChangeLog } from '../../src/seed/change-log.js';
import { storeIsStale } from '../../src/seed/freshness.js';
import { loadSeed, SeedError } from '../../src/seed/load.js';
import { changeLogStatus, recordChanges } from '../../src/seed/record-changes.js';
import { contentVersion } from '../../src/seed/version.js';
import { copySeed, MIGRATIONS_DIR, scratchDir, SEED_DIR } from '../helpers/store.js';

t.test('seed/changes.json is up to date with the seed (run `npm run changes:record` and commit it)', async (t) => {
  const status = changeLogStatus(SEED_DIR, MIGRATIONS_DIR);
  t.same(status.pending, [], 'every change in seed/ is logged');
  t.equal(status.lastVersion, status.version, 'the log ends with the current content version');
});

t.test('the check fails for a record changed without a log entry, and for a new content version without records changed', async (t) => {
  const seed = copySeed(t);
  appendFileSync(join(seed, 'faqs/how-long-does-recovery-take.md'), '\nIt differs from person to person.\n');
  const edited = changeLogStatus(seed, MIGRATIONS_DIR);
  t.notOk(edited.upToDate);
  t.match(edited.pending, [{ type: 'faq', slug: 'how-long-does-recovery-take', change: 'updated', hash: /^[0-9a-f]{16}$/ }]);
  t.equal(edited.pending.length, 1);

  const other = copySeed(t);
  appendFileSync(join(other, 'site.md'), '\n');
  const site = changeLogStatus(other, MIGRATIONS_DIR);
  t.same(site.pending, [], 'no record changed');
  t.notOk(site.upToDate, 'but the content version did, so the log must name it');
  const logged = recordChanges(other, MIGRATIONS_DIR, new Date(Date.now() + 1000));
  t.same(logged?.changes, [], 'logged as a version with no record changes');
  t.ok(changeLogStatus(other, MIGRATIONS_DIR).upToDate);
});

t.test('recording appends: earlier versions keep their text, and nothing is logged twice', async (t) => {
  const seed = copySeed(t);
  const before = readFileSync(join(seed, 'changes.json'), 'utf8');
  t.equal(serializeChangeLog(readChangeLog(seed)), before, "the committed log is in the recorder's own format");
  appendFileSync(join(seed, 'strategies/journaling.md'), '\nA line is enough.\n');
  const at = new Date(Date.parse(readChangeLog(seed).versions.at(-1)!.at) + 60_000);
  const logged = recordChanges(seed, MIGRATIONS_DIR, at)!;
  t.equal(logged.at, at.toISOString().replace('.000Z', 'Z'));
  t.equal(logged.version, contentVersion(seed, MIGRATIONS_DIR));
  const after = readFileSync(join(seed, 'changes.json'), 'utf8');
  const kept = before.split('\n').slice(0, -4).join('\n');
  t.ok(after.startsWith(`${kept}\n    },\n    {\n`), 'the old versions are untouched; the new one follows them');
  t.equal(recordChanges(seed, MIGRATIONS_DIR, new Date(at.getTime() + 60_000)), undefined, 'recording again changes nothing');
  t.equal(readFileSync(join(seed, 'changes.json'), 'utf8'), after);
  appendFileSync(join(seed, 'strategies/journaling.md'), '\nMore.\n');
  t.throws(
    () => recordChanges(seed, MIGRATIONS_DIR, new Date(at.getTime() - 1000)),
    /before the last logged version/,
    'a clock behind the log is refused',
  );
});

t.test('the content version leaves out the log and the README; the store still follows the log', async (t) => {
  const seed = copySeed(t);
  const version = contentVersion(seed, MIGRATIONS_DIR);
  const storePath = join(scratchDir(t), 'content.db');
  buildStore({ seedDir: seed, migrationsDir: MIGRATIONS_DIR, storePath });
  appendFileSync(join(seed, 'README.md'), '\nA note for editors.\n');
  writeFileSync(join(seed, 'changes.json'), serializeChangeLog({ versions: [] }));
  t.equal(contentVersion(seed, MIGRATIONS_DIR), version, 'neither changes the content version');
  t.ok(storeIsStale({ seedDir: seed, migrationsDir: MIGRATIONS_DIR, storePath }), 'a store built from another log is stale');
});

t.test('a bad log or formerSlugs is refused, naming the file and field', async (t) => {
  const seed = copySeed(t);
  writeFileSync(join(seed, 'changes.json'), '{ "versions": [ { "version": "abc", "at": "yesterday", "changes": [] } ] }');
  const error = t.throws(() => readChangeLog(seed)) as SeedError;
  t.ok(error instanceof SeedError);
  t.match(error.message, /seed\/changes\.json → versions\.0\.version: must be a content version/);
  t.match(error.message, /seed\/changes\.json → versions\.0\.at: must be an ISO 8601 date-time/);
  writeFileSync(join(seed, 'changes.json'), '{ not json');
  t.throws(() => readChangeLog(seed), /seed\/changes\.json: is not valid JSON/);

  const clash = copySeed(t);
  const path = join(clash, 'signs/emotional-numbness.md');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^---\n/, '---\nformerSlugs: [reduced-affection]\n'));
  t.throws(
    () => loadSeed(clash),
    /signs\/emotional-numbness\.md → formerSlugs\.0: "reduced-affection" is the slug of seed\/signs\/reduced-affection\.md/,
  );
});
