import { type Answer, makeAnswer } from './answer.js';
import { AnswerCache, type AnswerCacheOptions } from './answer-cache.js';

export interface AnswersOptions extends AnswerCacheOptions {
  /** Most answers prepared ahead of requests (bounded by the store, not by clients). */
  maxPrepared: number;
}

/** An answer and whether this call had to make it (a cache miss). */
export interface Looked {
  answer: Answer;
  computed: boolean;
}

/**
 * A snapshot's answers by canonical key: those prepared ahead of requests for the store's finite
 * set of requests (never evicted), and one bounded cache for everything open-ended.
 */
export class Answers {
  private readonly prepared = new Map<string, Answer>();
  private readonly cache: AnswerCache;

  constructor(private readonly options: AnswersOptions) {
    this.cache = new AnswerCache(options);
  }

  /** The answer under `key`: prepared, cached, or made now from `body()` and cached. */
  answer(key: string, body: () => string | Buffer, mediaType: string): Looked {
    const kept = this.prepared.get(key) ?? this.cache.get(key);
    if (kept) return { answer: kept, computed: false };
    const answer = makeAnswer(body(), mediaType);
    this.cache.set(key, answer);
    return { answer, computed: true };
  }

  /** Prepares the answer under `key`; false once the budget of prepared answers is spent. */
  prepare(key: string, body: () => string | Buffer, mediaType: string): boolean {
    if (this.prepared.has(key)) return true;
    if (this.prepared.size >= this.options.maxPrepared) return false;
    this.prepared.set(key, makeAnswer(body(), mediaType));
    return true;
  }

  /** The prepared answers, for compressing them ahead of requests. */
  preparedAnswers(): IterableIterator<Answer> {
    return this.prepared.values();
  }

  get stats() {
    return { prepared: this.prepared.size, cached: this.cache.stats.entries, cachedBytes: this.cache.stats.bytes };
  }
}
