import { Transform } from 'node:stream';
import zlib from 'node:zlib';
import type { Answer, Coding } from '../snapshot/answer.js';

// Content coding (RFC 9110 §8.4): which responses are compressed, and how. The representation
// hook (plugins/app/representation.ts) is the only caller.

/** Smaller bodies are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_THRESHOLD = 1024;
/** Offered in this order: brotli is smaller at the same speed, so it wins a tie. */
export const CODINGS: readonly Coding[] = ['br', 'gzip'];

/** Text formats compress; images and fonts (the docs UI's) already are. */
export const isCompressible = (contentType: string): boolean =>
  /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|javascript)\b|image\/svg\+xml)/i.test(contentType);

/**
 * How hard to work. Answers computed for a request are compressed on the request's own time, at
 * the fastest levels; answers prepared for a snapshot are compressed again in the background,
 * once, at levels that still take a millisecond or two for the largest (brotli's top levels save
 * a tenth more bytes for fifty times the work, and every replica repeats it at each start).
 */
export type Effort = 'fast' | 'prepared';
const LEVELS: Record<Effort, { brotli: number; gzip: number }> = { fast: { brotli: 0, gzip: 1 }, prepared: { brotli: 6, gzip: 6 } };

// A window no larger than the body: brotli's default (4 MB) makes every call allocate and free
// buffers far larger than any answer, which fragments the heap and keeps resident memory up, and
// setting up a large one costs more than compressing a small answer.
const windowBits = (bytes: number) =>
  Math.min(zlib.constants.BROTLI_MAX_WINDOW_BITS, Math.max(zlib.constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 1))));

export function compress(bytes: Buffer, coding: Coding, effort: Effort): Buffer {
  const level = LEVELS[effort];
  if (coding === 'gzip') return zlib.gzipSync(bytes, { level: level.gzip });
  return zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: level.brotli,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      [zlib.constants.BROTLI_PARAM_LGWIN]: windowBits(bytes.byteLength),
    },
  });
}

/**
 * An answer's bytes in `coding`: the form kept with the answer, or made now and kept with it (the
 * cache that holds the answer then counts it) unless it saves nothing.
 */
export function encodedAnswer(answer: Answer, coding: Coding, effort: Effort = 'fast'): Buffer {
  const kept = answer.encoded[coding];
  if (kept) return kept;
  const made = compress(answer.bytes, coding, effort);
  if (made.byteLength < answer.bytes.byteLength) {
    answer.encoded[coding] = made;
    answer.grew?.();
  }
  return made;
}

/** Replaces an answer's compressed forms with better compression (background work on prepared answers). */
export function compressPrepared(answer: Answer): void {
  for (const coding of CODINGS) {
    const made = compress(answer.bytes, coding, 'prepared');
    if (made.byteLength < answer.bytes.byteLength) answer.encoded[coding] = made;
  }
}

/** A compressing stream for a streamed body (the docs UI's files). */
export const compressingStream = (coding: Coding): Transform =>
  coding === 'gzip' ? zlib.createGzip({ level: LEVELS.fast.gzip }) : zlib.createBrotliCompress();
