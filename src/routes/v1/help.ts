import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendAnswer } from '../../http/answer.js';
import { canonicalUrl } from '../../http/canonical.js';
import type { HelpService } from '../../repositories/help-repository.js';
import { lineOf, named } from '../../snapshot/crisis-notices.js';
import { problemResponses } from '../../schemas/envelopes.js';
import { HelpAnswer, helpQuery } from '../../schemas/help.js';

export default async function helpRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/help',
    {
      schema: {
        operationId: 'getHelp',
        tags: ['help'],
        summary: 'Help in a crisis, by country',
        description:
          'Tiered help for one country: the emergency number, crisis lines with the priority line first (the one to show when only one can be shown), other support by kind (domestic abuse, child protection, talking therapy), and when to see a doctor. Every entry names the official page it was checked against and its review date. The country is `region` (an ISO 3166-1 alpha-2 code or a well-known name: `GB`, `UK`), else the default region of the partner key sent, else the region of `Accept-Language` (`en-GB`); without any, or for a country not covered, the international answer: call your local emergency number, and a verified international helpline directory. An invalid `region` is a 400 that still carries the international help.',
        querystring: helpQuery,
        response: { 200: HelpAnswer, ...problemResponses },
      },
    },
    async (request, reply) =>
      sendAnswer(reply, canonicalUrl('/v1/help', request.query), () => {
        const chosen = request.region ?? named(request.query.region);
        const region = chosen.code;
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
            services: shown.services.map(serviceOf),
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
          meta: app.present.meta(chosen),
          links: { self: canonicalUrl('/v1/help', request.query) },
        };
      }),
  );
}

/** One support service as the API shows it, missing contact ways as null. */
const serviceOf = (s: HelpService) => ({
  kind: s.kind,
  name: s.name,
  phone: s.phone ?? null,
  text: s.text ?? null,
  chat: s.chat ?? null,
  web: s.web ?? null,
  hours: s.hours ?? null,
  areas: s.areas ?? null,
  cost: s.cost ?? null,
  audience: s.audience,
  sources: s.sources,
  reviewedAt: s.reviewedAt,
});
