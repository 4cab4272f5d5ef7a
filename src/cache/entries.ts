import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Headers = Record<string, string | number | string[]>;

/** The forms a replay can take: the body as recorded or compressed, or a 304. */
export type Form = 'identity' | 'br' | 'gzip' | 'notModified';

/** One recorded answer: what the route sent, minus the headers that belong to one request. */
export interface Entry {
  headers: Headers;
  /**
   * Header objects for each form, built on first use and reused by every replay: only the
   * request id changes, and Node serialises the object during writeHead, so sharing is safe
   * and a replay allocates no headers of its own.
   */
  forms: Partial<Record<Form, Headers>>;
  body: Buffer;
  etag: string;
  mediaType: string;
  br?: Buffer;
  gzip?: Buffer;
  bytes: number;
  /** Hit since the eviction sweep last passed it (a second chance, CLOCK-style). */
  used: boolean;
  /** Dropped from the cache while a request was still replaying it. */
  evicted: boolean;
}

// Per-request headers never replayed from another response.
export const PER_REQUEST_HEADERS = new Set([
  'date',
  'traceparent',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'content-encoding',
  'x-request-id',
  'retry-after',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
]);

/**
 * Recorded answers by key, bounded in bytes. Eviction is CLOCK rather than strict LRU: a hit
 * only sets a flag, so the hot path never reorders the Map; the sweep gives a recently used
 * entry one more round before it goes.
 */
export class Entries {
  private readonly map = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxEntryBytes: number,
  ) {}

  get(key: string): Entry | undefined {
    const entry = this.map.get(key);
    if (entry) entry.used = true;
    return entry;
  }

  private version: string | undefined;

  /**
   * Records an answer of content `version`. The first answer of a new version drops all the
   * older ones: they would never be asked for again, only wait to be evicted.
   */
  set(key: string, entry: Omit<Entry, 'used' | 'evicted' | 'forms'>, version: string): void {
    if (version !== this.version) {
      this.clear();
      this.version = version;
    }
    if (entry.bytes > this.maxEntryBytes || this.map.has(key)) return;
    this.map.set(key, { ...entry, forms: {}, used: false, evicted: false });
    this.bytes += entry.bytes;
    this.evict();
  }

  /** Compressed variants are made on first demand and count towards the budget. */
  compressed(entry: Entry, encoding: 'br' | 'gzip'): Buffer {
    const cached = entry[encoding];
    if (cached) return cached;
    const out =
      encoding === 'br'
        ? brotliCompressSync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } })
        : gzipSync(entry.body, { level: 6 });
    entry[encoding] = out;
    entry.bytes += out.byteLength;
    if (!entry.evicted) {
      this.bytes += out.byteLength;
      this.evict();
    }
    return out;
  }

  clear(): void {
    for (const entry of this.map.values()) entry.evicted = true;
    this.map.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.map.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  private evict(): void {
    // Each entry is passed at most twice (once to clear its flag), so this always ends.
    while (this.bytes > this.maxBytes && this.map.size > 0) {
      const [key, oldest] = this.map.entries().next().value as [string, Entry];
      this.map.delete(key);
      if (oldest.used) {
        oldest.used = false;
        this.map.set(key, oldest);
      } else {
        oldest.evicted = true;
        this.bytes -= oldest.bytes;
      }
    }
  }
}
