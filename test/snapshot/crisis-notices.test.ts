import t from 'tap';
import { openStore } from '../../src/db/open.js';
import { HelpRepository } from '../../src/repositories/help-repository.js';
import { CrisisNotices, lineOf, named } from '../../src/snapshot/crisis-notices.js';
import { loadSeed } from '../../src/seed/load.js';
import { editableStore } from '../helpers/edited-store.js';
import { buildScratchStore, SEED_DIR } from '../helpers/store.js';

// The crisis guidance every content answer carries, made from a store built from the real seed:
// the region's priority line (or all its lines), the fallback to the international advice and
// directory, and how the region was chosen.

const storePath = buildScratchStore(t);
const store = openStore(storePath);
t.teardown(() => store.close());
const MESSAGE = 'If you are struggling, you do not have to wait.';
const help = new HelpRepository(store.db);
const notices = new CrisisNotices(help, MESSAGE);
const seed = loadSeed(SEED_DIR).help;
const seedOf = (region: string) => seed.find((h) => h.data.region === region)!.data;
const international = seed.find((h) => !h.data.region)!.data;
const { edited } = editableStore(t, storePath);
const sqlText = (value: unknown) => `'${JSON.stringify(value).replaceAll("'", "''")}'`;

t.test('crisis guidance for a covered region: its emergency number and priority line, briefly', async (t) => {
  const gb = seedOf('GB');
  const priority = gb.lines.find((l) => l.priority)!;
  const notice = notices.notice(named('GB'));
  t.strictSame(notice, {
    message: MESSAGE,
    emergency: gb.emergency.text,
    emergencyNumber: gb.emergency.number,
    region: 'GB',
    regionFrom: 'region',
    lines: [
      {
        name: priority.name,
        phone: priority.phone ?? null,
        text: priority.text ?? null,
        chat: priority.chat ?? null,
        web: priority.web ?? null,
        hours: priority.hours ?? null,
        areas: priority.areas ?? null,
        priority: true,
      },
    ],
    directory: null,
    help: '/v1/help?region=GB',
  });
  t.equal(notices.notice(named('US')).region, 'US', 'each region its own answer');
  t.equal(notices.notice(named('US')).emergencyNumber, seedOf('US').emergency.number);
});

t.test('when someone may be at risk: all the region’s lines, priority first', async (t) => {
  const all = notices.notice(named('GB'), true);
  t.same(
    all.lines.map((l) => [l.name, l.priority]),
    seedOf('GB').lines.map((l) => [l.name, l.priority]),
  );
  t.ok(all.lines.length > 1, 'more than the priority line');
  t.equal(all.directory, null, 'lines to show: no directory needed');
  t.equal(notices.notice(named('GB')).lines.length, 1, 'the short answer is still one line');
});

t.test('no region, or one not covered: the international advice and the helpline directory', async (t) => {
  for (const region of [undefined, 'FR']) {
    t.same(
      notices.notice(named(region)),
      {
        message: MESSAGE,
        emergency: international.emergency.text,
        emergencyNumber: null,
        region: null,
        regionFrom: null,
        lines: [],
        directory: international.directory!.url,
        help: '/v1/help',
      },
      String(region),
    );
    t.same(notices.notice(named(region), true).lines, [], `${String(region)}: nothing more when at risk`);
    t.equal(notices.notice(named(region), true).directory, international.directory!.url);
  }
});

t.test('a covered region with no priority line points to the directory', async (t) => {
  const lines = seedOf('GB').lines.map((l) => ({ ...l, priority: false }));
  const notice = edited(`update help_regions set lines = ${sqlText(lines)} where region = 'GB'`, (db) =>
    new CrisisNotices(new HelpRepository(db), MESSAGE).notice(named('GB')),
  );
  t.same(notice.lines, []);
  t.equal(notice.directory, international.directory!.url);
  t.equal(notice.region, 'GB', 'still the region’s emergency advice');
  t.equal(notice.emergencyNumber, '999');
});

t.test('an international entry without a directory gives none, rather than failing', async (t) => {
  const notice = edited('update help_regions set directory = null where region is null', (db) =>
    new CrisisNotices(new HelpRepository(db), MESSAGE).notice(named(undefined)),
  );
  t.strictSame(notice.directory, null);
});

t.test('answers are remembered per region and per length, never mixed up', async (t) => {
  t.equal(notices.notice(named('GB')), notices.notice(named('GB')), 'the same answer object again');
  t.not(notices.notice(named('GB')), notices.notice(named('GB'), true));
  t.equal(notices.notice(named('IE')).region, 'IE');
  t.equal(notices.notice(named('GB')).region, 'GB');
  t.equal(notices.notice(named(undefined)).region, null);
  t.equal(notices.notice(named('GB'), true).lines.length, seedOf('GB').lines.length);
  t.equal(notices.notice(named('GB'), false).lines.length, 1);
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
    areas: ['England'],
    cost: null,
    audience: nhs.audience,
    priority: false,
    sources: nhs.sources,
    reviewedAt: nhs.reviewedAt,
  });
  const shout = seedOf('GB').lines.find((l) => l.name === 'Shout')!;
  t.match(lineOf(shout), { phone: null, text: shout.text, cost: shout.cost });
});

t.test('how the region was chosen travels with the notice, and each source is its own notice', async (t) => {
  const fromLanguage = notices.notice({ code: 'GB', from: 'accept-language' });
  t.equal(fromLanguage.regionFrom, 'accept-language');
  t.equal(notices.notice({ code: 'GB', from: 'partner' }).regionFrom, 'partner');
  t.not(fromLanguage, notices.notice(named('GB')), 'not the answer for a named region');
  t.same(fromLanguage.lines, notices.notice(named('GB')).lines, 'with the same lines');
  t.equal(notices.notice({ code: 'FR', from: 'accept-language' }).regionFrom, null, 'a region not covered was not used');
});
