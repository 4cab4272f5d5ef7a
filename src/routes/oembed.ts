import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { embedAt, oembedFor, oembedXml } from '../embed/oembed.js';
import { HttpProblem } from '../http/problems.js';
import { publicOrigin } from '../http/public-origin.js';
import { publicRoutes } from '../plugins/app/cache-control.js';
import { problemResponse } from '../schemas/envelopes.js';
import { OEmbed, oembedQuery } from '../schemas/embeds.js';

export interface OEmbedRoutesOptions {
  /** Seconds, echoed as `cache_age`: consumers may keep the snippet as long as we cache pages. */
  cacheAge: number;
}

const OEmbedXml = z.string().meta({
  example:
    '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>\n  <version>1.0</version>\n  <type>rich</type>\n  <html>&lt;iframe src=&quot;https://api.example.org/embed/topics/emotional-withdrawal&quot; …&gt;&lt;/iframe&gt;</html>\n  <width>600</width>\n  <height>900</height>\n  <title>Emotional withdrawal</title>\n  <provider_name>Emotional Connection Content API</provider_name>\n  <provider_url>https://api.example.org/</provider_url>\n  <cache_age>300</cache_age>\n</oembed>\n',
});

/** oEmbed 1.0 provider (https://oembed.com): lets WordPress-style sites embed from a pasted link. */
export default async function oembedRoutes(fastify: FastifyInstance, opts: OEmbedRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(publicRoutes);

  app.get(
    '/oembed',
    {
      schema: {
        operationId: 'getOEmbed',
        tags: ['embeds'],
        summary: 'oEmbed for an embed URL',
        description:
          "The oEmbed 1.0 endpoint for this service's embed URLs (`/embed/topics/{slug}?…`, `/embed/list?…`): a `rich` response whose `html` is a sandboxed iframe, sized within `maxwidth` and `maxheight`. Embed pages advertise it with an oEmbed discovery `<link>`.",
        querystring: oembedQuery,
        response: {
          200: {
            description: 'The oEmbed `rich` response, as JSON or (with `format=xml`) as XML.',
            content: { 'application/json': { schema: OEmbed }, 'text/xml': { schema: OEmbedXml } },
          },
          400: problemResponse('A parameter is invalid (for example `maxwidth` is not a whole number) or `url` is missing.'),
          404: problemResponse('`url` is not an embed URL of this service, or names a topic or record that does not exist.'),
        },
      },
    },
    async (request, reply) => {
      const { url, format, maxwidth, maxheight } = request.query;
      const origin = publicOrigin(request, reply);
      let target: URL | null = null;
      try {
        target = new URL(url);
      } catch {
        // Not an absolute URL: certainly not one of ours.
      }
      const doc = target && embedAt(app.content, target, origin);
      if (!target || !doc)
        throw new HttpProblem(
          404,
          'The url is not an embed of this service (or what it names does not exist). Make one with the builder at /embed.',
        );
      const response = oembedFor(doc, target, origin, { maxwidth, maxheight, cacheAge: opts.cacheAge });
      if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(oembedXml(response));
      return response;
    },
  );
}
