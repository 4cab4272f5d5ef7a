import { LRUCache } from 'lru-cache';
import type { Answer } from './answer.js';

export interface AnswerCacheOptions {
  /** Most bytes the cache holds, keys and compressed forms included. */
  maxBytes: number;
  /** Larger answers are served but not kept. */
  maxEntryBytes: number;
}

/** Bookkeeping per entry beyond its strings and bytes (the entry, its list node, the answer object). */
const ENTRY_OVERHEAD = 256;

/** Bytes an entry holds: its key and ETag (UTF-16 in memory), its bytes and the compressed forms kept so far. */
export const entryBytes = (key: string, answer: Answer) =>
  key.length * 2 +
  answer.etag.length * 2 +
  answer.bytes.byteLength +
  (answer.encoded.br?.byteLength ?? 0) +
  (answer.encoded.gzip?.byteLength ?? 0) +
  ENTRY_OVERHEAD;

/**
 * Answers to open-ended requests (searches, filter and paging combinations), by canonical key:
 * one plain LRU cache bounded by bytes, so no flood of distinct URLs can grow memory past it.
 */
export class AnswerCache {
  private readonly lru: LRUCache<string, Answer>;

  constructor(options: AnswerCacheOptions) {
    this.lru = new LRUCache<string, Answer>({
      maxSize: options.maxBytes,
      maxEntrySize: options.maxEntryBytes,
      sizeCalculation: (answer, key) => entryBytes(key, answer),
    });
  }

  get(key: string): Answer | undefined {
    return this.lru.get(key);
  }

  /**
   * Keeps `answer` under `key` unless it is too large to keep (it is served either way). A
   * compressed form kept later counts too: lru-cache measures an entry when a new value is set,
   * so the entry is taken out and put back then, under the same key (unless it has been evicted
   * meanwhile).
   */
  set(key: string, answer: Answer): void {
    this.lru.set(key, answer);
    answer.grew = () => {
      if (this.lru.peek(key) === answer && this.lru.delete(key)) this.lru.set(key, answer);
    };
  }

  get stats() {
    return { entries: this.lru.size, bytes: this.lru.calculatedSize };
  }
}
