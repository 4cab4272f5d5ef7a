import { Writable } from 'node:stream';

/** A pino destination that keeps every line, for tests that read what the app logged. */
export function logCapture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, next) {
      lines.push(chunk.toString());
      next();
    },
  });
  return { stream, lines };
}
