import t from 'tap';
import { ConfigError, loadConfig } from '../src/config.js';

t.test('defaults are documented values', async (t) => {
  const config = loadConfig({});
  t.match(config, {
    PORT: 3000,
    HOST: '0.0.0.0',
    LOG_LEVEL: 'info',
    STORE_AUTO_BUILD: true,
    TRUST_PROXY: false,
    CORS_ORIGINS: ['*'],
    RATE_LIMIT_ENABLED: true,
    RATE_LIMIT_MAX: 300,
    RATE_LIMIT_WINDOW_SECONDS: 60,
    PARTNER_KEYS: [],
  });
  t.match(config.STORE_PATH, /data\/content\.db$/);
});

t.test('values are parsed into their types', async (t) => {
  const hash = 'a'.repeat(64);
  const config = loadConfig({
    PORT: '8080',
    STORE_AUTO_BUILD: 'false',
    TRUST_PROXY: '2',
    CORS_ORIGINS: 'https://a.example, https://b.example',
    PARTNER_KEYS: `acme:${hash},beta-app:${'b'.repeat(64)}:uk,gamma:${'c'.repeat(64)}:NZ`,
  });
  t.equal(config.PORT, 8080);
  t.equal(config.STORE_AUTO_BUILD, false);
  t.type(config.TRUST_PROXY, 'function', 'a hop count becomes proxy-addr hop trust');
  t.same(config.CORS_ORIGINS, ['https://a.example', 'https://b.example']);
  t.same(config.PARTNER_KEYS, [
    { name: 'acme', hash, region: undefined },
    { name: 'beta-app', hash: 'b'.repeat(64), region: 'GB' },
    { name: 'gamma', hash: 'c'.repeat(64), region: 'NZ' },
  ]);
  t.equal(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY, true);
  t.equal(loadConfig({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).TRUST_PROXY, '10.0.0.0/8,127.0.0.1');
});

const bad: [Record<string, string>, RegExp][] = [
  [{ PORT: '70000' }, /PORT: must be at most 65535 \(got "70000"\)/],
  [{ PORT: 'http' }, /PORT: must be a whole number/],
  [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL: .*\(got "loud"\)/],
  [{ STORE_AUTO_BUILD: 'yes' }, /STORE_AUTO_BUILD: must be true or false/],
  [{ TRUST_PROXY: 'everyone' }, /TRUST_PROXY: must be true, false, a hop count/],
  [{ CORS_ORIGINS: 'not a url' }, /CORS_ORIGINS: each origin must be \* or a URL/],
  [{ RATE_LIMIT_MAX: '0' }, /RATE_LIMIT_MAX: must be at least 1/],
  [{ PARTNER_KEYS: 'acme:plaintext-key' }, /PARTNER_KEYS: each entry must be name:sha256-hex .*\(got \(hidden\)\)/],
  [{ PARTNER_KEYS: `acme:${'a'.repeat(64)}:ZZ` }, /PARTNER_KEYS: "ZZ" is not a country code/],
  [{ REQUEST_TIMEOUT_MS: '5' }, /REQUEST_TIMEOUT_MS: must be at least 1000/],
  [{ SHUTDOWN_DRAIN_MS: 'soon' }, /SHUTDOWN_DRAIN_MS: must be a whole number/],
  [{ REDIS_URL: 'http://user:secret@cache:6379' }, /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL \(got \(hidden\)\)/],
  [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN: must be at least 16 characters \(got \(hidden\)\)/],
];
for (const [env, message] of bad) {
  t.test(`rejects ${JSON.stringify(env)}`, async (t) => {
    t.throws(() => loadConfig(env), ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      t.match((error as Error).message, message);
    }
  });
}

t.test('partner keys are never echoed in errors', async (t) => {
  try {
    loadConfig({ PARTNER_KEYS: 'acme:my-real-secret' });
    t.fail('should throw');
  } catch (error) {
    t.notMatch((error as Error).message, /my-real-secret/);
  }
});

t.test('PUBLIC_BASE_URL is reduced to its origin and must be http(s)', async (t) => {
  t.equal(loadConfig({ PUBLIC_BASE_URL: 'https://content.example.org/api/' }).PUBLIC_BASE_URL, 'https://content.example.org');
  t.throws(() => loadConfig({ PUBLIC_BASE_URL: 'ftp://x.example' }), /PUBLIC_BASE_URL: must be an http\(s\) URL/);
  t.throws(() => loadConfig({ PUBLIC_BASE_URL: 'content.example.org' }), /PUBLIC_BASE_URL/);
});
