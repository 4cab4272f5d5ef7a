import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendAnswer } from '../../http/answer.js';
import { canonicalUrl } from '../../http/canonical.js';
import { lineOf } from '../../repositories/help-repository.js';
import { problemResponses } from '../../schemas/envelopes.js';
import { HelpAnswer, helpQuery } from '../../schemas/help.js';

export default async function helpRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/help',
    {
      schema: {
        operationId: 'getHelp',
        tags: ['Help in a crisis'],
        summary: 'Help in a crisis, by country',
        description:
          'Tiered help for one country (`region`, ISO 3166-1 alpha-2, any case): the emergency number, crisis lines with the priority line first (the one to show when only one can be shown), and when to see a doctor. Every entry names the official page it was checked against and its review date. Without `region`, or for a country not covered, the international answer: call your local emergency number, and a verified international helpline directory.',
        querystring: helpQuery,
        response: { 200: HelpAnswer, ...problemResponses },
      },
    },
    async (request, reply) =>
      sendAnswer(reply, canonicalUrl('/v1/help', request.query), () => {
        const { region } = request.query;
        const entry = app.help.get(region);
        const shown = entry ?? app.help.international;
        return {
          data: {
            region: region ?? null,
            covered: entry !== undefined,
            name: shown.name,
            emergency: {
              number: shown.emergency.number ?? null,
              text: shown.emergency.text,
              sources: shown.emergency.sources ?? [],
              reviewedAt: shown.emergency.reviewedAt ?? null,
            },
            lines: shown.lines.map(lineOf),
            directory: entry ? null : (shown.directory ?? null),
            doctor: {
              text: app.present.body(`help/${shown.slug}`, shown.doctor.text, 'text'),
              sources: shown.doctor.sources,
              reviewedAt: shown.doctor.reviewedAt,
            },
            regions: app.help.regions(),
            reviewedAt: shown.reviewedAt,
            nextReviewAt: shown.nextReviewAt,
          },
          meta: app.present.meta(region),
          links: { self: canonicalUrl('/v1/help', request.query) },
        };
      }),
  );
}
