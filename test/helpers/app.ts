import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Registry } from '../../src/content/registry.js';
import { loadConfig } from '../../src/config.js';
import { join } from 'node:path';
import { buildStore } from '../../src/seed/build.js';
import { buildScratchStore, MIGRATIONS_DIR, scratchDir } from './store.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

// Tests share two cores with many other test processes: load shedding and the keyless quota
// would make their answers depend on timing, so tests that exercise them turn them on.
const TEST_DEFAULTS = { MAX_EVENT_LOOP_DELAY_MS: '0', RATE_LIMIT_MAX: '1000000' };

/** The whole app on its own freshly built store; closed when the test ends. */
export async function build(
  t: Teardown,
  env: Record<string, string> = {},
  overrides: Partial<FastifyServerOptions> = {},
): Promise<FastifyInstance> {
  return buildOn(t, buildScratchStore(t), env, overrides);
}

/** The whole app on a store built from `seedDir` (a scratch copy a test has changed). */
export async function buildFromSeed(t: Teardown, seedDir: string, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const storePath = join(scratchDir(t), 'content.db');
  buildStore({ seedDir, migrationsDir: MIGRATIONS_DIR, storePath });
  return buildOn(t, storePath, env);
}

/**
 * The whole app on the store at `storePath`, with the test defaults; closed when the test ends.
 * Every test app is built here, so none can miss the defaults (one that did read load
 * shedding's 503 under CPU load as a reload).
 */
export async function buildOn(
  t: Teardown,
  storePath: string,
  env: Record<string, string> = {},
  overrides: Partial<FastifyServerOptions> = {},
  registry?: Registry,
): Promise<FastifyInstance> {
  const app = await buildApp(
    loadConfig({ STORE_PATH: storePath, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...TEST_DEFAULTS, ...env }),
    overrides,
    registry,
  );
  t.teardown(() => app.close());
  return app;
}
