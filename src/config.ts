import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

// Project root: this module runs from src/ (tsx, tests) or bundled into dist/server.mjs.
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

const bool = z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) =>
  z.coerce.number({ error: `must be a whole number from ${min} to ${max}` }).int(`must be a whole number from ${min} to ${max}`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const list = z.string().transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean));

// Partner keys are configured as SHA-256 hashes, never in clear: "name:hexhash,name2:hexhash".
const partnerKeys = list.pipe(
  z.array(
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,40}:[0-9a-f]{64}$/, 'each entry must be name:sha256-hex (64 hex characters)')
      .transform((entry) => {
        const [name, hash] = entry.split(':') as [string, string];
        return { name, hash };
      }),
  ),
);

// TRUST_PROXY: false, true, a hop count, or a comma list of addresses/CIDRs (Fastify's trustProxy).
const trustProxy = z.string().transform((v, ctx): boolean | number | string => {
  if (v === 'false' || v === '') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  if (/^[0-9a-f.:/, ]+$/i.test(v)) return v;
  ctx.addIssue({ code: 'custom', message: 'must be true, false, a hop count or a comma list of IP addresses/CIDRs' });
  return z.NEVER;
});

const envSchema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STORE_PATH: z.string().min(1).default(resolve(PROJECT_ROOT, 'data/content.db')),
  SEED_DIR: z.string().min(1).default(resolve(PROJECT_ROOT, 'seed')),
  MIGRATIONS_DIR: z.string().min(1).default(resolve(PROJECT_ROOT, 'migrations')),
  STORE_AUTO_BUILD: bool.default(true),
  STORE_WATCH: bool.default(true),
  TRUST_PROXY: trustProxy.default(false),
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://content.example.org' })
    .transform((u) => new URL(u).origin)
    .optional(),
  CORS_ORIGINS: list.pipe(z.array(z.union([z.literal('*'), z.url({ error: 'each origin must be * or a URL such as https://app.example' })])).min(1)).default(['*']),
  CACHE_MAX_AGE: int(0, 31_536_000).default(300),
  CACHE_STALE_WHILE_REVALIDATE: int(0, 31_536_000).default(86_400),
  RATE_LIMIT_ENABLED: bool.default(true),
  RATE_LIMIT_MAX: int(1, 1_000_000).default(300),
  RATE_LIMIT_WINDOW_SECONDS: int(1, 86_400).default(60),
  PARTNER_RATE_LIMIT_MAX: int(1, 10_000_000).default(6000),
  PARTNER_KEYS: partnerKeys.default([]),
  REQUEST_TIMEOUT_MS: int(1000, 600_000).default(15_000),
  SHUTDOWN_GRACE_MS: int(0, 600_000).default(10_000),
  MAX_EVENT_LOOP_DELAY_MS: int(0, 60_000).default(1000),
  MAX_HEAP_USED_MB: int(0, 65_536).default(0),
  MAX_RSS_MB: int(0, 65_536).default(0),
});

export type Config = z.output<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const name = String(i.path[0]);
    const value = name.endsWith('KEYS') ? '(hidden)' : JSON.stringify(env[name]);
    return `  ${name}: ${i.message} (got ${value})`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
