import t from 'tap';
import { openStore } from '../../src/db/open.js';
import { HelpRepository } from '../../src/repositories/help-repository.js';
import { loadSeed } from '../../src/seed/load.js';
import { editableStore } from '../helpers/edited-store.js';
import { buildScratchStore, SEED_DIR } from '../helpers/store.js';

// Crisis help read straight from a store built from the real seed: which regions are covered, and
// the priority line first. The crisis guidance made from it: test/snapshot/crisis-notices.test.ts.

const storePath = buildScratchStore(t);
const store = openStore(storePath);
t.teardown(() => store.close());
const help = new HelpRepository(store.db);
const seed = loadSeed(SEED_DIR).help;
const seedOf = (region: string) => seed.find((h) => h.data.region === region)!.data;
const international = seed.find((h) => !h.data.region)!.data;
const { edited } = editableStore(t, storePath);
const sqlText = (value: unknown) => `'${JSON.stringify(value).replaceAll("'", "''")}'`;

t.test('the covered regions, in code order, each with its own entry', async (t) => {
  t.same(help.regions(), ['AU', 'CA', 'GB', 'IE', 'NZ', 'US']);
  for (const region of help.regions()) {
    const entry = help.get(region)!;
    t.equal(entry.region, region);
    t.equal(entry.name, seedOf(region).name);
    t.same(entry.emergency, seedOf(region).emergency);
  }
  t.equal(help.get('FR'), undefined, 'a region not covered has no entry');
  t.equal(help.get(undefined), undefined, 'no region, no entry');
  t.equal(help.get(''), undefined);
  t.equal(help.international.region, null);
  t.equal(help.international.directory?.url, international.directory!.url, 'the international entry carries the helpline directory');
  t.equal(help.regions().includes(''), false, 'the international entry is not a region');
});

t.test('regions are listed in code order even when their files sort otherwise', async (t) => {
  const row = { ...help.get('GB')!, slug: 'a-late-region', region: 'ZW' };
  const regions = edited(
    `insert into help_regions (slug, region, name, emergency, lines, directory, doctor, reviewed_at, next_review_at) values ('${row.slug}', 'ZW', 'Somewhere', ${sqlText(row.emergency)}, ${sqlText(row.lines)}, null, ${sqlText(row.doctor)}, '2026-11-29', '2027-05-29')`,
    (db) => new HelpRepository(db).regions(),
  );
  t.same(regions, ['AU', 'CA', 'GB', 'IE', 'NZ', 'US', 'ZW']);
});

t.test("a region's lines put the priority line first, the rest in the editors' order", async (t) => {
  t.same(
    help.get('GB')!.lines.map((l) => l.name),
    seedOf('GB').lines.map((l) => l.name),
    'GB as the seed lists it (priority already first)',
  );
  const gb = seedOf('GB').lines;
  const reordered = [gb[1], gb[2], gb[0]];
  const names = edited(`update help_regions set lines = ${sqlText(reordered)} where region = 'GB'`, (db) =>
    new HelpRepository(db).get('GB')!.lines.map((l) => l.name),
  );
  t.same(names, [gb[0]!.name, gb[1]!.name, gb[2]!.name], 'the priority line moves to the front; the others keep their order');
});

t.test('a store without the international entry is refused', async (t) => {
  t.throws(
    () => edited('delete from help_regions where region is null', (db) => new HelpRepository(db)),
    /the store holds no international help entry/,
  );
});
