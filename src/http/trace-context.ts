import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// W3C Trace Context (https://www.w3.org/TR/trace-context/): version-traceid-parentid-flags, lower-case
// hex; an all-zero trace or parent id is invalid, and so is version ff.
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-.*)?$/;

export interface TraceContext {
  traceId: string;
  /** This server's span: the parent id it hands on in the answer's traceparent. */
  spanId: string;
  flags: string;
}

// Kept on the request itself, where Fastify's logger factory and hooks all find it.
const TRACE = Symbol('traceContext');
type Traced = IncomingMessage & { [TRACE]?: TraceContext };

/** Parses a traceparent header; undefined for anything that is not a valid one. */
export function parseTraceparent(header: string | string[] | undefined): Omit<TraceContext, 'spanId'> | undefined {
  if (typeof header !== 'string') return undefined;
  const match = TRACEPARENT.exec(header.trim());
  if (!match) return undefined;
  const [, version, traceId, parentId, flags] = match as unknown as [string, string, string, string, string];
  if (version === 'ff' || (version === '00' && header.trim().length !== 55)) return undefined;
  if (/^0+$/.test(traceId) || /^0+$/.test(parentId)) return undefined;
  return { traceId, flags };
}

/** The request's trace: the caller's trace id when it sent a valid traceparent, else a new one. */
export function traceOf(req: IncomingMessage): TraceContext {
  const traced = req as Traced;
  let context = traced[TRACE];
  if (!context) {
    const parent = parseTraceparent(req.headers.traceparent);
    // randomUUID draws from Node's pooled entropy: much cheaper per request than randomBytes, and
    // its 32 hex digits are a valid (never all-zero) trace id; 16 of another one, a span id.
    const span = randomUUID();
    context = {
      traceId: parent?.traceId ?? randomUUID().replaceAll('-', ''),
      spanId: span.slice(0, 8) + span.slice(9, 13) + span.slice(14, 18),
      flags: parent?.flags ?? '00',
    };
    traced[TRACE] = context;
  }
  return context;
}

export const traceparentOf = (context: TraceContext) => `00-${context.traceId}-${context.spanId}-${context.flags}`;
