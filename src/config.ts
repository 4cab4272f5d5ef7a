import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

// Project root, whether running from src/ (tsx) or dist/src/ (compiled).
const here = fileURLToPath(new URL('.', import.meta.url));
export const PROJECT_ROOT = resolve(here, here.includes('/dist/') ? '../..' : '..');

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STORE_PATH: z.string().min(1).default(resolve(PROJECT_ROOT, 'data/content.db')),
  SEED_DIR: z.string().min(1).default(resolve(PROJECT_ROOT, 'seed')),
  MIGRATIONS_DIR: z.string().min(1).default(resolve(PROJECT_ROOT, 'migrations')),
  STORE_AUTO_BUILD: bool.default(true),
  CACHE_MAX_AGE: z.coerce.number().int().min(0).max(31_536_000).default(300),
  CACHE_STALE_WHILE_REVALIDATE: z.coerce.number().int().min(0).max(31_536_000).default(86_400),
});

export type Config = z.output<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
