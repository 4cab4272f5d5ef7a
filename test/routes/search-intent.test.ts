import t from 'tap';
import { SearchResults } from '../../src/schemas/search.js';
import { build } from '../helpers/app.js';

// What a query asks for (meta.intent) and where to go when nothing matches well
// (meta.suggestions), as a client of the search sees them. The cues themselves are tested in
// test/search/intent.test.ts; here each intent puts its kind of answer first, ordinary wording
// is left as the words rank it, and a search never ends in nothing to do.

const app = await build(t);
interface Body {
  data: { type: string; slug: string }[];
  meta: {
    total: number;
    intent: string | null;
    suggestions: { reason: string; topics: { slug: string; title: string; href: string }[]; help: string } | null;
    crisis: { help: string };
  };
}
const search = async (q: string, extra = '') => {
  const res = await app.inject({ method: 'GET', url: `/v1/search?q=${encodeURIComponent(q)}${extra}` });
  t.equal(res.statusCode, 200, q);
  const body = res.json<Body>();
  SearchResults.parse(body);
  return body;
};
const ids = (body: Body, n: number) => body.data.slice(0, n).map((h) => `${h.type}/${h.slug}`);

t.test('each intent is reported and puts its kind of answer first', async (t) => {
  const helping = await search('how do I help my nephew who stopped going out');
  t.equal(helping.meta.intent, 'helping-someone');
  t.equal(ids(helping, 1)[0], 'faq/how-can-i-help-someone-who-is-withdrawn', 'the FAQ on helping someone first');

  const seekHelp = await search('when should I see a doctor about pulling away');
  t.equal(seekHelp.meta.intent, 'when-to-seek-help');
  t.equal(ids(seekHelp, 1)[0], 'faq/when-should-i-seek-professional-help', 'the help-seeking FAQ first');

  const difference = await search('is detachment the same as numbness');
  t.equal(difference.meta.intent, 'difference');
  t.ok(
    ids(difference, 3).some((id) => id.startsWith('faq/how-are-isolation-withdrawal-and-detachment-different')),
    `the comparison FAQ in the top 3 (${ids(difference, 3).join(', ')})`,
  );
  t.ok(
    ids(difference, 2).every((id) => /^(faq|topic)\//.test(id)),
    'comparisons and FAQs first',
  );

  for (const q of ['what helps with feeling cut off', 'which therapy is best for emotional detachment']) {
    const helps = await search(q);
    t.equal(helps.meta.intent, 'what-helps', q);
    t.ok(
      ids(helps, 2).every((id) => /^(strategy|therapy)\//.test(id)),
      `${q}: strategies and therapies first (${ids(helps, 2).join(', ')})`,
    );
  }
});

t.test('an intent reorders, and removes nothing', async (t) => {
  const asked = await search('what helps with feeling cut off', '&limit=100');
  const plain = await search('feeling cut off', '&limit=100');
  t.equal(plain.meta.intent, null, 'no cue, no intent');
  const found = new Set(ids(asked, 100));
  t.ok(
    ids(plain, 100).every((id) => found.has(id)),
    'every record the words alone find is still found',
  );
});

t.test('ordinary queries rank as their words do, with no intent', async (t) => {
  for (const q of ['emotional numbness', 'my friends never invite me anywhere', 'I feel different from everyone around me']) {
    const body = await search(q);
    t.equal(body.meta.intent, null, q);
    t.equal(body.meta.suggestions, null, `${q}: a good match, no suggestions`);
  }
});

t.test('no dead ends: nothing found, or nothing found well, suggests the topics and help', async (t) => {
  const none = await search('xylophone');
  t.equal(none.meta.total, 0);
  t.equal(none.meta.suggestions?.reason, 'no-results');
  t.same(
    none.meta.suggestions?.topics.map((x) => x.href).sort(),
    ['/v1/topics/emotional-detachment', '/v1/topics/emotional-isolation', '/v1/topics/emotional-withdrawal'],
    'every topic, with its link',
  );
  t.ok(
    none.meta.suggestions?.topics.every((x) => x.title.length > 0),
    'each with its title',
  );
  t.equal(none.meta.suggestions?.help, none.meta.crisis.help, 'and the help directory');

  const weak = await search('cheap flights to spain');
  t.ok(weak.meta.total > 0, 'a few passing matches are still returned');
  t.equal(weak.meta.suggestions?.reason, 'weak-match', 'but nothing has a third of what was asked');

  const regional = await search('xylophone', '&region=GB');
  t.equal(regional.meta.suggestions?.help, '/v1/help?region=GB', "the help directory of the request's region");
});
