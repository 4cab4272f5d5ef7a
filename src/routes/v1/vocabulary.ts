import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CONTENT_TYPES } from '../../content/types.js';
import { FACET_LABELS } from '../../content/vocabulary.js';
import { sendAnswer } from '../../http/answer.js';
import { canonicalUrl } from '../../http/canonical.js';
import { problemResponses } from '../../schemas/envelopes.js';
import { VocabularyAnswer, vocabularyQuery } from '../../schemas/vocabulary.js';
import { named } from '../../snapshot/crisis-notices.js';

// Labels are code, not content: the same for every store, so the answer is built from the tables.
const VOCABULARY = {
  types: CONTENT_TYPES.map(({ type, collection, label, itemLabel }) => ({ type, collection, label, itemLabel })),
  facets: Object.entries(FACET_LABELS).flatMap(([collection, facets]) =>
    Object.entries(facets).map(([parameter, labels]) => ({
      collection,
      parameter,
      values: Object.entries(labels as Record<string, string>).map(([value, label]) => ({ value, label })),
    })),
  ),
};

export default async function vocabularyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/vocabulary',
    {
      schema: {
        operationId: 'getVocabulary',
        tags: ['vocabulary'],
        summary: 'Labels for types and facet values',
        description:
          'Display labels for every record type and every value of the filterable facets (`kind`, `setting`, `category`, `area`), by collection: show `label` where a record or filter would otherwise show a raw value such as `relapse-prevention`. The embeds use the same labels.',
        querystring: vocabularyQuery,
        response: { 200: VocabularyAnswer, ...problemResponses },
      },
    },
    async (request, reply) =>
      sendAnswer(reply, canonicalUrl('/v1/vocabulary', request.query), () => ({
        data: VOCABULARY,
        meta: app.present.meta(request.region ?? named(request.query.region)),
        links: { self: canonicalUrl('/v1/vocabulary', request.query) },
      })),
  );
}
