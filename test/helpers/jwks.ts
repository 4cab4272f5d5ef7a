import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

interface Teardown {
  teardown(fn: () => unknown): void;
}

/** Serves `keySet` as a JWK Set on 127.0.0.1 (what a CDS client publishes); resolves to its URL. */
export async function serveKeySet(t: Teardown, keySet: object): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((_request, response) => {
    requests++;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(keySet));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  t.teardown(() => new Promise((closed) => server.close(closed)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/jwks.json`, requests: () => requests };
}

/** A CDS client's signing key (ES384, the algorithm CDS Hooks recommends) and its public JWK Set. */
export async function clientKey(kid = 'test-kid') {
  const { privateKey, publicKey } = await generateKeyPair('ES384');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES384', use: 'sig' };
  /** A JWT as a CDS client sends it, with these claims (exp five minutes ahead unless given). */
  const sign = (claims: JWTPayload, header: { alg?: string; kid?: string } = {}) =>
    new SignJWT({ jti: crypto.randomUUID(), ...claims })
      .setProtectedHeader({ alg: 'ES384', typ: 'JWT', kid, ...header })
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? '5m')
      .sign(privateKey);
  return { keySet: { keys: [jwk] }, sign };
}
