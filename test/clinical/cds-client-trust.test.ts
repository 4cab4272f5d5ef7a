import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import t from 'tap';
import { CdsClientTrust } from '../../src/clinical/cds-client-trust.js';
import { clientKey, serveKeySet } from '../helpers/jwks.js';

// The JWT check of the CDS Hooks service, on its own: the specification's own example token and
// key set, and tokens a test client signs. Key sets are served on 127.0.0.1, as an EHR would.

const spec = JSON.parse(readFileSync(new URL('../fixtures/cds-hooks/jwt.json', import.meta.url), 'utf8')) as {
  payload: { iss: string; aud: string; exp: number; jti: string };
  jwks: object;
  authorization: string;
};
const AUDIENCE = 'https://cds.example.org/cds-services/some-service';

t.test("the specification's example token verifies against its key set, until it expires", async (t) => {
  const { url } = await serveKeySet(t, spec.jwks);
  const at = (seconds: number) => new CdsClientTrust([{ issuer: spec.payload.iss, jwksUrl: url }], { now: () => new Date(seconds * 1000) });
  const before = await at(spec.payload.exp - 120).verify(spec.authorization, [AUDIENCE]);
  t.same(before, { trusted: true, issuer: spec.payload.iss, jti: spec.payload.jti }, 'signature, issuer, audience, exp and jti hold');
  const after = await at(spec.payload.exp + 3600).verify(spec.authorization, [AUDIENCE]);
  t.same(after, { trusted: false, reason: 'ERR_JWT_EXPIRED', issuer: spec.payload.iss }, 'an hour after exp it is refused');
  const elsewhere = await at(spec.payload.exp - 120).verify(spec.authorization, ['https://cds.example.org/cds-services/another']);
  t.equal(elsewhere.trusted, false, 'a token for another service is refused');
});

t.test('a token is trusted once: the same jti again is a replay', async (t) => {
  const { url } = await serveKeySet(t, spec.jwks);
  const trust = new CdsClientTrust([{ issuer: spec.payload.iss, jwksUrl: url }], { now: () => new Date((spec.payload.exp - 120) * 1000) });
  t.equal((await trust.verify(spec.authorization, [AUDIENCE])).trusted, true);
  t.same(await trust.verify(spec.authorization, [AUDIENCE]), { trusted: false, reason: 'jti already used', issuer: spec.payload.iss });
});

t.test('what is refused, and why (for the log; the caller only ever sees 401)', async (t) => {
  const client = await clientKey();
  const other = await clientKey();
  const { url, requests } = await serveKeySet(t, client.keySet);
  const issuer = 'https://ehr.example';
  const trust = new CdsClientTrust([{ issuer, jwksUrl: url }]);
  const reason = async (authorization: string | undefined) => {
    const verdict = await trust.verify(authorization, [AUDIENCE]);
    return verdict.trusted ? 'trusted' : verdict.reason;
  };
  const bearer = async (claims: Parameters<typeof client.sign>[0], signer = client) => `Bearer ${await signer.sign(claims)}`;
  t.equal(trust.required, true);
  t.equal(new CdsClientTrust([]).required, false, 'without issuers nothing is required');

  t.equal(await reason(await bearer({ iss: issuer, aud: AUDIENCE })), 'trusted');
  t.equal(await reason(await bearer({ iss: issuer, aud: [AUDIENCE, 'https://other.example'] })), 'trusted', 'aud may be an array');
  t.equal(await reason(undefined), 'no bearer JWT');
  t.equal(await reason('Basic dXNlcjpwYXNz'), 'no bearer JWT');
  t.equal(await reason('Bearer not.a.jwt'), 'not a JWT');
  t.equal(await reason(await bearer({ iss: 'https://stranger.example', aud: AUDIENCE })), 'issuer not configured');
  t.equal(
    await reason(await bearer({ iss: issuer, aud: AUDIENCE }, other)),
    'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    'signed by a key the issuer does not publish (same kid)',
  );
  const hmac = await new SignJWT({ iss: issuer, aud: AUDIENCE, jti: 'x' })
    .setProtectedHeader({ alg: 'HS256', kid: 'test-kid' })
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode('a shared secret of thirty-two bytes!'));
  t.equal(await reason(`Bearer ${hmac}`), 'ERR_JOSE_ALG_NOT_ALLOWED', 'a symmetric algorithm is never accepted');
  t.equal(
    await reason(await bearer({ iss: issuer, aud: 'https://cds.example.org/cds-services/another' })),
    'ERR_JWT_CLAIM_VALIDATION_FAILED',
  );
  t.equal(await reason(await bearer({ iss: issuer, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) - 600 })), 'ERR_JWT_EXPIRED');
  t.equal(
    await reason(await bearer({ iss: issuer, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 7200 })),
    'expires more than an hour ahead',
  );
  t.equal(await reason(await bearer({ iss: issuer, aud: AUDIENCE, jti: undefined })), 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'no jti');
  t.ok(requests() >= 1, 'the key set was fetched from the configured address');
});
