import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { collectionOfType } from '../../content/types.js';
import { sendAnswer } from '../../http/answer.js';
import { canonicalUrl } from '../../http/canonical.js';
import { Extended, type Item, type Presented } from '../../snapshot/json.js';
import { type Brief, withFields } from '../../snapshot/presenter.js';
import { invalidParameters } from '../../http/problems.js';
import { pageAnswer } from '../../http/paging.js';
import { escapeHtml } from '../../render/escape.js';
import type { ContentRecord, Topic } from '../../repositories/content-repository.js';
import { detectCrisis } from '../../safety/crisis-detection.js';
import type { BodyFormat } from '../../render/markdown.js';
import { MARK_END, MARK_START } from '../../search/snippet.js';
import { problemResponses } from '../../schemas/envelopes.js';
import { defaultsOf } from '../../schemas/queries.js';
import { SearchResults, searchQuery } from '../../schemas/search.js';
import { named } from '../../snapshot/crisis-notices.js';

// The search marks matches with \u0001…\u0002; every other character is escaped, so <mark> is the
// only markup a snippet can hold.
function snippetHtml(raw: string): string {
  return raw
    .split(MARK_START)
    .map((segment, i) => {
      const end = segment.indexOf(MARK_END);
      if (i === 0 || end < 0) return escapeHtml(segment.replaceAll(MARK_END, ''));
      return `<mark>${escapeHtml(segment.slice(0, end))}</mark>${escapeHtml(segment.slice(end + 1).replaceAll(MARK_END, ''))}`;
    })
    .join('');
}

const DEFAULTS = defaultsOf(searchQuery);

export default async function searchRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/search',
    {
      schema: {
        operationId: 'search',
        tags: ['search'],
        summary: 'Search all content',
        description:
          'Ranked search across topics and every content type, for questions and everyday phrases as well as keywords: stop words are ignored, records matching more of the meaningful words rank first, and a title match weighs more without trumping everything. Understands word forms (journal → journaling, anxious → anxiety), everyday and clinical names for the same experience (numb ↔ emotional blunting, husband → partner), acronyms both ways (CBT ↔ cognitive behavioral therapy), prefixes as you type (mindf) and common misspellings (reported in `meta.correctedQuery`). Each hit is its record as its collection returns it (type-specific fields included) plus `score` and a `snippet` of its own text, without its `body`, `sources` and `relatedRecords` unless `fields` asks for them (the body then in the requested `format`); `fields` trims hits to the fields named. Filter by `type` and `topic`; page with `limit` and `offset`.',
        querystring: searchQuery,
        response: { 200: SearchResults, ...problemResponses },
      },
    },
    async (request, reply) =>
      sendAnswer(reply, canonicalUrl('/v1/search', request.query, DEFAULTS), () => {
        const { q, type, topic, fields, format, limit, offset, region } = request.query;
        // Checked before the index so that a query with no matching record still carries help.
        const crisis = detectCrisis(q);
        const result = app.searchIndex.search({ q, types: type, topics: topic, limit, offset });
        if (!result) throw invalidParameters([{ in: 'query', name: 'q', detail: 'must contain at least one letter or digit' }]);
        // Hits are records as their collections present them, trimmed to a sparse fieldset (the
        // schema's hit shapes with only the named fields, which the types cannot say). Without
        // `fields`, a hit is its record's presented brief plus its score and snippet, and only
        // those two are serialised (snapshot/json.ts).
        const data = result.rows.map((row) => {
          const found = { score: row.score, snippet: snippetHtml(row.snippet) };
          if (fields) return withFields({ ...present(app, row.type, row.slug, format).value, ...found }, fields);
          return new Extended(brief(app, row.type, row.slug), found);
        }) as Item<z.input<typeof SearchResults>['data'][number]>[];
        const regionChoice = request.region ?? named(region);
        const suggestions = result.suggestions && {
          reason: result.suggestions.reason,
          topics: result.suggestions.topics.map((slug) => {
            const { title, href } = app.present.topicRef({ slug, title: topicOf(app, slug).title, note: null });
            return { slug, title, href };
          }),
          help: app.present.crisis(regionChoice).help,
        };
        return pageAnswer(
          '/v1/search',
          request.query,
          DEFAULTS,
          { data, total: result.total },
          app.present.meta(regionChoice, crisis.detected),
          {
            query: q,
            correctedQuery: result.correctedQuery,
            crisisDetected: crisis.detected,
            crisisReason: crisis.reason,
            intent: result.intent,
            suggestions,
          },
        );
      }),
  );
}

/** The record as a results list shows it (a brief: see briefOf); a topic likewise. */
function brief(app: FastifyInstance, type: string, slug: string): Presented<Brief> {
  if (type === 'topic') return app.present.topicBrief(topicOf(app, slug));
  return app.present.brief(recordOf(app, type, slug));
}

/** The record as its own collection presents it; a topic without its related collections. */
function present(app: FastifyInstance, type: string, slug: string, format: BodyFormat): Presented<Record<string, unknown>> {
  if (type === 'topic') return app.present.topicHit(topicOf(app, slug), format);
  return app.present.record(recordOf(app, type, slug), format);
}

function topicOf(app: FastifyInstance, slug: string): Topic {
  const topic = app.content.getTopic(slug);
  if (!topic) throw unindexed('topic', slug);
  return topic;
}

function recordOf(app: FastifyInstance, type: string, slug: string): ContentRecord {
  const collection = collectionOfType(type);
  const record = collection && app.content.get(collection, slug);
  if (!record) throw unindexed(type, slug);
  return record;
}

// The index is built from the same store it is read with, so a hit always has its record.
const unindexed = (type: string, slug: string) =>
  new Error(`The search index found ${type} "${slug}", which the content store does not have.`);
