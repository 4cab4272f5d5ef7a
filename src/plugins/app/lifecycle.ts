import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    lifecycle: {
      /** True from the shutdown signal on: readiness fails and connections are not kept alive. */
      readonly draining: boolean;
      /** Starts draining (the server calls it on SIGTERM, before any delay and app.close()). */
      drain(): void;
    };
  }
}

/**
 * Shutdown without resets. From the signal on, /readyz answers 503 so the load balancer stops
 * sending new traffic, while every request is still answered normally; each answer carries
 * `Connection: close`, so keep-alive clients reconnect (elsewhere) instead of reusing a
 * connection that is about to go. app.close() then closes idle connections cleanly (Fastify's
 * forceCloseConnections: 'idle') and lets in-flight requests finish.
 */
export default fp(
  async function lifecycle(app: FastifyInstance) {
    let draining = false;
    app.decorate('lifecycle', {
      get draining() {
        return draining;
      },
      drain: () => {
        draining = true;
      },
    });
    app.addHook('preClose', async () => {
      draining = true;
    });
    // A callback hook: it runs for every request.
    app.addHook('onRequest', (_request, reply, done) => {
      if (draining) reply.header('connection', 'close');
      done();
    });
  },
  { name: 'lifecycle' },
);
