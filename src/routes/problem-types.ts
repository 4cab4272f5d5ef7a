import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PROBLEM_TYPE_NAMES } from '../content/problem-types.js';
import { HTML_TYPE } from '../http/answer.js';
import { HttpProblem } from '../http/problems.js';
import { renderProblemPage } from '../pages/problem-page.js';
import { publicRoutes } from '../plugins/app/cache-control.js';
import { named } from '../snapshot/crisis-notices.js';
import { PAGE_CSP } from '../pages/render.js';

const params = z.strictObject({ name: z.string().max(100) });
const NAMES: readonly string[] = PROBLEM_TYPE_NAMES;

/**
 * The problem type URIs (`/problems/not-found`), each answering a short page for people. Not in
 * the OpenAPI document: the ProblemType enum lists them, and no client needs to call them.
 */
export default async function problemTypeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(publicRoutes);
  app.get('/problems/:name', { schema: { hide: true, params } }, async (request, reply) => {
    const { name } = request.params;
    const known = PROBLEM_TYPE_NAMES.find((n) => n === name);
    if (!known) throw new HttpProblem(404, `There is no problem type "${name.slice(0, 100)}". The problem types are: ${NAMES.join(', ')}.`);
    const notices = { disclaimer: app.content.disclaimer, crisis: app.present.crisis(named(undefined)) };
    return reply.type(HTML_TYPE).header('content-security-policy', PAGE_CSP).send(renderProblemPage(known, notices));
  });
}
