import { connect } from 'node:net';
import t from 'tap';
import { build } from '../helpers/app.js';
import { listen, send } from '../helpers/http.js';

/** One raw HTTP/1.1 request (for request targets no client library writes); returns the status. */
function rawStatus(base: string, requestLine: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const socket = connect(Number(port), hostname, () =>
      socket.end(`${requestLine}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`),
    );
    let head = '';
    socket.on('data', (chunk) => (head += chunk.toString('latin1')));
    socket.on('end', () => done(Number(head.slice(9, 12))));
    socket.on('error', fail);
  });
}

t.test('every spelling of a /v1 URL meets the same quota, cached answers included', async (t) => {
  const app = await build(t, { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_SECONDS: '60' });
  const base = await listen(app);
  // The same cacheable answer three times: the later two are served from the answers kept.
  for (let i = 0; i < 3; i++) t.equal((await send(base, '/v1/topics')).status, 200, `request ${i + 1} is within the quota`);
  t.equal((await send(base, '/v1/topics')).status, 429, 'a cached answer is still counted');

  const spellings = ['/%761/topics', '/v%31/topics', '/v1/topics/', '/v1//topics', '/v1/%74opics?limit=20'];
  for (const path of spellings) {
    const res = await send(base, path);
    t.not(res.status, 200, `${path} is not a way round the quota`);
    if (res.status !== 404) t.equal(res.status, 429, `${path} is limited`);
  }
  t.equal(await rawStatus(base, `GET ${base}/v1/topics HTTP/1.1`), 429, 'an absolute-form target is routed and limited like its path');
  t.equal((await send(base, '/healthz')).status, 200, 'probes are never limited');
  t.equal((await send(base, '/embed/topics/emotional-isolation')).status, 200, 'embeds are outside the content quota');
});

t.test('an absolute-form target is answered as its path (the router takes the path from it)', async (t) => {
  const app = await build(t);
  const base = await listen(app);
  t.equal(await rawStatus(base, `GET ${base}/v1/topics HTTP/1.1`), 200);
  t.equal(await rawStatus(base, 'GET http://other.example/v1/nothing-here HTTP/1.1'), 404);
});
