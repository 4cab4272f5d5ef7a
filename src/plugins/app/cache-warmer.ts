import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { CONTENT_TYPES } from '../../content/types.js';
import { hrefOf } from '../../http/present.js';

/**
 * The store is read-only, so the answers most clients ask for first — topics, collection
 * pages, every record — can be prepared as soon as a store is opened instead of on each URL's
 * first request. Once the server listens, and again after each swap to a new store, this asks
 * the app itself for those URLs in the background (one per turn of the event loop, so real
 * requests are never held up); the response cache keeps the answers as it does any other.
 */

const START_DELAY_MS = 100;

/** The socket address of warm-up requests: no real connection can have it. */
const WARMER_ADDRESS = 'cache-warmer';

/** True for the app's own warm-up requests, which are neither rate-limited nor logged. */
export const isWarmUp = (request: Pick<FastifyRequest['raw'], 'socket'>) => request.socket?.remoteAddress === WARMER_ADDRESS;

export interface CacheWarmerOptions {
  /** At most this many URLs per store, so a very large store is not warmed whole. */
  maxUrls: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Resolves when the current warm-up round has asked for every URL (tests wait on it). */
    cacheWarmed(): Promise<void>;
  }
}

export default fp<CacheWarmerOptions>(
  async function cacheWarmer(app: FastifyInstance, { maxUrls }) {
    const paths = (): string[] => {
      const content = app.content;
      const list = ['/v1/topics', ...content.listTopics().map((t) => hrefOf('topics', t.slug)), '/v1/sources'];
      for (const { collection } of CONTENT_TYPES) list.push(`/v1/${collection}`);
      // Embed pages carry absolute links: only with a fixed public origin is one page right for all.
      if (app.publicBaseOrigin) list.push(...content.listTopics().map((t) => `/embed/topics/${t.slug}`));
      for (const { collection } of CONTENT_TYPES) list.push(...content.all(collection).map((r) => hrefOf(collection, r.slug)));
      list.push(...content.allSources().map((s) => hrefOf('sources', s.slug)));
      return list.slice(0, maxUrls);
    };

    let round = 0;
    let closing = false;
    let done: Promise<void> = Promise.resolve();
    const pause = (ms: number) => new Promise<void>((next) => setTimeout(next, ms).unref());
    const stopped = (mine: number) => mine !== round || closing;
    const warm = () => {
      const mine = ++round;
      done = (async () => {
        // The first probes and requests after start-up go first; warming starts just after.
        await pause(START_DELAY_MS);
        for (const url of paths()) {
          // One URL per turn of the event loop: real requests are never held up for long.
          await new Promise<void>((next) => setImmediate(next));
          // A newer store started its own round; a closing app needs none.
          if (stopped(mine)) return;
          await app.inject({ method: 'GET', url, remoteAddress: WARMER_ADDRESS });
        }
      })().catch((error: unknown) => {
        if (!stopped(mine)) app.log.warn({ err: error }, 'cache warm-up stopped');
      });
    };

    app.addHook('onListen', async () => warm());
    app.onContentReload(warm);
    app.addHook('preClose', async () => {
      closing = true;
      await done;
    });
    app.decorate('cacheWarmed', () => done);
  },
  { name: 'cache-warmer', dependencies: ['content', 'response-cache'] },
);
