import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { buildScratchStore } from './store.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

/** The whole app on its own freshly built store; closed when the test ends. */
export async function build(t: Teardown, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const storePath = buildScratchStore(t);
  const app = await buildApp(loadConfig({ STORE_PATH: storePath, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env }));
  t.teardown(() => app.close());
  return app;
}
