import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { embedAt, oembedFor } from '../embed/oembed.js';
import { HttpProblem } from '../http/problems.js';
import { publicOrigin } from '../http/public-origin.js';
import { Problem } from '../schemas/common.js';
import { OEmbed, oembedQuery } from '../schemas/embeds.js';

export interface OEmbedRoutesOptions {
  cacheControl: string;
  /** Seconds, echoed as `cache_age`: consumers may keep the snippet as long as we cache pages. */
  cacheAge: number;
}

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });

/** oEmbed 1.0 provider (https://oembed.com): lets WordPress-style sites embed from a pasted link. */
export default async function oembedRoutes(fastify: FastifyInstance, opts: OEmbedRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/oembed',
    {
      schema: {
        operationId: 'getOEmbed',
        tags: ['Embeds'],
        summary: 'oEmbed for an embed URL',
        description:
          'The oEmbed 1.0 endpoint for this service\'s embed URLs (`/embed/topics/{slug}?…`, `/embed/list?…`): a `rich` response whose `html` is a sandboxed iframe, sized within `maxwidth` and `maxheight`. Embed pages advertise it with an oEmbed discovery `<link>`.',
        querystring: oembedQuery,
        response: {
          200: { description: 'The oEmbed `rich` response.', content: { 'application/json': { schema: OEmbed } } },
          400: problem('A parameter is invalid (for example `maxwidth` is not a whole number) or `url` is missing.'),
          404: problem('`url` is not an embed URL of this service, or names a topic or record that does not exist.'),
          501: problem('`format=xml`: only JSON is implemented.'),
        },
      },
    },
    async (request, reply) => {
      const { url, format, maxwidth, maxheight } = request.query;
      if (format !== 'json') throw new HttpProblem(501, 'Only format=json is implemented.');
      const origin = publicOrigin(request);
      let target: URL | null = null;
      try {
        target = new URL(url);
      } catch {
        // Not an absolute URL: certainly not one of ours.
      }
      const doc = target && embedAt(app.content, target, origin);
      if (!target || !doc) throw new HttpProblem(404, 'The url is not an embed of this service (or what it names does not exist). Make one with the builder at /embed.');
      reply.header('cache-control', opts.cacheControl);
      return oembedFor(doc, target, origin, { maxwidth, maxheight, cacheAge: opts.cacheAge });
    },
  );
}
