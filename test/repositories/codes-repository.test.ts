import t from 'tap';
import { CONTENT_REGISTRY } from '../../src/content/registry.js';
import { openStore } from '../../src/db/open.js';
import { CodesRepository } from '../../src/repositories/codes-repository.js';
import { ContentRepository } from '../../src/repositories/content-repository.js';
import { loadSeed } from '../../src/seed/load.js';
import { editableStore } from '../helpers/edited-store.js';
import { buildScratchStore, SEED_DIR } from '../helpers/store.js';

// The code map read straight from a store built from the real seed: help first (the code or any
// code above it), the records of a code best rank first (ties in editorial order), at most three,
// and the walk up the ICD-10-CM hierarchy for a code that is not mapped. Expectations come from
// the seed's front-matter, so they follow the content.

const storePath = buildScratchStore(t);
const store = openStore(storePath);
t.teardown(() => store.close());
const content = new ContentRepository(store.db);
const codes = new CodesRepository(store.db, content, CONTENT_REGISTRY);
const { edited } = editableStore(t, storePath);
const reread = (db: Parameters<Parameters<typeof edited>[1]>[0]) => new CodesRepository(db, new ContentRepository(db), CONTENT_REGISTRY);

const seed = loadSeed(SEED_DIR);
const seedMap = new Map<string, { type: string; slug: string; rank: number }[]>();
const mapped = [
  ...seed.topics.map((e) => ({ type: 'topic', slug: e.slug, codes: e.data.codes })),
  ...CONTENT_REGISTRY.flatMap(({ collection, type }) =>
    seed.records[collection].map((e) => ({ type: type, slug: e.slug, codes: e.data.codes })),
  ),
];
for (const record of mapped)
  for (const c of record.codes)
    seedMap.set(c.code, [...(seedMap.get(c.code) ?? []), { type: record.type, slug: record.slug, rank: c.rank }]);
const ranked = (code: string) => (seedMap.get(code) ?? []).sort((a, b) => a.rank - b.rank);
const slugsOf = (found: ReturnType<typeof codes.lookup>) =>
  found.outcome === 'records' ? found.records.map((r) => `${r.item.type}/${r.item.slug}`) : [];

t.test('a mapped code answers its records, best rank first, at most three', async (t) => {
  const found = codes.lookup('ICD-10-CM', 'F43.21');
  t.match(found, {
    outcome: 'records',
    code: 'F43.21',
    matchedCode: 'F43.21',
    matchedTitle: 'Adjustment disorder with depressed mood',
    fellBackFrom: null,
  });
  t.same(
    slugsOf(found),
    ranked('F43.21')
      .slice(0, 3)
      .map((r) => `${r.type}/${r.slug}`),
  );
  const many = [...seedMap].find(([, records]) => records.length > 3)!;
  t.ok(many, 'the seed has a code with more than three records');
  t.equal(slugsOf(codes.lookup('ICD-10-CM', many[0])).length, 3, `${many[0]} answers three of its ${many[1].length}`);
  t.equal(codes.all().find((c) => c.code === many[0])!.records.length, many[1].length, 'the listing keeps them all');
});

t.test('a code that is not mapped falls back to the nearest code above it, and says so', async (t) => {
  t.match(codes.lookup('ICD-10-CM', 'F43.219'), { outcome: 'records', matchedCode: 'F43.21', fellBackFrom: 'F43.219' });
  // Z63.72 (alcoholism and drug addiction in family) is not mapped, nor is Z63.7: Z63 answers.
  t.ok(ranked('Z63').length > 0 && ranked('Z63.7').length === 0 && ranked('Z63.72').length === 0);
  const family = codes.lookup('ICD-10-CM', 'Z63.72');
  t.match(family, { outcome: 'records', matchedCode: 'Z63', fellBackFrom: 'Z63.72' });
  t.same(
    slugsOf(family),
    ranked('Z63').map((r) => `${r.type}/${r.slug}`),
  );
  t.same(codes.lookup('ICD-10-CM', 'A00.0'), { outcome: 'none', system: 'ICD-10-CM', code: 'A00.0' }, 'nothing above cholera either');
  t.equal(codes.lookup('SNOMED CT', '123456789').outcome, 'none', 'no SNOMED CT code is mapped');
});

