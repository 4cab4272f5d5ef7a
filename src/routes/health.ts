import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../http/problems.js';
import { problemResponse } from '../schemas/envelopes.js';

const Health = z
  .object({ status: z.literal('ok') })
  .meta({ id: 'Health', description: 'The process is up and serving.', example: { status: 'ok' } });
const Ready = z
  .object({
    status: z.literal('ready'),
    contentVersion: z.string().describe('Version of the open content store.'),
    builtAt: z.string().describe('When the store was built.'),
  })
  .meta({
    id: 'Ready',
    description: 'The service can answer: its content store and search index are readable.',
    example: { status: 'ready', contentVersion: '6149d7b7b4cb0b21', builtAt: '2026-11-22T20:00:00.000Z' },
  });

/** Liveness and readiness for orchestrators; never cached. */
export default async function healthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['health'],
        summary: 'Liveness',
        description: 'Answers 200 while the process is up and serving.',
        response: { 200: Health },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        tags: ['health'],
        summary: 'Readiness',
        description:
          'Answers 200 with the content version while the service can answer: the store, its search index included, is readable. Answers 503 when the store is damaged or the process is shutting down (so load balancers stop sending traffic before the listener closes).',
        response: { 200: Ready, 503: problemResponse('Not ready: shutting down, or the content store cannot answer.') },
      },
    },
    async (_request, reply) => {
      if (app.lifecycle.draining) {
        reply.header('retry-after', 5);
        throw new HttpProblem(503, 'The server is shutting down.');
      }
      app.checkStore();
      return { status: 'ready' as const, contentVersion: app.content.version, builtAt: app.content.builtAt };
    },
  );
}
