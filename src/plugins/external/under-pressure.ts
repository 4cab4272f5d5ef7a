import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.js';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../../http/problems.js';

const RETRY_AFTER_SECONDS = 10;

// Sheds load with 503 + Retry-After when the event loop or memory is overloaded, instead of
// answering everyone slowly or falling over. Liveness (/healthz) is never shed, so an orchestrator
// does not restart a process that is merely busy; nor is /metrics, which shows why.
export default fp<{ config: Config }>(
  async function underPressurePlugin(app: FastifyInstance, { config }) {
    await app.register(underPressure, {
      maxEventLoopDelay: config.MAX_EVENT_LOOP_DELAY_MS,
      maxHeapUsedBytes: config.MAX_HEAP_USED_MB * 1024 * 1024,
      maxRssBytes: config.MAX_RSS_MB * 1024 * 1024,
      retryAfter: RETRY_AFTER_SECONDS,
      // A returned payload is sent as the response (the plugin's typings say void, its code sends it).
      pressureHandler: ((request: FastifyRequest, reply: FastifyReply, type: string) => {
        // Liveness, and the metrics that show the overload, are never shed (by the matched route).
        const route = request.routeOptions.url;
        if (route === '/healthz' || route === '/metrics') return undefined;
        reply.code(503).header('retry-after', RETRY_AFTER_SECONDS).header('content-type', PROBLEM_CONTENT_TYPE);
        return JSON.stringify(
          problemBody(503, `The service is overloaded (${type}); please retry in ${RETRY_AFTER_SECONDS} s.`, request.url.slice(0, 2048)),
        );
      }) as never,
    });
  },
  { name: 'under-pressure' },
);
