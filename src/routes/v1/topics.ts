import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../../http/problems.js';
import { pageLinks } from '../../http/paging.js';
import { itemEnvelope, pageEnvelope, problemResponses } from '../../schemas/envelopes.js';
import { slugParams, topicListQuery, topicQuery } from '../../schemas/queries.js';
import { Topic } from '../../schemas/topics.js';

export default async function topicRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

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
        response: { 200: pageEnvelope(Topic), ...problemResponses() },
      },
    },
    async (request) => {
      const { include, format, limit, offset, region } = request.query;
      const all = app.content.listTopics();
      return {
        data: all.slice(offset, offset + limit).map((t) => app.present.topic(t, format, include)),
        meta: { ...app.present.meta(region), total: all.length, limit, offset },
        links: pageLinks(request.url, all.length, limit, offset),
      } as never;
    },
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
        response: { 200: itemEnvelope(Topic), ...problemResponses({ notFound: true }) },
      },
    },
    async (request) => {
      const topic = app.content.getTopic(request.params.slug);
      if (!topic) throw notFound(`The topic "${request.params.slug.slice(0, 100)}"`);
      return {
        data: app.present.topic(topic, request.query.format, request.query.include),
        meta: app.present.meta(request.query.region),
        links: { self: request.url },
      } as never;
    },
  );
}
