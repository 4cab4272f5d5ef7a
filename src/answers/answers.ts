import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { Spliced } from './json.js';

// The store is read-only while it is open, so an answer computed once for a canonical request
// is right until the store changes. Each Answers instance belongs to one open store and is
// dropped with it: no answer outlives its content version.

/** A serialised answer: the body bytes, their strong ETag and, once asked for, compressed forms. */
export interface Answer {
  readonly key: string;
  /** The bytes to send: held as they are, or (an answer kept in pieces) put together at each read. */
  readonly body: Buffer;
  /** Bytes the answer holds alone, which the cache counts: kept JSON it splices in is the store's. */
  readonly ownBytes: number;
  readonly etag: string;
  readonly mediaType: string;
  /** Prepared at store open (best compression) or cached on demand (compression for dynamic content). */
  readonly prepared: boolean;
  br?: Buffer;
  gzip?: Buffer;
}

/** Bytes an entry holds: its key (UTF-16 in memory), its own bytes, compressed forms and bookkeeping. */
const ENTRY_OVERHEAD = 256;
export const sizeOf = (a: Answer) =>
  a.key.length * 2 + a.etag.length * 2 + a.ownBytes + (a.br?.byteLength ?? 0) + (a.gzip?.byteLength ?? 0) + ENTRY_OVERHEAD;

const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url')}"`;

interface Owner {
  answer: Answer;
  grew: () => void;
}

// Every body of a kept answer, to the answer it belongs to: the content-coding step finds a
// body's compressed forms here. Weak, so a dropped answer (evicted, or its store closed) goes.
const byBody = new WeakMap<Buffer, Owner>();
// Answers kept in pieces: each read of the body is new bytes, registered as it is made.
const owners = new WeakMap<Answer, Owner>();
const pieced = new WeakSet<Answer>();

/**
 * An answer kept as pieces of JSON (see Spliced), its body put together at each read. The bytes
 * made for its ETag are the body of the first read (the request that computed it reads it at
 * once), so an answer computed for one request is put together once. While the answer is kept,
 * every body it makes leads back to it.
 */
function piecedAnswer(key: string, spliced: Spliced, mediaType: string): Answer {
  let first: Buffer | undefined = spliced.bytes();
  const answer: Answer = {
    key,
    etag: etagOf(first),
    mediaType,
    prepared: false,
    ownBytes: spliced.ownBytes,
    get body() {
      const bytes = first ?? spliced.bytes();
      first = undefined;
      const owner = owners.get(answer);
      if (owner) byBody.set(bytes, owner);
      return bytes;
    },
  };
  pieced.add(answer);
  return answer;
}

/** Lets the coding step find `answer` from its bodies (see answerOfBody). */
function own(answer: Answer, grew: () => void): void {
  const owner = { answer, grew };
  if (pieced.has(answer)) owners.set(answer, owner);
  else byBody.set(answer.body, owner);
}

/** The answer a body buffer belongs to, if it is one. */
export const answerOfBody = (body: Buffer) => byBody.get(body);

export interface AnswersOptions {
  /** Most bytes the on-demand cache holds, keys and compressed forms included. */
  maxBytes: number;
  /** Larger answers are served but not kept. */
  maxEntryBytes: number;
  /** Most answers prepared at store open. */
  maxPrepared: number;
  /**
   * Keep an answer only the second time its key is computed (default). A URL asked once — a
   * crawler's, or a flood of distinct ones — then costs no cache churn: its answer is served and
   * dropped, and only its key is remembered, within `maxSeenBytes`. False keeps every answer at once.
   */
  keepOnSecondAsk?: boolean;
  /** Most bytes the keys asked once may hold (default 1 MB). */
  maxSeenBytes?: number;
}

const SEEN_ENTRY_OVERHEAD = 64;

export class Answers {
  private readonly prepared = new Map<string, Answer>();
  private readonly cache: LRUCache<string, Answer>;
  /** Keys computed once and not kept yet: the cache's doorkeeper. */
  private readonly seen: LRUCache<string, true> | undefined;

  constructor(private readonly options: AnswersOptions) {
    this.cache = new LRUCache<string, Answer>({ maxSize: options.maxBytes, maxEntrySize: options.maxEntryBytes, sizeCalculation: sizeOf });
    if (options.keepOnSecondAsk !== false) {
      this.seen = new LRUCache<string, true>({
        maxSize: options.maxSeenBytes ?? 1024 * 1024,
        sizeCalculation: (_, key) => key.length * 2 + SEEN_ENTRY_OVERHEAD,
      });
    }
  }

  get(key: string): Answer | undefined {
    return this.prepared.get(key) ?? this.cache.get(key);
  }

  /** Serialises an answer computed for a request, and keeps it if its key was asked for before. */
  remember(key: string, body: string | Buffer | Spliced, mediaType: string): Answer {
    const answer = this.make(key, body, mediaType, false);
    if (this.seen && !this.seen.delete(key)) {
      this.seen.set(key, true);
      return answer;
    }
    if (sizeOf(answer) <= this.options.maxEntryBytes) {
      this.cache.set(key, answer);
      // A compressed form added later counts too. lru-cache re-measures an entry only when its
      // value changes, so the entry is taken out and put back (unless it was evicted meanwhile).
      own(answer, () => this.cache.delete(key) && this.cache.set(key, answer));
    }
    return answer;
  }

  /** Keeps an answer prepared at store open; false once the budget of prepared answers is spent. */
  prepare(key: string, body: string | Buffer | Spliced, mediaType: string): boolean {
    if (this.prepared.size >= this.options.maxPrepared) return false;
    const answer = this.make(key, body, mediaType, true);
    this.prepared.set(key, answer);
    own(answer, () => undefined);
    return true;
  }

  isPrepared(key: string): boolean {
    return this.prepared.has(key);
  }

  preparedAnswers(): IterableIterator<Answer> {
    return this.prepared.values();
  }

  /** Entries and bytes held on demand (prepared answers are bounded by the store, not by clients). */
  get stats() {
    return {
      prepared: this.prepared.size,
      cached: this.cache.size,
      cachedBytes: this.cache.calculatedSize,
      seen: this.seen?.size ?? 0,
      seenBytes: this.seen?.calculatedSize ?? 0,
    };
  }

  // Prepared answers are the most asked for, and bounded by the store: their bytes are put
  // together once. Answers kept on demand share what they can with the store.
  private make(key: string, body: string | Buffer | Spliced, mediaType: string, prepared: boolean): Answer {
    if (body instanceof Spliced && !prepared) return piecedAnswer(key, body, mediaType);
    const bytes = typeof body === 'string' ? Buffer.from(body) : body instanceof Spliced ? body.bytes() : body;
    return { key, body: bytes, ownBytes: bytes.byteLength, etag: etagOf(bytes), mediaType, prepared };
  }
}
