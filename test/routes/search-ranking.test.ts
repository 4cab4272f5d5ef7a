import t from 'tap';
import { build } from '../helpers/app.js';

// How search ranks questions and everyday words (issue 14): stop words, title weight, coordination,
// the lay and clinical vocabulary, and snippets that only ever quote a record's own text.

const app = await build(t);
interface Hit {
  type: string;
  slug: string;
  title: string;
  summary: string;
  definition?: string;
  body: string;
  snippet: string;
}
const search = async (q: string, extra = '') => {
  const res = await app.inject({ method: 'GET', url: `/v1/search?q=${encodeURIComponent(q)}${extra}` });
  t.equal(res.statusCode, 200, q);
  return res.json<{ data: Hit[]; meta: { total: number; correctedQuery: string | null } }>();
};
const top = async (q: string, n: number) => (await search(q)).data.slice(0, n).map((h) => `${h.type}/${h.slug}`);

t.test('stop words do not pull up titles that happen to contain them', async (t) => {
  // Several FAQ titles start with "Can…" or "Is…": the question words must change nothing, so
  // each question ranks exactly as its meaningful words alone do.
  for (const [q, words] of [
    ['can I stop feeling numb', 'stop feeling numb'],
    ['is it normal to feel numb', 'normal feel numb'],
    ['can numbness go away', 'numbness go away'],
  ] as const) {
    const first = await top(q, 5);
    t.same(first, await top(words, 5), `${q}: ranked as "${words}" (${first.join(', ')})`);
    t.ok(first.slice(0, 3).includes('sign/emotional-numbness'), `${q}: emotional numbness in the top 3`);
  }
  // Stop words are not searched for at all when the query has other words: never marked.
  for (const hit of (await search('can I stop feeling numb', '&limit=50')).data) {
    t.notMatch(hit.snippet, /<mark>(can|I)<\/mark>/i, `${hit.slug}: stop words are not marked`);
  }
  // A query made only of stop words is still searched, as typed.
  t.ok((await search('can I')).meta.total > 0, 'only stop words: searched as typed');
});

t.test('records matching more of the meaningful words rank first', async (t) => {
  const first = await top('stress and burnout at work', 2);
  t.same(first.sort(), ['cause/chronic-stress-and-burnout', 'context/workplace'], 'both words beat one word');
  const partner = await top('my partner does not show affection anymore', 3);
  t.ok(partner.includes('sign/reduced-affection'), `partner + affection (${partner.join(', ')})`);
});

t.test('a title match weighs more, but does not trump a record that matches better', async (t) => {
  const hits = (await search('trouble sleeping and concentrating')).data.map((h) => `${h.type}/${h.slug}`);
  t.equal(hits[0], 'sign/trouble-concentrating-or-remembering', 'the record matching both meaningful words comes first');
  const numbness = (await search('numb')).data;
  t.equal(`${numbness[0]!.type}/${numbness[0]!.slug}`, 'sign/emotional-numbness', 'a title match still comes first among equals');
});

t.test('word forms the stemmer misses match both ways', async (t) => {
  for (const [a, b, expected] of [
    ['anxious', 'anxiety', 'sign/rising-stress-anxiety-or-depression'],
    ['lonely', 'loneliness', 'sign/persistent-loneliness-or-emptiness'],
    ['depressed', 'depression', 'faq/is-emotional-withdrawal-a-sign-of-depression'],
  ] as const) {
    t.ok((await top(a, 5)).includes(expected), `${a} finds ${expected}`);
    t.ok((await top(b, 5)).includes(expected), `${b} finds ${expected}`);
  }
});

