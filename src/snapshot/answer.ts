import { createHash } from 'node:crypto';

/** The compressed forms an answer can keep, by content coding (RFC 9110 §8.4.1). */
export type Coding = 'br' | 'gzip';

/**
 * A serialised answer: its bytes, their validator and media type, and the compressed forms made
 * of it so far. The bytes never change; the same answer is sent to every request whose canonical
 * key it is kept under, in whatever coding each asks for.
 */
export interface Answer {
  readonly bytes: Buffer;
  /** Weak (W/"…"): one validator for every content coding of these bytes (RFC 9110 §8.8.1, §8.8.3). */
  readonly etag: string;
  readonly mediaType: string;
  /** Compressed forms, made once each by the content-coding step and kept here (see http/content-coding.ts). */
  readonly encoded: Partial<Record<Coding, Buffer>>;
  /** Called after a compressed form is kept: the cache holding the answer counts it (see AnswerCache). */
  grew?: () => void;
}

/** The one validator rule: a weak entity tag from a hash of the identity bytes. */
export const weakEtagOf = (bytes: Buffer | string) => `W/"${createHash('sha1').update(bytes).digest('base64url')}"`;

/**
 * An answer of these bytes. They get a buffer of their own, outside Node's shared pool: a kept
 * answer of a few hundred bytes would otherwise hold on to a whole 8 kB slab, and the cache
 * counts only the answer's own bytes.
 */
export function makeAnswer(body: string | Buffer, mediaType: string): Answer {
  let bytes: Buffer;
  if (typeof body === 'string') {
    bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(body));
    bytes.write(body);
  } else bytes = body;
  return { bytes, etag: weakEtagOf(bytes), mediaType, encoded: {} };
}
