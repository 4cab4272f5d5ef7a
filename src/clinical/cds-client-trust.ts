import { createRemoteJWKSet, decodeJwt, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';

// Which CDS clients may call the CDS Hooks service: the JWT each call carries (CDS Hooks 2.0,
// "Trusting CDS Clients"), signed by a configured issuer's key. The key set comes from the
// address configured for that issuer, never from the token (its `jku` is not followed), and is
// fetched and cached by jose. The token must be addressed to this service (`aud`), unexpired,
// carry a `jti`, not have been seen before, and expire within the hour the specification's best
// practice gives a token, so a replay can always be recognised.

export interface TrustedIssuer {
  issuer: string;
  jwksUrl: string;
}

export type TrustVerdict = { trusted: true; issuer: string; jti: string } | { trusted: false; reason: string; issuer?: string };

// Asymmetric only: the specification forbids `none` and every symmetric algorithm, and recommends ES384 and RS384.
const ALGORITHMS = ['ES384', 'RS384', 'ES256', 'ES512', 'RS256', 'RS512', 'PS256', 'PS384', 'PS512'];
const CLOCK_TOLERANCE_S = 60;
const LONGEST_LIFETIME_S = 3600;
const REMEMBERED_JTIS = 50_000;

export interface TrustOptions {
  /** The clock (tests set one to verify the specification's own token of 2015). */
  now?: () => Date;
}

export class CdsClientTrust {
  private readonly keySets = new Map<string, JWTVerifyGetKey>();
  /** Token ids seen, until their token expires: a second use is a replay. */
  private readonly seen = new LRUCache<string, number>({ max: REMEMBERED_JTIS });
  private readonly now: () => Date;

  constructor(issuers: readonly TrustedIssuer[], options: TrustOptions = {}) {
    for (const { issuer, jwksUrl } of issuers) this.keySets.set(issuer, createRemoteJWKSet(new URL(jwksUrl)));
    this.now = options.now ?? (() => new Date());
  }

  /** Whether calls must carry a trusted JWT (some issuer is configured). */
  get required(): boolean {
    return this.keySets.size > 0;
  }

  /** Checks the Authorization header of a call addressed to one of `audience` (the service's URLs). */
  async verify(authorization: string | undefined, audience: readonly string[]): Promise<TrustVerdict> {
    const token = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return { trusted: false, reason: 'no bearer JWT' };
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      return { trusted: false, reason: 'not a JWT' };
    }
    const keySet = issuer === undefined ? undefined : this.keySets.get(issuer);
    if (!issuer || !keySet) return { trusted: false, reason: 'issuer not configured', issuer };
    const now = this.now();
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer,
        audience: [...audience],
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'jti'],
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: now,
      });
      const jti = String(payload.jti);
      const expires = (payload.exp ?? 0) * 1000;
      if (expires - now.getTime() > (LONGEST_LIFETIME_S + CLOCK_TOLERANCE_S) * 1000)
        return { trusted: false, reason: 'expires more than an hour ahead', issuer };
      const key = `${issuer} ${jti}`;
      const seenUntil = this.seen.get(key);
      if (seenUntil !== undefined && seenUntil > now.getTime()) return { trusted: false, reason: 'jti already used', issuer };
      this.seen.set(key, expires + CLOCK_TOLERANCE_S * 1000);
      return { trusted: true, issuer, jti };
    } catch (error) {
      // jose's error codes name what failed (ERR_JWS_SIGNATURE_VERIFICATION_FAILED, ERR_JWT_EXPIRED …).
      return { trusted: false, reason: (error as { code?: string }).code ?? 'verification failed', issuer };
    }
  }
}
