import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import { accepts } from '../../http/accept.js';
import { HttpProblem } from '../../http/problems.js';
import { addVary } from '../../http/vary.js';
import { publicRoutes } from '../../plugins/app/cache-control.js';
import rateLimit from '../../plugins/external/rate-limit.js';
import changeRoutes from './changes.js';
import helpRoutes from './help.js';
import recordRoutes from './records.js';
import searchRoutes from './search.js';
import sourceRoutes from './sources.js';
import topicRoutes from './topics.js';

export interface V1Options {
  config: Config;
}

/** The versioned partner API: JSON only, rate-limited, cacheable, every payload with the disclaimer. */
export default async function v1(app: FastifyInstance, { config }: V1Options) {
  app.addHook('onRequest', (request, reply, done) => {
    // Accept decides between the answer and a 406, so shared caches must key on it.
    addVary(reply, 'accept');
    if (accepts(request.headers.accept, ['application/json'])) return done();
    done(new HttpProblem(406, 'This API answers with application/json only; send Accept: application/json (or omit Accept).'));
  });
  await app.register(rateLimit, { config });
  await app.register(publicRoutes);
  await app.register(topicRoutes);
  await app.register(recordRoutes);
  await app.register(sourceRoutes);
  await app.register(searchRoutes);
  await app.register(helpRoutes);
  await app.register(changeRoutes);
}
