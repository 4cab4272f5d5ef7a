import type { FastifyInstance } from 'fastify';
import { accepts } from '../../http/accept.js';
import { cacheRoutes } from '../../plugins/app/response-cache.js';
import { HttpProblem } from '../../http/problems.js';
import helpRoutes from './help.js';
import recordRoutes from './records.js';
import searchRoutes from './search.js';
import sourceRoutes from './sources.js';
import topicRoutes from './topics.js';

export interface V1Options {
  cacheControl: string;
}

/** The versioned partner API: JSON only, cacheable, every payload with the disclaimer. */
export default async function v1(app: FastifyInstance, opts: V1Options) {
  app.addHook('onRequest', async (request) => {
    if (!accepts(request.headers.accept, ['application/json'])) {
      throw new HttpProblem(406, 'This API answers with application/json only; send Accept: application/json (or omit Accept).');
    }
  });
  app.addHook('onSend', async (request, reply) => {
    if (reply.statusCode < 400) reply.header('cache-control', opts.cacheControl);
  });
  await app.register(cacheRoutes);
  await app.register(topicRoutes);
  await app.register(recordRoutes);
  await app.register(sourceRoutes);
  await app.register(searchRoutes);
  await app.register(helpRoutes);
}
