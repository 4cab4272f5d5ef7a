import t from 'tap';
import { pageEnvelope } from '../../src/schemas/envelopes.js';
import { SearchHit, SearchResults } from '../../src/schemas/search.js';
import { build } from '../helpers/app.js';

const app = await build(t);
type Hit = { type: string; slug: string; title: string; score: number; snippet: string; topics: { slug: string }[] };
const search = async (query: string) => {
  const res = await app.inject({ method: 'GET', url: `/v1/search?${query}` });
  return {
    res,
    body: res.json<{
      data: Hit[];
      meta: { total: number; correctedQuery: string | null; query: string };
      links: Record<string, string | null>;
    }>(),
  };
};
const q = (text: string, extra = '') => search(`q=${encodeURIComponent(text)}${extra}`);
const ids = (hits: Hit[]) => hits.map((h) => `${h.type}:${h.slug}`);

t.test('results match the documented envelope and carry the disclaimer', async (t) => {
  const { res, body } = await q('journaling');
  t.equal(res.statusCode, 200);
  t.doesNotThrow(() => SearchResults.parse(body));
  t.doesNotThrow(() => pageEnvelope(SearchHit).parse(body));
  t.match(res.headers.etag, /^W\/"[^"]+"$/);
  t.match(res.headers['cache-control'], /^public, max-age=\d+/);
  t.match((body.meta as unknown as { disclaimer: string }).disclaimer, /not a substitute/);
});

t.test('relevance: the record titled with the words comes first', async (t) => {
  const cases: [string, string][] = [
    ['journaling', 'strategy:journaling'],
    ['mindfulness', 'strategy:mindfulness-and-meditation'],
    ['emotional numbness', 'sign:emotional-numbness'],
    ['peer support groups', 'therapy:peer-support-groups'],
    ['older adults', 'context:older-adults'],
    ['medication', 'cause:medication-side-effects'],
  ];
  for (const [text, expected] of cases) {
    const { body } = await q(text);
    t.equal(ids(body.data)[0], expected, `"${text}" → ${expected} first`);
  }
  const { body } = await q('journaling');
  t.same(
    body.data.map((h) => h.score),
    [...body.data.map((h) => h.score)].sort((a, b) => b - a),
    'scores descend',
  );
});

t.test('word forms, prefixes, acronyms and expansions', async (t) => {
  t.ok(ids((await q('journal')).body.data).includes('strategy:journaling'), 'journal finds journaling');
  t.ok(ids((await q('journals')).body.data).includes('strategy:journaling'), 'plural');
  t.equal(ids((await q('mindf')).body.data)[0], 'strategy:mindfulness-and-meditation', 'prefix as you type');
  t.equal(ids((await q('detach')).body.data).includes('topic:emotional-detachment'), true, 'prefix of a stemmed word');
  t.equal(ids((await q('CBT')).body.data)[0], 'therapy:cognitive-behavioural-therapy', 'acronym');
  t.equal(ids((await q('cbt')).body.data)[0], 'therapy:cognitive-behavioural-therapy', 'acronym in lower case');
  t.equal(
    ids((await q('cognitive behavioural therapy')).body.data)[0],
    'therapy:cognitive-behavioural-therapy',
    'expansion, British spelling',
  );
  t.equal(ids((await q('DBT')).body.data)[0], 'therapy:dialectical-behaviour-therapy');
  t.equal(ids((await q('dialectical behavior therapy')).body.data)[0], 'therapy:dialectical-behaviour-therapy');
  const ptsd = ids((await q('PTSD')).body.data);
  const expanded = ids((await q('post-traumatic stress disorder')).body.data);
  t.ok(ptsd.includes('cause:mental-health-conditions'));
  t.ok(expanded.includes('cause:mental-health-conditions'), 'expansion finds what the acronym finds');
  t.ok(ids((await q('counselling')).body.data).includes('therapy:counselling'), 'British spelling');
});

