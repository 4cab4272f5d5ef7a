import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';

const COMMAND_TIMEOUT_MS = 500;
const CONNECT_WAIT_MS = 2000;
const LOG_EVERY_MS = 10_000;

type Callback = (error: Error | null, result?: unknown) => void;

/**
 * The ioredis client the rate limiter keeps its counters in. It fails fast rather than queueing
 * (no offline queue, a short command timeout), so an outage costs a request a few milliseconds,
 * not its answer: the limiter's skipOnError lets it through. Each such check is counted in
 * metrics and logged (at most every 10 s); ioredis keeps reconnecting in the background.
 */
export async function sharedCounters(app: FastifyInstance, url: string): Promise<Redis> {
  // Loaded only when a Redis URL is configured: most deployments never need it, and evaluating it
  // would add to every cold start.
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_WAIT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let lastLog = 0;
  let failing = false;
  const failed = (error: Error, what: string) => {
    failing = true;
    if (Date.now() - lastLog < LOG_EVERY_MS) return;
    lastLog = Date.now();
    app.log.warn({ err: { message: error.message } }, `${what}: Redis is unreachable; rate limits are not enforced until it is back`);
  };
  client.on('error', (error: Error) => failed(error, 'rate-limit store'));
  client.on('ready', () => {
    if (failing) app.log.info('rate-limit store: Redis is reachable again');
    failing = false;
  });

  // The rate-limit plugin defines its Lua commands on this client; each call's outcome is watched
  // here, where the plugin's own skipOnError would pass over a failure in silence.
  const define = client.defineCommand.bind(client);
  client.defineCommand = (name: string, definition: { lua: string; numberOfKeys?: number }) => {
    define(name, definition);
    const commands = client as unknown as Record<string, (...args: unknown[]) => unknown>;
    const defined = commands[name];
    if (!defined) throw new Error(`ioredis did not define the command "${name}"`);
    const command = defined.bind(client);
    commands[name] = (...args: unknown[]) => {
      const callback = args.at(-1);
      if (typeof callback !== 'function') return command(...args);
      return command(...args.slice(0, -1), ((error, result) => {
        if (error) {
          app.metrics.rateLimitStoreFailure();
          failed(error, 'rate-limit check');
        }
        (callback as Callback)(error, result);
      }) satisfies Callback);
    };
  };

  app.addHook('onClose', async () => {
    client.disconnect();
  });
  // Start with shared counters when Redis is there; start anyway (uncounted) when it is not.
  await new Promise<void>((done) => {
    const timer = setTimeout(done, CONNECT_WAIT_MS);
    const settle = () => {
      clearTimeout(timer);
      client.off('ready', settle).off('error', settle);
      done();
    };
    client.once('ready', settle).once('error', settle);
  });
  return client;
}
