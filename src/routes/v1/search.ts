import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { collectionOfType } from '../../content/types.js';
import { answer } from '../../http/answer.js';
import { canonicalUrl } from '../../http/canonical.js';
import { hrefOf } from '../../http/present.js';
import { invalidParameters } from '../../http/problems.js';
import { pageLinks } from '../../http/paging.js';
import { escapeHtml } from '../../render/escape.js';
import { detectCrisis } from '../../safety/crisis-detection.js';
import { problemResponses } from '../../schemas/envelopes.js';
import { defaultsOf } from '../../schemas/queries.js';
import { SearchResults, searchQuery } from '../../schemas/search.js';
import { checkTopics } from './topic-filter.js';


// The index marks matches with \u0001…\u0002; every other character is escaped, so <mark> is the
// only markup a snippet can hold.
const MARK_START = '\u0001';
const MARK_END = '\u0002';
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
        tags: ['Search'],
        summary: 'Search all content',
        description:
          'Ranked full-text search across topics and every content type (a title match outranks a body match). Understands word forms (journal → journaling), prefixes as you type (mindf), acronyms both ways (CBT ↔ cognitive behavioral therapy) and, when the exact words find little, common misspellings (reported in `meta.correctedQuery`). Filter by `type` and `topic`; page with `limit` and `offset`.',
        querystring: searchQuery,
        response: { 200: SearchResults, ...problemResponses },
      },
    },
    async (request, reply) => answer(reply, app.answers, canonicalUrl('/v1/search', request.query, DEFAULTS), () => {
      const { q, type, topic, limit, offset, region } = request.query;
      checkTopics(app, topic);
      // Checked before the index so that a query with no matching record still carries help.
      const crisis = detectCrisis(q);
      const result = app.searchIndex.search({ q, types: type, topics: topic, limit, offset });
      if (!result) throw invalidParameters([{ in: 'query', name: 'q', detail: 'must contain at least one letter or digit' }]);
      const data = result.rows.map((row) => {
        const record = row.type === 'topic' ? app.content.getTopic(row.slug)! : app.content.get(collectionOfType(row.type)!, row.slug)!;
        const topics = row.type === 'topic' ? [{ slug: row.slug, title: record.title, note: null }] : (record as { topics: { slug: string; title: string; note: string | null }[] }).topics;
        return {
          type: row.type,
          slug: row.slug,
          title: record.title,
          summary: record.summary,
          topics: topics.map((t) => app.present.topicRef(t)),
          score: row.score,
          snippet: snippetHtml(row.snippet),
          href: row.type === 'topic' ? hrefOf('topics', row.slug) : hrefOf(collectionOfType(row.type)!, row.slug),
        };
      });
      return {
        data,
        meta: { ...app.present.meta(region, crisis.detected), total: result.total, limit, offset, query: q, correctedQuery: result.correctedQuery, crisisDetected: crisis.detected, crisisReason: crisis.reason },
        links: pageLinks('/v1/search', request.query, DEFAULTS, result.total, limit, offset),
      };
    }),
  );
}
