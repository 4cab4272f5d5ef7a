import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import t from 'tap';
import { PROJECT_ROOT } from '../src/config.js';
import { generateOpenApi } from '../scripts/openapi-document.js';
import { build } from './helpers/app.js';

const committedPath = resolve(PROJECT_ROOT, 'openapi/openapi.json');
const committed = readFileSync(committedPath, 'utf8');
const doc = JSON.parse(committed);

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; description?: string }[];
  responses: Record<string, { content?: Record<string, { schema: { example?: unknown; $ref?: string } }> }>;
};
const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ path, method, op })),
);

t.test('the committed document matches the code (run `npm run openapi` after changing routes)', async (t) => {
  t.equal(await generateOpenApi(), committed);
});

t.test('the served document is the committed one, and is OpenAPI 3.1', async (t) => {
  const app = await build(t);
  const res = await app.inject({ method: 'GET', url: '/openapi.json' });
  t.equal(res.statusCode, 200);
  t.same(res.json(), doc);
  t.equal(doc.openapi, '3.1.0');
  const docs = await app.inject({ method: 'GET', url: '/docs/' });
  t.equal(docs.statusCode, 200);
  t.match(docs.body, /swagger-ui/i);
});

t.test('it lints clean under spectral:oas', async (t) => {
  const { Spectral, Document } = spectralCore;
  const spectral = new Spectral();
  spectral.setRuleset({ extends: [oas] } as never);
  const results = await spectral.run(new Document(committed, spectralParsers.Json));
  // Severity 0 is an error, 1 a warning (spectral's DiagnosticSeverity enum).
  const warning: (typeof results)[number]['severity'] = 1;
  const problems = results.filter((r) => r.severity <= warning).map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`);
  t.same(problems, []);
});

t.test('every operation is documented for partners', async (t) => {
  t.ok(operations.length >= 20);
  const ids = new Set<string>();
  for (const { path, method, op } of operations) {
    const name = `${method.toUpperCase()} ${path}`;
    t.ok(op.operationId && !ids.has(op.operationId), `${name}: unique operationId`);
    ids.add(op.operationId!);
    t.ok(op.summary && op.description && op.tags?.length, `${name}: summary, description and tag`);
    for (const p of op.parameters ?? []) t.ok(p.description, `${name}: parameter ${p.name} is described`);
    // Every media type of the 200 response (JSON, or text/html for embed pages) has an example.
    const media = Object.entries(op.responses['200']?.content ?? {});
    t.ok(media.length > 0, `${name}: 200 response has content`);
    for (const [type, { schema }] of media) {
      const resolved = schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema;
      t.ok(resolved?.example !== undefined, `${name}: 200 ${type} response has an example`);
    }
    if (path.startsWith('/v1/')) {
      t.ok(op.responses['400'], `${name}: documents 400`);
      // The infobutton picks its format by `knowledgeResponseType`, as the HL7 guide has it: it never answers 406.
      if (path !== '/v1/infobutton') t.ok(op.responses['406'], `${name}: documents 406`);
      if (path.includes('{slug}')) t.ok(op.responses['404'], `${name}: documents 404`);
      t.equal(op.responses['400']!.content!['application/problem+json']!.schema.$ref, '#/components/schemas/Problem');
    }
  }
});

t.test('shared shapes are named components, without unused *Input duplicates', async (t) => {
  const names = Object.keys(doc.components.schemas);
  for (const name of ['Topic', 'Sign', 'Cause', 'Context', 'Strategy', 'Therapy', 'Faq', 'Source', 'Problem', 'PageMeta', 'ContentMeta']) {
    t.ok(names.includes(name), `${name} is a component`);
  }
  t.same(
    names.filter((n) => n.endsWith('Input')),
    [],
  );
  const text = JSON.stringify(doc.paths);
  const unused = names.filter(
    (n) => !text.includes(`#/components/schemas/${n}"`) && !JSON.stringify(doc.components).includes(`#/components/schemas/${n}"`),
  );
  t.same(unused, []);
});
