import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { hrefOf, pagePathOf } from '../../content/paths.js';
import { JSON_LD_MEDIA, JSON_OR_LD, sendAnswer, sendJsonLd } from '../../http/answer.js';
import { canonicalUrl } from '../../http/canonical.js';
import { pageAnswer } from '../../http/paging.js';
import { sparse } from './sparse-fields.js';
import { missing } from '../../http/successor.js';
import { itemEnvelope, itemProblemResponses, pageEnvelope, problemResponses } from '../../schemas/envelopes.js';
import { defaultsOf, slugParams, topicListQuery, topicQuery } from '../../schemas/queries.js';
import { topicJsonLd } from '../../snapshot/jsonld.js';
import { Topic } from '../../schemas/topics.js';
import { named, type RegionChoice } from '../../snapshot/crisis-notices.js';

const LIST_DEFAULTS = defaultsOf(topicListQuery);
const ITEM_DEFAULTS = defaultsOf(topicQuery);

export default async function topicRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const listPayload = (query: z.output<typeof topicListQuery>, region: RegionChoice = named(query.region)) => {
    const { include, format, fields, limit, offset } = query;
    const all = app.content.listTopics();
    const data = all.slice(offset, offset + limit).map((t) => sparse(app.present.topic(t, format, include), fields));
    return pageAnswer('/v1/topics', query, LIST_DEFAULTS, { data, total: all.length }, app.present.meta(region));
  };

  const find = (slug: string, query: z.output<typeof topicQuery>) => {
    const topic = app.content.getTopic(slug);
    if (!topic)
      throw missing(`The topic "${slug.slice(0, 100)}"`, app.changes.fate('topic', slug), (to) =>
        canonicalUrl(hrefOf('topics', to), query, ITEM_DEFAULTS),
      );
    return topic;
  };

  const itemPayload = (slug: string, query: z.output<typeof topicQuery>, region: RegionChoice = named(query.region)) => ({
    data: sparse(app.present.topic(find(slug, query), query.format, query.include), query.fields),
    meta: app.present.meta(region),
    links: {
      self: canonicalUrl(hrefOf('topics', slug), query, ITEM_DEFAULTS),
      html: canonicalUrl(pagePathOf('topics', slug), { region: query.region }),
    },
  });

  app.get(
    '/topics',
    {
      schema: {
        operationId: 'listTopics',
        tags: ['topics'],
        summary: 'List topics',
        description:
          'The three topics (emotional isolation, withdrawal and detachment) with definitions, comparisons, impacts and counts of their related records. `include` expands related collections; `fields` trims each topic to the fields named.',
        querystring: topicListQuery,
        response: {
          200: pageEnvelope(Topic, 'A page of topics, with paging links and `meta` (disclaimer, crisis guidance, licence, attribution).'),
          ...problemResponses,
        },
      },
    },
    async (request, reply) =>
      sendAnswer(reply, canonicalUrl('/v1/topics', request.query, LIST_DEFAULTS), () =>
        listPayload(request.query, request.region ?? undefined),
      ),
  );

  app.get(
    '/topics/:slug',
    {
      schema: {
        operationId: 'getTopic',
        tags: ['topics'],
        summary: 'Get one topic',
        description:
          "A topic with its summary, definition, key points, how it differs from related topics and concepts, impacts, review dates and sources. Without `include` only counts and links of related collections are returned; `include=signs,strategies,faqs` expands them (then `related.<collection>.items` is present for each collection named). `fields` trims the topic to the fields named. `links.html` is its page for people; with `Accept: application/ld+json` the answer is the schema.org JSON-LD of that page instead. A renamed topic's old slug answers 301 to the new one (410 after its Sunset date); a removed topic's answers 410.",
        params: slugParams('emotional-withdrawal'),
        querystring: topicQuery,
        produces: JSON_OR_LD,
        response: {
          200: itemEnvelope(Topic, 'The topic, with `meta` (disclaimer, crisis guidance, licence, attribution).'),
          ...itemProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      // The JSON-LD describes the topic's page, whatever `include`, format or region the query names.
      if (request.representation === JSON_LD_MEDIA)
        return sendJsonLd(request, reply, hrefOf('topics', slug), (origin) =>
          topicJsonLd(find(slug, request.query), app.present.jsonLd(origin)),
        );
      return sendAnswer(reply, canonicalUrl(hrefOf('topics', slug), request.query, ITEM_DEFAULTS), () =>
        itemPayload(slug, request.query, request.region ?? undefined),
      );
    },
  );

  // Prepared at store open: the topic list and each topic as most clients first ask for them.
  const listDefaults = topicListQuery.parse({});
  const itemDefaults = topicQuery.parse({});
  app.prepareAnswers(() => [
    { key: canonicalUrl('/v1/topics', listDefaults, LIST_DEFAULTS), compute: () => listPayload(listDefaults) },
    ...app.content.listTopics().map((t) => ({
      key: canonicalUrl(hrefOf('topics', t.slug), itemDefaults, ITEM_DEFAULTS),
      compute: () => itemPayload(t.slug, itemDefaults),
    })),
  ]);
}
