// The ceiling: a bare Fastify process that answers the API's recorded responses (same status,
// headers and body bytes) from a Map. Nothing is faster in one Node process, so the API's
// requests/s divided by this one's says how much the API itself costs. Plain JS on purpose: no
// loader, no type stripping, nothing between Fastify and the socket.
// Usage: node scripts/bench/ceiling.mjs <recorded.json> <port>
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [recordedPath, port] = process.argv.slice(2);
if (!recordedPath || !port) {
  console.error('usage: node scripts/bench/ceiling.mjs <recorded.json> <port>');
  process.exit(2);
}

// Keyed on URL plus If-None-Match, so revalidation gets the API's 304 and a plain GET its 200.
const keyOf = (url, ifNoneMatch) => (ifNoneMatch ? `${url}\n${ifNoneMatch}` : url);
const answers = new Map();
// Answers for whole families of paths (every distinct search query gets the one recorded answer).
const byPrefix = [];
for (const r of JSON.parse(readFileSync(recordedPath, 'utf8'))) {
  const answer = { status: r.status, headers: r.headers, body: Buffer.from(r.body, 'base64') };
  answers.set(keyOf(r.path, r.ifNoneMatch), answer);
  if (r.prefix) byPrefix.push([r.prefix, answer]);
}

const app = Fastify({ logger: false });
app.get('/*', (request, reply) => {
  const answer =
    answers.get(keyOf(request.url, request.headers['if-none-match'])) ?? byPrefix.find(([prefix]) => request.url.startsWith(prefix))?.[1];
  if (!answer) return reply.code(404).send();
  return reply.code(answer.status).headers(answer.headers).send(answer.body);
});

// The bench talks to us over IPC only to notice its own death: never outlive it.
process.on('disconnect', () => process.exit(0));
await app.listen({ port: Number(port), host: '127.0.0.1' });
