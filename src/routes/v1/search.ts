import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { sendAnswer } from '../../http/answer.js';
import { canonicalUrl } from '../../http/canonical.js';
import { Extended, type Item, type Presented } from '../../snapshot/json.js';
import { type Brief, withFields } from '../../snapshot/presenter.js';
import { invalidParameters } from '../../http/problems.js';
import { pageAnswer } from '../../http/paging.js';
import type { ContentRecord, Topic } from '../../repositories/content-repository.js';
import type { BodyFormat } from '../../render/markdown.js';
import { snippetHtml } from '../../search/snippet.js';
import { problemResponses } from '../../schemas/envelopes.js';
import { defaultsOf } from '../../schemas/queries.js';
import { SearchResults, searchQuery } from '../../schemas/search.js';
import { named } from '../../snapshot/crisis-notices.js';
import { answerSearch } from '../../snapshot/search-answer.js';

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
        const answer = answerSearch({ search: app.searchIndex, content: app.content }, { q, types: type, topics: topic, limit, offset });
        if (!answer) throw invalidParameters([{ in: 'query', name: 'q', detail: 'must contain at least one letter or digit' }]);
        // Hits are records as their collections present them, trimmed to a sparse fieldset (the
        // schema's hit shapes with only the named fields, which the types cannot say). Without
        // `fields`, a hit is its record's presented brief plus its score and snippet, and only
        // those two are serialised (snapshot/json.ts).
        const data = answer.hits.map((hit) => {
          const found = { score: hit.score, snippet: snippetHtml(hit.snippet) };
          if (fields) return withFields({ ...present(app, hit.item, format).value, ...found }, fields);
          return new Extended(brief(app, hit.item), found);
        }) as Item<z.input<typeof SearchResults>['data'][number]>[];
        const regionChoice = request.region ?? named(region);
        const suggestions = answer.suggestions && {
          reason: answer.suggestions.reason,
          topics: answer.suggestions.topics.map(({ slug, title }) => {
            const { href } = app.present.topicRef({ slug, title, note: null });
            return { slug, title, href };
          }),
          help: app.present.crisis(regionChoice).help,
        };
        return pageAnswer(
          '/v1/search',
          request.query,
          DEFAULTS,
          { data, total: answer.total },
          app.present.meta(regionChoice, answer.crisis.detected),
          {
            query: q,
            correctedQuery: answer.correctedQuery,
            crisisDetected: answer.crisis.detected,
            crisisReason: answer.crisis.reason,
            intent: answer.intent,
            suggestions,
          },
        );
      }),
  );
}

/** The record as a results list shows it (a brief: see briefOf); a topic likewise. */
function brief(app: FastifyInstance, item: Topic | ContentRecord): Presented<Brief> {
  return item.type === 'topic' ? app.present.topicBrief(item) : app.present.brief(item);
}

/** The record as its own collection presents it; a topic without its related collections. */
function present(app: FastifyInstance, item: Topic | ContentRecord, format: BodyFormat): Presented<Record<string, unknown>> {
  return item.type === 'topic' ? app.present.topicHit(item, format) : app.present.record(item, format);
}
