import t from 'tap';
import { BRIEF_ONLY_WITH_FIELDS, SearchHit, SearchResults } from '../../src/schemas/search.js';
import { BRIEF_OMITS } from '../../src/snapshot/presenter.js';
import { build } from '../helpers/app.js';

// What each hit carries (issues 14 and 15): its type's own fields, `body` in the requested
// `format`, and only the requested `fields` when a client asks for a sparse fieldset.

const app = await build(t);
type Hit = Record<string, unknown> & { type: string; slug: string; href: string };
const search = async (query: string) => {
  const res = await app.inject({ method: 'GET', url: `/v1/search?${query}` });
  return { res, body: res.json<{ data: Hit[] }>() };
};
const hit = (hits: Hit[], type: string, slug: string) => hits.find((h) => h.type === type && h.slug === slug);

t.test("each hit carries its type's own fields, as its collection returns them", async (t) => {
  const { res, body } = await search('q=journaling%20CBT%20numbness&limit=50');
  t.equal(res.statusCode, 200);
  t.doesNotThrow(() => SearchResults.parse(body), 'matches the documented shape');
  const journaling = hit(body.data, 'strategy', 'journaling');
  t.match(journaling, { category: 'self-awareness', firstStep: /\w/ }, 'a strategy: category and first step');
  const cbt = hit(body.data, 'therapy', 'cognitive-behavioural-therapy');
  t.match(cbt, { acronym: 'CBT', kind: 'therapy', whenToConsider: /\w/ }, 'a therapy: acronym, kind, when to consider');
  const numbness = hit(body.data, 'sign', 'emotional-numbness');
  t.match(numbness, { kind: 'emotional', setting: 'general' }, 'a sign: kind and setting');
  for (const h of [journaling, cbt, numbness]) {
    const own = (await app.inject({ method: 'GET', url: String(h!.href) })).json().data as Record<string, unknown>;
    const { score: _score, snippet: _snippet, ...rest } = h!;
    const { body: _body, bodyFormat: _bodyFormat, sources: _sources, relatedRecords: _related, ...brief } = own;
    t.same(rest, brief, `${h!.slug}: the same fields and values as ${String(h!.href)}, but the body, sources and records to read next`);
  }
  const topic = (await search('q=emotional%20detachment&type=topic')).body.data[0]!;
  t.match(
    topic,
    { type: 'topic', slug: 'emotional-detachment', definition: /\w/, keyPoints: Array, topics: [{ slug: 'emotional-detachment' }] },
    'a topic: definition and key points',
  );
});

t.test('the body comes on request, in the requested format as elsewhere', async (t) => {
  t.notOk('body' in hit((await search('q=journaling')).body.data, 'strategy', 'journaling')!, 'no body by default');
  const markdown = hit((await search('q=journaling&fields=body,bodyFormat')).body.data, 'strategy', 'journaling')!;
  const html = hit((await search('q=journaling&format=html&fields=body,bodyFormat')).body.data, 'strategy', 'journaling')!;
  const text = hit((await search('q=journaling&format=text&fields=body,bodyFormat')).body.data, 'strategy', 'journaling')!;
  t.equal(markdown.bodyFormat, 'markdown');
  t.equal(html.bodyFormat, 'html');
  t.match(html.body, /<(p|ul|li)>/, 'html is rendered');
  t.equal(text.bodyFormat, 'text');
  t.notMatch(text.body, /<[a-z]|\*\*|^#/m, 'text has no markup');
  t.equal((await search('q=journaling&format=pdf')).res.statusCode, 400);
});

t.test('fields keeps only the named fields, plus type, slug and href', async (t) => {
  const { res, body } = await search('q=journaling&fields=title,summary&limit=50');
  t.equal(res.statusCode, 200);
  t.ok(body.data.length > 3);
  for (const h of body.data)
    t.same(Object.keys(h).sort(), ['href', 'slug', 'summary', 'title', 'type'], `${h.slug}: only the requested fields`);
  // A trimmed hit is its type's documented hit with the other fields left out (x-sparse-fieldset).
  // (Each option's `type` is a literal, so only the hit's own type can accept it.)
  for (const h of body.data)
    t.ok(
      SearchHit.options.some((o) => o.partial().safeParse(h).success),
      `${h.slug}: what it keeps is documented`,
    );

  const typed = (await search('q=journaling%20CBT&fields=firstStep,acronym,snippet&limit=50')).body.data;
  t.ok(hit(typed, 'strategy', 'journaling')!.firstStep, 'a strategy keeps its first step');
  t.notOk('acronym' in hit(typed, 'strategy', 'journaling')!, 'a field the type does not have is left out');
  t.equal(hit(typed, 'therapy', 'cognitive-behavioural-therapy')!.acronym, 'CBT');
  t.ok(typed.every((h) => typeof h.snippet === 'string' && !('title' in h)));
});

t.test('an unknown field is a 400 that names it', async (t) => {
  const { res } = await search('q=journaling&fields=title,colour');
  t.equal(res.statusCode, 400);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  const problem = res.json<{ errors: { name: string; detail: string }[] }>();
  t.equal(problem.errors[0]!.name, 'fields');
  t.match(problem.errors[0]!.detail, /"colour"/, 'the detail names the unknown field');
  t.notMatch(problem.errors[0]!.detail, /"title"/, 'and only it');
  t.equal((await search('q=journaling&fields=')).res.statusCode, 400, 'an empty list');
});

t.test('the spec lists the allowed field names', async (t) => {
  const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{
    paths: Record<string, { get: { parameters: { name: string; schema: { items?: { $ref?: string } } }[] } }>;
    components: { schemas: Record<string, { enum?: string[] }> };
  }>();
  const fields = spec.paths['/v1/search']!.get.parameters.find((p) => p.name === 'fields')!;
  t.equal(fields.schema.items!.$ref, '#/components/schemas/SearchHitField', 'one named enum');
  const names = spec.components.schemas.SearchHitField!.enum!;
  t.ok(
    ['title', 'summary', 'firstStep', 'snippet'].every((n) => names.includes(n)),
    'allowed names are listed',
  );
  t.notOk(names.includes('colour'), 'unknown names are not');
});

t.test('the hits document what the presenter leaves out of a brief', async (t) => {
  t.same([...BRIEF_ONLY_WITH_FIELDS].sort(), [...BRIEF_OMITS].sort(), 'the schema and the presenter name the same fields');
  for (const option of SearchHit.options) {
    const required = Object.entries(option.shape)
      .filter(([, field]) => !(field as { isOptional: () => boolean }).isOptional())
      .map(([name]) => name);
    t.ok(
      ['score', 'snippet', 'type', 'slug', 'title', 'summary', 'href'].every((n) => required.includes(n)),
      'score, snippet and identity are required',
    );
    t.notOk(
      BRIEF_ONLY_WITH_FIELDS.some((n) => required.includes(n)),
      'only what a brief leaves out is optional',
    );
  }
});