t.test('clinical and everyday names find the same records', async (t) => {
  t.ok((await top('alexithymia', 3)).includes('sign/trouble-identifying-emotions'), 'alexithymia → trouble identifying emotions');
  t.ok((await top('emotional blunting', 3)).includes('sign/emotional-numbness'), 'blunting → numbness');
  t.ok((await top('anhedonia', 3)).includes('sign/loss-of-interest-or-pleasure'), 'anhedonia → loss of interest');
  t.ok((await top('stonewalling', 3)).includes('sign/withholding-communication'), 'stonewalling → withholding communication');
  const husband = await top('my husband shuts down when we argue', 3);
  t.ok(
    husband.some((id) =>
      [
        'context/romantic-relationships',
        'sign/withholding-communication',
        'sign/being-emotionally-unavailable',
        'sign/poor-communication-with-a-partner',
        // Arguments between partners, and what distance does to a relationship.
        'cause/relationship-conflict-and-betrayal',
        'impact/strain-on-relationships',
        // Helping a loved one (a partner among them: its keywords say so) who shuts down.
        'faq/how-can-i-help-someone-who-is-withdrawn',
      ].includes(id),
    ),
    `husband → partner records (${husband.join(', ')})`,
  );
});

t.test('what people say (peopleSay) finds its record, and is never quoted', async (t) => {
  // "zombie" and "autopilot" appear only in the vocabulary of emotional numbness.
  for (const q of ['like a zombie', 'on autopilot']) {
    const { data } = await search(q);
    const hit = data.find((h) => h.slug === 'emotional-numbness');
    t.ok(hit && data.indexOf(hit) < 3, `${q}: emotional numbness in the top 3`);
    for (const h of data) t.notMatch(h.snippet, /zombie|autopilot/i, `${h.slug}: the snippet does not show the vocabulary`);
  }
});

t.test("snippets quote only the record's own text (summary, a topic's definition, body)", async (t) => {
  const queries = [
    'dead inside',
    'keeping a diary',
    'CBT',
    'burnt out',
    'ghosting',
    'silent treatment',
    'heartbroken',
    'emotional wall',
    'gym',
    'doomscrolling',
  ];
  let checked = 0;
  for (const q of queries) {
    for (const hit of (await search(q, '&format=text&limit=10&fields=summary,definition,body,snippet')).data) {
      const prose = `${hit.summary} ${hit.definition ?? ''} ${hit.body}`.replace(/\s+/g, ' ');
      const text = hit.snippet
        .replace(/<\/?mark>/g, '')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>');
      for (const piece of text
        .split('…')
        .map((p) => p.trim())
        .filter(Boolean)) {
        t.ok(prose.includes(piece), `${q} → ${hit.slug}: "${piece.slice(0, 60)}" is in the record's text`);
        checked++;
      }
    }
  }
  t.ok(checked > 30, `${checked} snippet passages checked`);
});

t.test('first-person framing ("I feel like…", "feeling…", "…anymore") does not decide the ranking', async (t) => {
  // Nearly every record says "feel": the framing words are dropped when the query has others, so
  // each query ranks exactly as its telling words alone do.
  for (const [q, words] of [
    ['I feel like nobody understands me', 'nobody understands me'],
    ['feeling so hollow', 'hollow'],
    ['my partner never hugs me anymore', 'my partner never hugs me'],
  ] as const) {
    const first = await top(q, 5);
    t.same(first, await top(words, 5), `${q}: ranked as "${words}" (${first.join(', ')})`);
  }
  // A thesaurus phrase keeps its framing word ("feel nothing" names numbness), and a query made
  // only of framing words is still searched.
  t.ok((await top('I feel nothing', 3)).includes('sign/emotional-numbness'), 'feel nothing → numbness');
  t.ok((await search('feeling')).meta.total > 0, 'only a framing word: searched as typed');
  // A contraction typed without its apostrophe is glue, as it is with one: it must not be the
  // "other word" that leaves a query of framing words with nothing but itself.
  const plain = await top('i dont feel anything anymore', 5);
  t.same(plain, await top("I don't feel anything anymore", 5), `"dont" is "don't" (${plain.join(', ')})`);
  t.ok(plain.length > 0, 'and the framing words are searched');
});
