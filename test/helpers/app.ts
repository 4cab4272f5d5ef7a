import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { buildScratchStore } from './store.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

// Tests share two cores with many other test processes: load shedding and the keyless quota
// would make their answers depend on timing, so tests that exercise them turn them on.
const TEST_DEFAULTS = { MAX_EVENT_LOOP_DELAY_MS: '0', RATE_LIMIT_MAX: '1000000' };

/** The whole app on its own freshly built store; closed when the test ends. */
export async function build(t: Teardown, env: Record<string, string> = {}, overrides: Partial<FastifyServerOptions> = {}): Promise<FastifyInstance> {
  const storePath = buildScratchStore(t);
  const app = await buildApp(loadConfig({ STORE_PATH: storePath, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...TEST_DEFAULTS, ...env }), overrides);
  t.teardown(() => app.close());
  return app;
}
