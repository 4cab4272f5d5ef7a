import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { answer } from '../../http/answer.js';
import { canonicalUrl } from '../../http/canonical.js';
import { pageLinks } from '../../http/paging.js';
import { hrefOf } from '../../http/present.js';
import { notFound } from '../../http/problems.js';
import { itemEnvelope, itemProblemResponses, pageEnvelope, problemResponses } from '../../schemas/envelopes.js';
import { defaultsOf, slugParams, topicListQuery, topicQuery } from '../../schemas/queries.js';
import { Topic } from '../../schemas/topics.js';

const LIST_DEFAULTS = defaultsOf(topicListQuery);
const ITEM_DEFAULTS = defaultsOf(topicQuery);

export default async function topicRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const listPayload = (query: z.output<typeof topicListQuery>) => {
    const { include, format, limit, offset } = query;
    const all = app.content.listTopics();
    return {
      data: all.slice(offset, offset + limit).map((t) => app.present.topic(t, format, include)),
      meta: { ...app.present.meta(query.region), total: all.length, limit, offset },
      links: pageLinks('/v1/topics', query, LIST_DEFAULTS, all.length, limit, offset),
    };
  };

  const itemPayload = (slug: string, query: z.output<typeof topicQuery>) => {
    const topic = app.content.getTopic(slug);
    if (!topic) throw notFound(`The topic "${slug.slice(0, 100)}"`);
    return {
      data: app.present.topic(topic, query.format, query.include),
      meta: app.present.meta(query.region),
      links: { self: canonicalUrl(hrefOf('topics', slug), query, ITEM_DEFAULTS) },
    };
  };

  app.get(
    '/topics',
    {
      schema: {
        operationId: 'listTopics',
        tags: ['Topics'],
        summary: 'List topics',
        description:
          'The three topics (emotional isolation, withdrawal and detachment) with definitions, comparisons, impacts and counts of their related records. `include` expands related collections in full.',
        querystring: topicListQuery,
        response: { 200: pageEnvelope(Topic, 'A page of topics, with paging links and `meta` (disclaimer, crisis guidance, licence, attribution).'), ...problemResponses },
      },
    },
    async (request, reply) => answer(reply, app.answers, canonicalUrl('/v1/topics', request.query, LIST_DEFAULTS), () => listPayload(request.query)),
  );

  app.get(
    '/topics/:slug',
    {
      schema: {
        operationId: 'getTopic',
        tags: ['Topics'],
        summary: 'Get one topic',
        description:
          'A topic with its summary, definition, key points, how it differs from related topics and concepts, impacts, review dates and sources. Without `include` only counts and links of related collections are returned; `include=signs,strategies,faqs` expands them.',
        params: slugParams,
        querystring: topicQuery,
        response: { 200: itemEnvelope(Topic, 'The topic, with `meta` (disclaimer, crisis guidance, licence, attribution).'), ...itemProblemResponses },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      return answer(reply, app.answers, canonicalUrl(hrefOf('topics', slug), request.query, ITEM_DEFAULTS), () => itemPayload(slug, request.query));
    },
  );

  // Prepared at store open: the topic list and each topic as most clients first ask for them.
  const listDefaults = topicListQuery.parse({});
  const itemDefaults = topicQuery.parse({});
  app.prepareAnswers(() => [
    { key: canonicalUrl('/v1/topics', listDefaults, LIST_DEFAULTS), compute: () => listPayload(listDefaults) },
    ...app.content.listTopics().map((t) => ({ key: canonicalUrl(hrefOf('topics', t.slug), itemDefaults, ITEM_DEFAULTS), compute: () => itemPayload(t.slug, itemDefaults) })),
  ]);
}
