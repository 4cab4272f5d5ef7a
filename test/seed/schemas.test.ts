// The front-matter schemas on their own (src/seed/schemas.ts, src/seed/help.ts): what an editor
// may write, what it becomes, and which field a problem is reported on. load-problems.test.ts
// checks the same problems reach the editor with the file named.
import t from 'tap';
import { defineContentType, facet } from '../../src/content/registry.js';
import { helpFileSlug, helpLineSchema, helpSchema, type SeedHelp } from '../../src/seed/help.js';
import { seedSchemaOf, sourceSchema, topicSchema } from '../../src/seed/schemas.js';
import { helpData, recordData, sourceData, topicData } from '../helpers/tiny-seed.js';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => [i.path.join('.'), i.message]);

const tips = defineContentType({
  collection: 'tips',
  type: 'tip',
  label: 'Tips',
  itemLabel: 'Tip',
  description: 'Test-only tips.',
  embed: false,
  facets: {
    pace: facet(['quick', 'slow'], { quick: 'Quick', slow: 'Slow' }, 'How long it takes.', 'quick'),
    mood: facet(['calm', 'busy'], { calm: 'Calm', busy: 'Busy' }, 'What it feels like.'),
  },
  extra: { timeNeeded: { description: 'Time.', optional: false }, note: { description: 'An aside.', optional: true } },
  api: { id: 'TestTip', description: 'A tip.', example: { slug: 'a-tip', title: 'A tip', summary: 'A tip.' } },
});

t.test("a type's schema: a facet with a default may be left out, one without may not; so may an optional own field", async (t) => {
  const schema = seedSchemaOf(tips);
  const parsed = schema.parse(recordData({ mood: 'calm', timeNeeded: 'A minute' })) as Record<string, unknown>;
  t.equal(parsed.pace, 'quick', 'the default fills in');
  t.equal(parsed.note, undefined);
  t.same(issues(schema.safeParse(recordData({ timeNeeded: 'A minute' }))), [['mood', 'Invalid option: expected one of "calm"|"busy"']]);
  t.same(issues(schema.safeParse(recordData({ mood: 'calm', pace: 'fast', timeNeeded: 'A minute' }))), [['pace', 'Invalid option: expected one of "quick"|"slow"']]);
  t.same(issues(schema.safeParse(recordData({ mood: 'calm' }))), [['timeNeeded', 'Invalid input: expected string, received undefined']]);
  t.same(issues(schema.safeParse(recordData({ mood: 'calm', timeNeeded: ' ' }))), [['timeNeeded', 'must not be empty']]);
  t.same(issues(schema.safeParse(recordData({ mood: 'calm', timeNeeded: 'x', note: '' }))), [['note', 'must not be empty']], 'optional, but not empty');
  t.equal((schema.parse(recordData({ mood: 'busy', timeNeeded: 'x', note: ' Aside ' })) as Record<string, unknown>).note, 'Aside');
});

t.test('topic links: a bare slug or a slug with a note', async (t) => {
  const schema = seedSchemaOf(tips);
  const parsed = schema.parse(recordData({ mood: 'calm', timeNeeded: 'x', topics: ['emotional-isolation', { slug: 'emotional-withdrawal', note: 'Why here.' }] }));
  t.same(parsed.topics, [
    { slug: 'emotional-isolation', note: undefined },
    { slug: 'emotional-withdrawal', note: 'Why here.' },
  ]);
  t.same(issues(schema.safeParse(recordData({ mood: 'calm', timeNeeded: 'x', topics: [] }))), [['topics', 'must name at least one topic']]);
});

t.test('dates: YAML dates and quoted dates give the same text; a publication date may be a year or a month', async (t) => {
  const topic = topicSchema.parse({ ...topicData('emotional-isolation'), reviewedAt: new Date('2026-02-03T00:00:00Z'), nextReviewAt: '2027-02-03' });
  t.equal(topic.reviewedAt, '2026-02-03');
  t.equal(topic.nextReviewAt, '2027-02-03');
  t.same(issues(topicSchema.safeParse({ ...topicData('emotional-isolation'), reviewedAt: '3 Feb 2026' })), [['reviewedAt', 'must be a date written YYYY-MM-DD']]);

  const source = (extra: Record<string, unknown>) => sourceSchema.parse(sourceData(extra));
  t.equal(source({ published: 2014 }).published, '2014', 'a bare year (a number in YAML)');
  t.equal(source({ published: '2014-05' }).published, '2014-05');
  t.equal(source({ updated: new Date('2025-08-31T00:00:00Z') }).updated, '2025-08-31');
  t.same(issues(sourceSchema.safeParse(sourceData({ published: '05/2014' }))), [['published', 'must be YYYY, YYYY-MM or YYYY-MM-DD']]);
});

