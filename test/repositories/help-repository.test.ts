import t from 'tap';
import { openStore } from '../../src/db/open.js';
import { HelpRepository, lineOf } from '../../src/repositories/help-repository.js';
import { loadSeed } from '../../src/seed/load.js';
import { editableStore } from '../helpers/edited-store.js';
import { buildScratchStore, SEED_DIR } from '../helpers/store.js';

// Crisis help read straight from a store built from the real seed: which regions are covered, the
// priority line first, and the fallback to the international advice and directory.

const storePath = buildScratchStore(t);
const store = openStore(storePath);
t.teardown(() => store.close());
const MESSAGE = 'If you are struggling, you do not have to wait.';
const help = new HelpRepository(store.db, MESSAGE);
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
    (db) => new HelpRepository(db, MESSAGE).regions(),
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
    new HelpRepository(db, MESSAGE).get('GB')!.lines.map((l) => l.name),
  );
  t.same(names, [gb[0]!.name, gb[1]!.name, gb[2]!.name], 'the priority line moves to the front; the others keep their order');
});

t.test('crisis guidance for a covered region: its emergency number and priority line, briefly', async (t) => {
  const gb = seedOf('GB');
  const priority = gb.lines.find((l) => l.priority)!;
  const notice = help.crisis('GB');
  t.strictSame(notice, {
    message: MESSAGE,
    emergency: gb.emergency.text,
    emergencyNumber: gb.emergency.number,
    region: 'GB',
    lines: [
      {
        name: priority.name,
        phone: priority.phone ?? null,
        text: priority.text ?? null,
        chat: priority.chat ?? null,
        web: priority.web ?? null,
        hours: priority.hours ?? null,
        priority: true,
      },
    ],
    directory: null,
    help: '/v1/help?region=GB',
  });
  t.equal(help.crisis('US').region, 'US', 'each region its own answer');
  t.equal(help.crisis('US').emergencyNumber, seedOf('US').emergency.number);
});

t.test('when someone may be at risk: all the region’s lines, priority first', async (t) => {
  const all = help.crisis('GB', true);
  t.same(
    all.lines.map((l) => [l.name, l.priority]),
    seedOf('GB').lines.map((l) => [l.name, l.priority]),
  );
  t.ok(all.lines.length > 1, 'more than the priority line');
  t.equal(all.directory, null, 'lines to show: no directory needed');
  t.equal(help.crisis('GB').lines.length, 1, 'the short answer is still one line');
});

t.test('no region, or one not covered: the international advice and the helpline directory', async (t) => {
  for (const region of [undefined, 'FR']) {
    t.same(
      help.crisis(region),
      {
        message: MESSAGE,
        emergency: international.emergency.text,
        emergencyNumber: null,
        region: null,
        lines: [],
        directory: international.directory!.url,
        help: '/v1/help',
      },
      String(region),
    );
    t.same(help.crisis(region, true).lines, [], `${String(region)}: nothing more when at risk`);
    t.equal(help.crisis(region, true).directory, international.directory!.url);
  }
});

t.test('a covered region with no priority line points to the directory', async (t) => {
  const lines = seedOf('GB').lines.map((l) => ({ ...l, priority: false }));
  const notice = edited(`update help_regions set lines = ${sqlText(lines)} where region = 'GB'`, (db) =>
    new HelpRepository(db, MESSAGE).crisis('GB'),
  );
  t.same(notice.lines, []);
  t.equal(notice.directory, international.directory!.url);
  t.equal(notice.region, 'GB', 'still the region’s emergency advice');
  t.equal(notice.emergencyNumber, '999');
});

t.test('an international entry without a directory gives none, rather than failing', async (t) => {
  const notice = edited('update help_regions set directory = null where region is null', (db) =>
    new HelpRepository(db, MESSAGE).crisis(undefined),
  );
  t.strictSame(notice.directory, null);
});

// Left alive, equivalent: the memo key's `region ?? ''` → any other text (no region is called that,
// and '' and no region share the international answer anyway).

t.test('answers are remembered per region and per length, never mixed up', async (t) => {
  t.equal(help.crisis('GB'), help.crisis('GB'), 'the same answer object again');
  t.not(help.crisis('GB'), help.crisis('GB', true));
  t.equal(help.crisis('IE').region, 'IE');
  t.equal(help.crisis('GB').region, 'GB');
  t.equal(help.crisis(undefined).region, null);
  t.equal(help.crisis('GB', true).lines.length, seedOf('GB').lines.length);
  t.equal(help.crisis('GB', false).lines.length, 1);
});

t.test('a store without the international entry is refused', async (t) => {
  t.throws(
    () => edited('delete from help_regions where region is null', (db) => new HelpRepository(db, MESSAGE)),
    /the store holds no international help entry/,
  );
});

t.test('a line in full: contact ways it lacks are null, nothing else is dropped', async (t) => {
  const nhs = seedOf('GB').lines.find((l) => l.name.startsWith('NHS 111'))!;
  t.strictSame(lineOf(nhs), {
    name: nhs.name,
    phone: nhs.phone,
    text: null,
    chat: null,
    web: nhs.web,
    hours: nhs.hours,
    cost: null,
    audience: nhs.audience,
    priority: false,
    sources: nhs.sources,
    reviewedAt: nhs.reviewedAt,
  });
  const shout = seedOf('GB').lines.find((l) => l.name === 'Shout')!;
  t.match(lineOf(shout), { phone: null, text: shout.text, cost: shout.cost });
});
