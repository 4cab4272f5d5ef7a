import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { precompress } from '../../answers/coding.js';
import { type AnswerKind, jsonAnswer } from '../../http/answer.js';

/**
 * The answers clients ask for first (topics, every record and source, each collection's default
 * page) are computed as soon as a store is opened rather than on each URL's first request: body,
 * ETag and best-compressed forms, once per store. Routes say what to prepare; this runs it after
 * the server listens and after each swap to a new store, one answer per turn of the event loop
 * so that real requests are never held up for long.
 */

export interface Preparable<T = unknown> {
  key: string;
  compute: () => T;
  kind?: AnswerKind<T>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Adds answers to prepare for each store (called again for each new store). */
    prepareAnswers(list: () => Iterable<Preparable>): void;
    /** Resolves when the current store's answers are prepared (tests and probes wait on it). */
    answersPrepared(): Promise<void>;
  }
}

const START_DELAY_MS = 50;

export default fp(
  async function preparedAnswers(app: FastifyInstance) {
    const producers: (() => Iterable<Preparable>)[] = [];
    let round = 0;
    let closing = false;
    let done: Promise<void> = Promise.resolve();
    const turn = () => new Promise<void>((next) => setImmediate(next));
    const pause = (ms: number) => new Promise<void>((next) => setTimeout(next, ms).unref());

    const prepare = () => {
      const mine = ++round;
      const answers = app.answers;
      const stopped = () => mine !== round || closing;
      done = (async () => {
        // The first probes after start-up go first.
        await pause(START_DELAY_MS);
        for (const producer of producers) {
          for (const { key, compute, kind = jsonAnswer } of producer()) {
            await turn();
            if (stopped()) return;
            if (answers.isPrepared(key)) continue;
            if (!answers.prepare(key, kind.serialize(compute()), kind.mediaType)) return;
          }
        }
        for (const prepared of answers.preparedAnswers()) {
          await turn();
          if (stopped()) return;
          precompress(prepared.body);
        }
      })().catch((error: unknown) => {
        if (!stopped()) app.log.warn({ err: error }, 'preparing answers stopped');
      });
    };

    app.decorate('prepareAnswers', (list: () => Iterable<Preparable>) => {
      producers.push(list);
    });
    app.decorate('answersPrepared', () => done);
    app.addHook('onListen', async () => prepare());
    app.onContentReload(prepare);
    app.addHook('preClose', async () => {
      closing = true;
      await done;
    });
  },
  { name: 'prepared-answers', dependencies: ['content'] },
);