t.test('common misspellings fall back to the closest words, only when the exact search finds little', async (t) => {
  for (const [typo, word, expected] of [
    ['mindfullness', 'mindfulness', 'strategy:mindfulness-and-meditation'],
    ['jurnaling', 'journaling', 'strategy:journaling'],
    ['detatchment', 'detachment', 'topic:emotional-detachment'],
    ['withdrawl', 'withdrawal', 'topic:emotional-withdrawal'],
  ]) {
    const { body } = await q(typo!);
    t.equal(body.meta.correctedQuery, word, `${typo} → ${word}`);
    t.ok(ids(body.data).includes(expected!), `${typo} finds ${expected}`);
  }
  const exact = await q('journaling');
  t.equal(exact.body.meta.correctedQuery, null, 'no correction when the exact words find enough');
  const nonsense = await q('zzqxvv');
  t.equal(nonsense.res.statusCode, 200);
  t.equal(nonsense.body.meta.total, 0);
  t.same(nonsense.body.data, []);
});

t.test('filters by type and topic, and pages', async (t) => {
  const strategies = (await q('support', '&type=strategy&limit=100')).body;
  t.ok(strategies.data.length > 0);
  t.ok(strategies.data.every((h) => h.type === 'strategy'));
  const two = (await q('support', '&type=strategy,therapy&limit=100')).body;
  t.ok(two.meta.total > strategies.meta.total);
  const detachment = (await q('trust', '&topic=emotional-detachment&limit=100')).body;
  t.ok(detachment.data.every((h) => h.topics.some((x) => x.slug === 'emotional-detachment')));
  const all = (await q('trust', '&limit=100')).body;
  t.ok(detachment.meta.total < all.meta.total);
  const page2 = (await q('feelings', '&limit=5&offset=5')).body;
  const page1 = (await q('feelings', '&limit=5')).body;
  t.equal(page1.meta.total, page2.meta.total);
  t.same(
    ids(page1.data).filter((x) => ids(page2.data).includes(x)),
    [],
    'pages do not overlap',
  );
  t.match(page1.links.next, /offset=5/);
  t.equal((await q('trust', '&type=horoscope')).res.statusCode, 400);
  t.equal((await q('trust', '&topic=nope')).res.statusCode, 400);
});

t.test('snippets mark the matched words and escape everything else', async (t) => {
  const { body } = await q('journal');
  const snippet = body.data[0]!.snippet;
  t.match(snippet, /<mark>journal/i);
  const withoutMarks = snippet.replace(/<\/?mark>/g, '');
  t.notMatch(withoutMarks, /[<>]/, 'no other markup');
  for (const hit of (await q('the', '&limit=100')).body.data) {
    t.notMatch(hit.snippet.replace(/<\/?mark>/g, ''), /[<>]/, `${hit.slug}: escaped`);
  }
  const hostile = (await q('<script>alert(1)</script> journal')).body;
  t.notMatch(JSON.stringify(hostile.data), /<script/);
});

// Hostile and odd input: always a sensible 200 or a clear 400, never a 5xx.
const hostileQueries: [string, number][] = [
  ['"', 400],
  ['""', 400],
  ['"journal', 200],
  ['journal*', 200],
  ['*', 400],
  ['NEAR(journal trust)', 200],
  ['journal OR trust', 200],
  ['OR', 200],
  ['AND NOT', 200],
  ['-journal', 200],
  ['title:journal', 200],
  ['{title}: journal', 200],
  ['(((', 400],
  ['journal)', 200],
  ['^journal', 200],
  ['jour\u0000nal', 200],
  ['\u0000', 400],
  ['😀', 400],
  ['😀 journal', 200],
  ['\u202Ejournal\u202C', 200],
  ['\u2066\u2067', 400],
  ['Ｊｏｕｒｎａｌ', 200],
  ['журнал', 200],
  ['日記', 200],
  ["'; drop table signs; --", 200],
  ['a'.repeat(200), 200],
  ['a'.repeat(201), 400],
  ['journal '.repeat(600), 400],
  ['x'.repeat(5000), 400],
  ['', 400],
  ['   ', 400],
];
for (const [text, status] of hostileQueries) {
  t.test(`hostile q=${JSON.stringify(text.slice(0, 30))}${text.length > 30 ? `… (${text.length})` : ''} → ${status}`, async (t) => {
    const { res } = await q(text);
    t.equal(res.statusCode, status);
    if (status === 400) {
      t.match(res.headers['content-type'], /^application\/problem\+json/);
      t.equal(res.json().errors[0].name, 'q');
    }
  });
}

t.test('a missing or repeated q is a 400', async (t) => {
  const missing = await search('type=strategy');
  t.equal(missing.res.statusCode, 400);
  t.match(missing.res.json().errors, [{ name: 'q', detail: /required/ }]);
  t.equal((await search('q=a&q=b')).res.statusCode, 400);
});
