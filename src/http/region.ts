import type { FastifyReply, FastifyRequest } from 'fastify';
import { regionCodeOf } from '../content/regions.js';
import { NO_REGION, type RegionChoice } from '../snapshot/crisis-notices.js';
import { addVary } from './vary.js';

// Whose crisis lines an answer carries. Help must reach people whose app sends no region: the
// request's own `region` comes first, then the default region of the partner key it sent, then
// the region subtag of Accept-Language (`en-GB`), else none (the international answer).

declare module 'fastify' {
  interface FastifyRequest {
    /** The region the answer's crisis guidance is for, and where it came from (content routes under /v1). */
    region: RegionChoice | null;
    /** The default region of the partner key the request sent, if that partner has one. */
    partnerRegion?: string;
  }
}

/** The first language range of Accept-Language with a region subtag, as a region code. */
function regionOfLanguages(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const range of header.split(',')) {
    const [tag = '', ...params] = range.split(';');
    if (params.some((p) => /^\s*q=0(?:\.0*)?\s*$/.test(p))) continue;
    const code = tag.includes('-') ? regionCodeOf(tag) : undefined;
    if (code) return code;
  }
  return undefined;
}

/** The region for this request, by the order above. */
export function chooseRegion(
  named: string | undefined,
  partnerRegion: string | undefined,
  acceptLanguage: string | undefined,
): RegionChoice {
  if (named) return { code: named, from: 'region' };
  if (partnerRegion) return { code: partnerRegion, from: 'partner' };
  const fromLanguage = regionOfLanguages(acceptLanguage);
  return fromLanguage ? { code: fromLanguage, from: 'accept-language' } : NO_REGION;
}

/**
 * Chooses the request's region (`request.region`). Without a `region` parameter the answer may
 * depend on the partner key and on Accept-Language, and Vary says so, so that a shared cache keeps
 * one answer per reader.
 */
export function settleRegion(request: FastifyRequest, reply: FastifyReply, named: string | undefined): void {
  request.region = chooseRegion(named, request.partnerRegion, request.headers['accept-language']);
  if (named) return;
  addVary(reply, 'accept-language');
  addVary(reply, 'x-api-key');
}

/** What a region chosen other than by the request's own parameter adds to an answer's key. */
export const regionKeySuffix = (region: RegionChoice) =>
  region.code && region.from !== 'region' ? ` region=${region.code} from=${region.from}` : '';
