// Type tests: these routes must NOT compile where marked. If the type provider stopped checking
// handlers (as a described error response once made it), each `@ts-expect-error` below would be
// unused and `npm run typecheck` would fail. At run time they only need to register.
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import t from 'tap';
import { sendAnswer } from '../../src/http/answer.js';
import { Presented } from '../../src/snapshot/json.js';
import { itemEnvelope, itemProblemResponses, pageEnvelope, problemResponses } from '../../src/schemas/envelopes.js';
import { Source } from '../../src/schemas/sources.js';
import { sparse } from '../../src/routes/v1/sparse-fields.js';

t.test('handlers are checked against their response schema', async (t) => {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const schema = { response: { 200: itemEnvelope(Source), ...itemProblemResponses } };
  const listSchema = { response: { 200: pageEnvelope(Source), ...problemResponses } };

  // @ts-expect-error data must be a Source, not a number
  app.get('/wrong-data', { schema }, async () => ({ data: 123 }));
  // @ts-expect-error a missing envelope member (meta, links) does not compile
  app.get('/missing-meta', { schema }, async () => ({ data: { type: 'source' } }));
  // @ts-expect-error through sendAnswer() too: what it computes is checked against the route's response
  app.get('/wrong-answer', { schema: listSchema }, async (_request, reply) => sendAnswer(reply, '/x', () => ({ data: 'nope' })));

  const envelope = {
    meta: { disclaimer: '', crisis: null as never, contentVersion: '', license: { name: '', url: '' }, attribution: '' },
    links: { self: '/', html: '/' },
  };
  const page = {
    meta: { ...envelope.meta, total: 1, limit: 1, offset: 0 },
    links: { self: '/', first: '/', last: '/', prev: null, next: null },
  };
  const source = {
    type: 'source' as const,
    slug: 's',
    title: 'T',
    kind: 'article' as const,
    publisher: 'P',
    authority: 'secondary' as const,
    authors: [],
    editors: [],
    url: null,
    doi: null,
    accessed: null,
    published: null,
    updated: null,
    citation: 'C',
    description: 'D',
    href: '/v1/sources/s',
  };
  // A presented item of the declared shape compiles, beside a plain one.
  app.get('/presented', { schema: listSchema }, async (_request, reply) =>
    sendAnswer(reply, '/p', () => ({ data: [new Presented(source), source], ...page })),
  );
  app.get('/wrong-presented', { schema: listSchema }, async (_request, reply) =>
    // @ts-expect-error a presented item is checked too: it must present the declared shape
    sendAnswer(reply, '/x', () => ({ data: [new Presented({ type: 'sign' })], ...page })),
  );

  // Items are declared whole: a handler cannot hand back a trimmed item by accident; a sparse
  // fieldset goes through `sparse()`, the one place that types a trimmed item as the whole one.
  // @ts-expect-error a declared item has every field
  app.get('/trimmed', { schema }, async () => ({ data: { type: 'source' as const, slug: 's', href: '/s', doi: null }, ...envelope }));
  app.get('/sparse', { schema: listSchema }, async (_request, reply) =>
    sendAnswer(reply, '/s', () => ({ data: [sparse(new Presented(source), ['title'])], ...page })),
  );
  app.get('/wrong-sparse', { schema: listSchema }, async (_request, reply) =>
    // @ts-expect-error what is trimmed must still be the declared item
    sendAnswer(reply, '/w', () => ({ data: [sparse(new Presented({ type: 'sign' }), ['title'])], ...page })),
  );

  await app.ready();
  t.pass('the routes register');
  await app.close();
});
