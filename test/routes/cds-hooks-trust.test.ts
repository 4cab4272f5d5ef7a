import { readFileSync } from 'node:fs';
import t from 'tap';
import { ConfigError, loadConfig } from '../../src/config.js';
import { build } from '../helpers/app.js';
import { logCapture } from '../helpers/logs.js';
import { clientKey, serveKeySet } from '../helpers/jwks.js';

// CDS_HOOKS_ISSUERS: with it, a call must carry the JWT the CDS Hooks specification describes,
// signed by a configured issuer's key (its JWK Set served here on 127.0.0.1, as an EHR publishes
// it); without it, the service is open.

const BASE = 'https://cds.example.org';
const SERVICE = '/cds-services/emotional-connection-education';
const AUDIENCE = `${BASE}${SERVICE}`;
const ISSUER = 'https://fhir-ehr.example.com/';
const request = {
  ...JSON.parse(readFileSync(new URL('../fixtures/cds-hooks/patient-view-request.json', import.meta.url), 'utf8')),
  prefetch: { conditions: null },
};

t.test('the setting: issuer=JWK Set URL pairs, and the public URL the audience is checked against', async (t) => {
  const config = loadConfig({
    CDS_HOOKS_ISSUERS: `${ISSUER}=https://fhir-ehr.example.com/jwk_uri, https://b.example=http://127.0.0.1:9/keys`,
    PUBLIC_BASE_URL: BASE,
  });
  t.same(config.CDS_HOOKS_ISSUERS, [
    { issuer: ISSUER, jwksUrl: 'https://fhir-ehr.example.com/jwk_uri' },
    { issuer: 'https://b.example', jwksUrl: 'http://127.0.0.1:9/keys' },
  ]);
  t.same(loadConfig({}).CDS_HOOKS_ISSUERS, [], 'none by default: the service is open');
  t.throws(
    () => loadConfig({ CDS_HOOKS_ISSUERS: `${ISSUER}=https://fhir-ehr.example.com/jwk_uri` }),
    /CDS_HOOKS_ISSUERS: needs PUBLIC_BASE_URL/,
  );
  for (const bad of [ISSUER, `${ISSUER}=http://keys.example/jwks`, '=https://keys.example/jwks'])
    t.throws(() => loadConfig({ CDS_HOOKS_ISSUERS: bad, PUBLIC_BASE_URL: BASE }), ConfigError, bad);
});

t.test('with issuers configured, only a call with a trusted JWT for this service is answered', async (t) => {
  const client = await clientKey();
  const stranger = await clientKey();
  const { url } = await serveKeySet(t, client.keySet);
  const { stream, lines } = logCapture();
  const app = await build(
    t,
    { CDS_HOOKS_ISSUERS: `${ISSUER}=${url}`, PUBLIC_BASE_URL: BASE, LOG_LEVEL: 'info' },
    { logger: { level: 'info', stream } },
  );
  const call = (authorization?: string, query = '') =>
    app.inject({ method: 'POST', url: `${SERVICE}${query}`, payload: request, headers: authorization ? { authorization } : {} });
  const bearer = async (claims: object, signer = client) => `Bearer ${await signer.sign({ iss: ISSUER, aud: AUDIENCE, ...claims })}`;

  const ok = await call(await bearer({}));
  t.equal(ok.statusCode, 200);
  t.same(ok.json(), { cards: [] });
  t.equal((await call(await bearer({ aud: `${AUDIENCE}?region=GB` }), '?region=GB')).statusCode, 200, 'an audience naming the query too');

  const refused: [string, string | undefined][] = [
    ['no token', undefined],
    ['another issuer', await bearer({ iss: 'https://other-ehr.example/' })],
    ['another service', await bearer({ aud: `${BASE}/cds-services/some-service` })],
    ['the audience from a spoofed Host', await bearer({ aud: `http://localhost${SERVICE}` })],
    ['expired', await bearer({ exp: Math.floor(Date.now() / 1000) - 300 })],
    ['no jti', await bearer({ jti: undefined })],
    ['a key the issuer does not publish', await bearer({}, stranger)],
  ];
  for (const [why, authorization] of refused) {
    const res = await call(authorization);
    t.equal(res.statusCode, 401, why);
    t.equal(res.headers['www-authenticate'], 'Bearer', why);
    t.equal(res.json().detail, 'This CDS service does not trust the request.', `${why}: no detail that helps an attacker`);
  }
  const once = await bearer({});
  t.equal((await call(once)).statusCode, 200);
  t.equal((await call(once)).statusCode, 401, 'the same token again is a replay');

  t.equal((await app.inject({ url: '/cds-services' })).statusCode, 200, 'discovery stays open');
  const refusals = lines.filter((l) => l.includes('refused a CDS Hooks call'));
  t.ok(refusals.length >= refused.length, 'each refusal is logged for the operator');
  t.same(
    lines.filter((l) => l.includes(once.slice('Bearer '.length, 'Bearer '.length + 40))),
    [],
    'never the token itself',
  );
});
