import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health', example: { status: 'ok' } });
const Ready = z
  .object({
    status: z.literal('ready'),
    contentVersion: z.string().describe('Version of the open content store.'),
    builtAt: z.string().describe('When the store was built.'),
  })
  .meta({ id: 'Ready', example: { status: 'ready', contentVersion: '6149d7b7b4cb0b21', builtAt: '2026-11-22T20:00:00.000Z' } });

/** Liveness and readiness for orchestrators; never cached. */
export default async function healthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  // Bodies of a few bytes: compressing them is pointless, and skipping the compression hook
  // keeps the first probe after start-up free of its one-off set-up cost.
  app.get(
    '/healthz',
    {
      compress: false,
      schema: {
        operationId: 'getHealth',
        tags: ['Health'],
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
      compress: false,
      schema: {
        operationId: 'getReadiness',
        tags: ['Health'],
        summary: 'Readiness',
        description: 'Answers 200 with the content version once the store is open and queryable.',
        response: { 200: Ready },
      },
    },
    async () => {
      app.store.sqlite.prepare('select 1').get();
      return { status: 'ready' as const, contentVersion: app.content.version, builtAt: app.content.builtAt };
    },
  );
}
