import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type AnswerKind, JSON_TYPE } from '../../http/answer.js';
import { compressPrepared } from '../../http/content-coding.js';
import { type Envelope, envelopeJson } from '../../snapshot/json.js';

/**
 * The answers clients ask for first (topics, every record and source, each collection's default
 * page) are made for each snapshot as soon as it is open rather than on each URL's first request:
 * bytes, ETag and best-compressed forms, once per store. Routes say what to prepare; this runs it
 * after the server listens and after each swap to a new store, one answer per turn of the event
 * loop so that real requests are never held up for long.
 */

export interface Preparable {
  key: string;
  compute: () => unknown;
  /** How the payload becomes bytes (default: a JSON envelope). */
  kind?: AnswerKind<never>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Adds answers to prepare for each snapshot (called again for each new one). */
    prepareAnswers(list: () => Iterable<Preparable>): void;
    /** Resolves when the current snapshot's answers are prepared (tests and probes wait on it). */
    answersPrepared(): Promise<void>;
  }
}

const START_DELAY_MS = 50;
const json = (payload: unknown) => envelopeJson(payload as Envelope<unknown>);

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
      const answers = app.snapshot.answers;
      const stopped = () => mine !== round || closing;
      done = (async () => {
        // The first probes after start-up go first.
        await pause(START_DELAY_MS);
        for (const producer of producers) {
          for (const { key, compute, kind } of producer()) {
            await turn();
            if (stopped()) return;
            const serialize = kind ? (kind.serialize as (p: unknown) => string | Buffer) : json;
            if (!answers.prepare(key, () => serialize(compute()), kind?.mediaType ?? JSON_TYPE)) return;
          }
        }
        for (const answer of answers.preparedAnswers()) {
          await turn();
          if (stopped()) return;
          compressPrepared(answer);
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