t.test('sources: numbers in YAML become text; a source that can be followed needs the date it was read', async (t) => {
  const parsed = sourceSchema.parse(sourceData({ publisher: 2020, volume: 12, issue: 3, pages: '1-9', container: 'A journal' }));
  t.same([parsed.publisher, parsed.volume, parsed.issue, parsed.pages, parsed.container], ['2020', '12', '3', '1-9', 'A journal']);
  t.same(parsed.authors, [], 'no authors: a list all the same');
  const read = "is required when url or doi is set (the date the work was read, YYYY-MM-DD)";
  t.same(issues(sourceSchema.safeParse(sourceData({ url: 'https://example.org/a' }))), [['accessed', read]]);
  t.same(issues(sourceSchema.safeParse(sourceData({ doi: '10.1000/xyz' }))), [['accessed', read]]);
  t.same(issues(sourceSchema.safeParse(sourceData({ doi: '10.1000/xyz', accessed: '2026-01-01' }))), []);
  t.same(issues(sourceSchema.safeParse(sourceData({ accessed: '2026-01-01' }))), [], 'a date read without a link is allowed');
  t.same(issues(sourceSchema.safeParse(sourceData({ publisher: ' ' }))), [['publisher', 'must not be empty']]);
});

const line = (extra: Record<string, unknown>) => ({
  name: 'A line',
  audience: 'Anyone',
  priority: false,
  sources: [{ title: 'T', publisher: 'P', url: 'https://example.org' }],
  reviewedAt: '2026-01-01',
  ...extra,
});

t.test('a help line needs one way to reach it; any one will do', async (t) => {
  const lines = [line({ phone: 116123, priority: true }), line({ text: 85258 }), line({ chat: 'https://example.org/chat' }), line({ web: 'http://example.org' })];
  const help = helpSchema.parse(helpData({ region: 'GB', lines }));
  t.same(help.lines.map((l) => [l.phone, l.text, l.chat, l.web]), [
    ['116123', undefined, undefined, undefined],
    [undefined, '85258', undefined, undefined],
    [undefined, undefined, 'https://example.org/chat', undefined],
    [undefined, undefined, undefined, 'http://example.org'],
  ], 'numbers written bare in YAML become text');
  t.same(issues(helpSchema.safeParse(helpData({ region: 'GB', lines: [lines[0], line({})] }))), [['lines.1', 'needs at least one of phone, text, chat, web']]);
  t.same(issues(helpLineSchema.safeParse(line({ phone: 'call us' }))), [['phone', 'must be digits (spaces, + and - allowed)']]);
});

t.test('a region marks exactly one line as the priority; the international answer need not', async (t) => {
  const priority = (...flags: boolean[]) => flags.map((p) => line({ phone: '999', priority: p }));
  t.same(issues(helpSchema.safeParse(helpData({ region: 'GB', lines: priority(true, false) }))), []);
  t.same(issues(helpSchema.safeParse(helpData({ region: 'GB', lines: priority(true, true) }))), [['lines', 'must mark exactly one line priority: true (found 2)']]);
  t.same(issues(helpSchema.safeParse(helpData({ region: 'GB', lines: priority(false) }))), [['lines', 'must mark exactly one line priority: true (found 0)']]);
  t.same(issues(helpSchema.safeParse(helpData({ lines: priority(false, false) }))), []);
  t.same(issues(helpSchema.safeParse(helpData({ region: 'UK', lines: priority(true) }))), [['region', 'must be an upper-case ISO 3166-1 alpha-2 code (GB, US …)']]);
  t.same(issues(helpSchema.safeParse(helpData({ region: 'gb', lines: priority(true) }))), [['region', 'must be an upper-case ISO 3166-1 alpha-2 code (GB, US …)']]);
});

t.test('an emergency number needs the page it was read on and the date', async (t) => {
  const src = [{ title: 'T', publisher: 'P', url: 'https://example.org' }];
  const emergency = (e: Record<string, unknown>) => issues(helpSchema.safeParse(helpData({ emergency: { text: 'Call.', ...e } })));
  const needs = [['emergency', 'an emergency number needs sources and reviewedAt']];
  t.same(emergency({ number: '999' }), needs);
  t.same(emergency({ number: '999', sources: src }), needs);
  t.same(emergency({ number: '999', reviewedAt: '2026-01-01' }), needs);
  t.same(emergency({ number: 999, sources: src, reviewedAt: '2026-01-01' }), []);
  t.same(emergency({}), [], 'advice without a number needs no source');
});

t.test('a help file is named after its region in lower case, or international', async (t) => {
  t.equal(helpFileSlug({ region: 'NZ' } as SeedHelp), 'nz');
  t.equal(helpFileSlug({} as SeedHelp), 'international');
});