t.test('help first: a help-first code or any code below one answers with help, before anything else', async (t) => {
  for (const { code } of seed.helpFirst)
    t.match(codes.lookup('ICD-10-CM', code), { outcome: 'help-first', matchedCode: code, fellBackFrom: null }, code);
  t.match(codes.lookup('ICD-10-CM', 'R45.850'), { outcome: 'help-first', matchedCode: 'R45.85', fellBackFrom: 'R45.850' }, 'below R45.85');
  t.match(codes.lookup('ICD-10-CM', 'Z91.59'), { outcome: 'help-first', matchedCode: 'Z91.5' }, 'below Z91.5');
  // A help-first code above a mapped one wins over the mapping, and so does one with records of its own.
  const above = edited(
    `insert into help_first_codes (system, code, title) values ('ICD-10-CM', 'Z60', 'Problems related to social environment')`,
    (db) => reread(db).lookup('ICD-10-CM', 'Z60.2'),
  );
  t.match(above, { outcome: 'help-first', matchedCode: 'Z60', fellBackFrom: 'Z60.2' });
  const own = edited(
    `insert into record_codes (system, code, record_type, record_slug, title, reason, rank) values ('ICD-10-CM', 'R45.851', 'topic', 'emotional-isolation', 'Suicidal ideations', 'x', 1)`,
    (db) => reread(db).lookup('ICD-10-CM', 'R45.851'),
  );
  t.equal(own.outcome, 'help-first');
});

t.test('ties in rank follow the editorial order: topics, then the collections in registry order, then each one’s order', async (t) => {
  const tied = edited(`update record_codes set rank = 1 where code = 'Z60.2'`, (db) => slugsOf(reread(db).lookup('ICD-10-CM', 'Z60.2')));
  const order = ['topic', ...CONTENT_REGISTRY.map((e) => e.type)];
  const expected = ranked('Z60.2')
    .map((r) => `${r.type}/${r.slug}`)
    .sort((a, b) => order.indexOf(a.split('/')[0]!) - order.indexOf(b.split('/')[0]!));
  t.same(tied, expected);
});

t.test('the listing: every code once, by code, help-first codes marked and without records', async (t) => {
  const listed = codes.all();
  const listedCodes = listed.map((c) => c.code);
  t.same(
    listedCodes,
    [...listedCodes].sort((a, b) => a.localeCompare(b, 'en')),
  );
  t.same(new Set(listedCodes), new Set([...seedMap.keys(), ...seed.helpFirst.map((h) => h.code)]));
  for (const c of listed) {
    t.equal(
      c.helpFirst,
      seed.helpFirst.some((h) => h.code === c.code),
      `${c.code} helpFirst`,
    );
    if (c.helpFirst) t.same(c.records, [], `${c.code} has no records`);
  }
});

t.test('a record’s codes, for its page', async (t) => {
  const families = seed.records.contexts.find((e) => e.slug === 'families')!.data.codes;
  t.same(
    codes.forRecord('context', 'families'),
    families.map(({ system, code, title }) => ({ system, code, title })).sort((a, b) => a.code.localeCompare(b.code)),
  );
  t.same(codes.forRecord('strategy', 'no-such-strategy'), []);
});

t.test('a code map that names a record the store does not have is refused when the store opens', async (t) => {
  t.throws(
    () =>
      edited(
        `insert into record_codes (system, code, record_type, record_slug, title, reason, rank) values ('ICD-10-CM', 'Z60.2', 'sign', 'not-a-sign', 'Problems related to living alone', 'x', 9)`,
        reread,
      ),
    /names sign "not-a-sign", which the content store does not have/,
  );
});
