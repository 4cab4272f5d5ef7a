import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { regionCodeOf } from './content/regions.js';

// Project root: this module runs from src/ (tsx, tests) or bundled into dist/server.mjs.
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

const bool = z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const list = z.string().transform((s) =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
);

// Partner keys are configured as SHA-256 hashes, never in clear: "name:hexhash,name2:hexhash:GB".
// The optional third part is where the partner's readers are (an ISO 3166-1 alpha-2 code or a
// well-known alias such as UK): their answers carry that region's crisis lines by default.
const partnerKeys = list.pipe(
  z.array(
    z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9_-]{0,40}:[0-9a-f]{64}(:[A-Za-z]{2,3})?$/,
        'each entry must be name:sha256-hex (64 hex characters), optionally followed by :REGION (GB, US …)',
      )
      .transform((entry, ctx) => {
        const [name, hash, given] = entry.split(':') as [string, string, string | undefined];
        const region = given === undefined ? undefined : regionCodeOf(given);
        if (given !== undefined && region === undefined) {
          ctx.addIssue({ code: 'custom', message: `"${given}" is not a country code (GB, US, IE …)` });
          return z.NEVER;
        }
        return { name, hash, region };
      }),
  ),
);

// TRUST_PROXY: exactly what Fastify can honour. A hop count becomes a function, because Fastify 5
// treats a bare number as "trust no proxy"; addresses/CIDRs are checked here so a typo stops
// start-up instead of silently trusting nothing.
export type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const proxyEntry = (entry: string): boolean => {
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length > 0 || !address) return false;
  if (['loopback', 'linklocal', 'uniquelocal'].includes(address) && bits === undefined) return true;
  const v4 = IPV4.test(address);
  const v6 = !v4 && /^[0-9a-f:.]+$/i.test(address) && address.includes(':') && URL.canParse(`http://[${address}]/`);
  if (!v4 && !v6) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (v4 ? 32 : 128);
};
const trustProxy = z.string().transform((v, ctx): TrustProxy => {
  const value = v.trim();
  if (value === 'false' || value === '' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d{1,2}$/.test(value)) {
    const hops = Number(value);
    // proxy-addr semantics: trust the socket peer and the next hops-1 entries of X-Forwarded-For.
    return (_address: string, hop: number) => hop < hops;
  }
  const entries = value.split(',').map((e) => e.trim());
  if (entries.every(proxyEntry)) return entries.join(',');
  ctx.addIssue({
    code: 'custom',
    message: 'must be true, false, a hop count (1-99) or a comma list of IP addresses/CIDRs (or loopback, linklocal, uniquelocal)',
  });
  return z.NEVER;
});

// CDS_HOOKS_ISSUERS: the CDS clients (EHRs) trusted to call the CDS Hooks service, as
// "issuer=jwksUrl" pairs, comma-separated: the JWT's `iss` and where its public keys are. A key set
// is fetched over https; plain http only from this machine (a test's key server).
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const cdsIssuer = z.string().transform((entry, ctx) => {
  const at = entry.search(/=https?:\/\//);
  const issuer = at > 0 ? entry.slice(0, at) : '';
  const jwksUrl = at > 0 ? entry.slice(at + 1) : '';
  const jwks = URL.canParse(jwksUrl) ? new URL(jwksUrl) : undefined;
  if (!issuer || !jwks || (jwks.protocol !== 'https:' && !LOOPBACK.has(jwks.hostname))) {
    ctx.addIssue({ code: 'custom', message: 'each entry must be issuer=https-url-of-its-JWK-Set (comma-separated)' });
    return z.NEVER;
  }
  return { issuer, jwksUrl };
});
export type CdsIssuer = z.output<typeof cdsIssuer>;

const envSchema = z
  .object({
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
    CORS_ORIGINS: list
      .pipe(z.array(z.union([z.literal('*'), z.url({ error: 'each origin must be * or a URL such as https://app.example' })])).min(1))
      .default(['*']),
    CACHE_MAX_AGE: int(0, 31_536_000).default(300),
    CACHE_STALE_WHILE_REVALIDATE: int(0, 31_536_000).default(86_400),
    // Answers to open-ended requests (searches, filter and paging combinations) kept in memory,
    // keys and compressed forms included. Finite answers are kept apart, whatever this is.
    ANSWER_CACHE_MB: int(1, 1024).default(8),
    RATE_LIMIT_ENABLED: bool.default(true),
    RATE_LIMIT_MAX: int(1, 1_000_000).default(300),
    RATE_LIMIT_WINDOW_SECONDS: int(1, 86_400).default(60),
    PARTNER_RATE_LIMIT_MAX: int(1, 10_000_000).default(6000),
    PARTNER_KEYS: partnerKeys.default([]),
    REQUEST_TIMEOUT_MS: int(1000, 600_000).default(15_000),
    SHUTDOWN_GRACE_MS: int(0, 600_000).default(10_000),
    SHUTDOWN_DRAIN_MS: int(0, 600_000).default(0),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    MAX_EVENT_LOOP_DELAY_MS: int(0, 60_000).default(1000),
    MAX_HEAP_USED_MB: int(0, 65_536).default(0),
    MAX_RSS_MB: int(0, 65_536).default(0),
    CDS_HOOKS_ISSUERS: list.pipe(z.array(cdsIssuer)).default([]),
  })
  .superRefine((env, ctx) => {
    // A CDS client's JWT names the service URL it meant in `aud`; it is checked against this origin,
    // never against a Host header a caller chose.
    if (env.CDS_HOOKS_ISSUERS.length > 0 && !env.PUBLIC_BASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['CDS_HOOKS_ISSUERS'],
        message: 'needs PUBLIC_BASE_URL, the origin the JWT audience is checked against',
      });
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
    const value = name.endsWith('KEYS') || name.endsWith('TOKEN') || name === 'REDIS_URL' ? '(hidden)' : JSON.stringify(env[name]);
    return `  ${name}: ${i.message} (got ${value})`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
