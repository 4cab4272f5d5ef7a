import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import t from 'tap';
import { PROBLEM_TYPE_NAMES } from '../../src/content/problem-types.js';
import { PROJECT_ROOT } from '../../src/config.js';

// What a partner's client generator makes of the committed document: one named type per enum
// with readable member names, no generated names like `HelpDirectoryDirectoryType0`, no Python
// model whose property shadows it, short tags, every status declared where it is sent, and an
// example for every parameter.

type Schema = Record<string, unknown> & {
  $ref?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  type?: string | string[];
};
type Response = { headers?: Record<string, unknown>; content?: Record<string, { example?: { type?: string } }> };
type Operation = {
  operationId: string;
  tags: string[];
  parameters?: { name: string; example?: unknown; examples?: unknown }[];
  responses: Record<string, Response>;
  security?: unknown;
};
const doc = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'openapi/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  tags: { name: string; 'x-displayName'?: string }[];
  components: { schemas: Record<string, Schema> };
};
const schemas = doc.components.schemas;
const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ path, op, name: `${method.toUpperCase()} ${path}` })),
);

/** Every schema object in `node`, with where it is. */
function* schemaNodes(node: unknown, at: string): Generator<[string, Schema]> {
  if (Array.isArray(node)) for (const [i, n] of node.entries()) yield* schemaNodes(n, `${at}/${i}`);
  else if (node && typeof node === 'object') {
    yield [at, node as Schema];
    for (const [key, value] of Object.entries(node)) if (key !== 'example' && key !== 'examples') yield* schemaNodes(value, `${at}/${key}`);
  }
}

t.test('every enum is a named component with member names, and appears nowhere else', async (t) => {
  const components = Object.entries(schemas).filter(([, s]) => Array.isArray(s.enum));
  t.ok(components.length >= 30, `${components.length} named enums`);
  for (const [name, schema] of components) {
    const names = schema['x-enum-varnames'] as string[] | undefined;
    t.equal(names?.length, schema.enum!.length, `${name}: a member name per value`);
    t.same(schema['x-enumNames'], names, `${name}: the same names for generators that read x-enumNames`);
    t.ok(
      names?.every((n) => /^[A-Z][A-Za-z0-9]*$/.test(n)),
      `${name}: PascalCase identifiers`,
    );
  }
  const inline = [...schemaNodes(doc.paths, '#/paths'), ...schemaNodes(schemas, '#/components/schemas')]
    .filter(([at, s]) => Array.isArray(s.enum) && s.enum.length > 1 && !/^#\/components\/schemas\/[A-Za-z]+$/.test(at))
    .map(([at]) => at);
  // Literals of one value (a record's `type`, a FHIR `resourceType`) are constants, not enums.
  t.same(inline, [], 'no enum is written out in an operation or a property');
  t.same((schemas.RecordSort?.['x-enum-varnames'] as string[]).slice(6, 8), ['ReviewedAt', 'ReviewedAtDescending']);
});

t.test('the filters, sorts and formats are the named enums', async (t) => {
  const param = (path: string, name: string) =>
    doc.paths[path]!.get!.parameters!.find((p) => p.name === name) as unknown as { schema: Schema };
  const ref = (path: string, name: string) => {
    const { schema } = param(path, name);
    return (schema.$ref ?? (schema.items as Schema | undefined)?.$ref)?.split('/').pop();
  };
  t.equal(ref('/v1/signs', 'topic'), 'TopicSlug');
  t.equal(ref('/v1/signs', 'kind'), 'SignKind');
  t.equal(ref('/v1/signs', 'setting'), 'SignSetting');
  t.equal(ref('/v1/causes', 'category'), 'CauseCategory');
  t.equal(ref('/v1/strategies', 'category'), 'StrategyCategory');
  t.equal(ref('/v1/therapies', 'kind'), 'TherapyKind');
  t.equal(ref('/v1/impacts', 'area'), 'ImpactArea');
  t.equal(ref('/v1/sources', 'kind'), 'SourceKind');
  t.equal(ref('/v1/search', 'type'), 'SearchType');
  t.equal(ref('/v1/signs', 'sort'), 'RecordSort');
  t.equal(ref('/v1/sources', 'sort'), 'SourceSort');
  for (const path of ['/v1/signs', '/v1/signs/{slug}', '/v1/topics', '/v1/search']) t.equal(ref(path, 'format'), 'BodyFormat', path);
  t.same(param('/v1/signs', 'format').schema, { $ref: '#/components/schemas/BodyFormat', default: 'markdown' }, 'the default kept');
  t.equal(schemas.Sign?.properties?.kind?.$ref, '#/components/schemas/SignKind', 'the record uses the filter’s enum');
  t.same(schemas.TopicSlug?.enum, ['emotional-isolation', 'emotional-withdrawal', 'emotional-detachment']);
});

t.test('no generated name from an inline object, and no property that shadows its model in Python', async (t) => {
  const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  for (const [name, schema] of Object.entries(schemas)) {
    for (const [property, value] of Object.entries(schema.properties ?? {})) {
      t.not(snake(property), snake(name), `${name}.${property}: openapi-python-client's local variable would shadow it`);
      const nullableObject = value.anyOf?.some((s) => s.type === 'object') && value.anyOf.some((s) => s.type === 'null');
      t.notOk(nullableObject, `${name}.${property}: a nullable object is a named component`);
    }
  }
  t.ok(schemas.ContentChange?.properties?.change, 'the change feed keeps its public `change` field under a component named ContentChange');
  t.match(schemas.HelpDirectory?.properties?.directory, { anyOf: [{ $ref: '#/components/schemas/HelplineDirectory' }, { type: 'null' }] });
});

t.test('tags are short and stable, with the human labels beside them', async (t) => {
  for (const tag of doc.tags) {
    t.match(tag.name, /^[a-z]+$/, `${tag.name}: one lower-case word`);
    t.ok(tag['x-displayName'], `${tag.name}: a display name`);
  }
  t.equal(doc.tags.find((tag) => tag.name === 'therapies')?.['x-displayName'], 'Therapies and support');
  const tags = new Set(doc.tags.map((tag) => tag.name));
  for (const { name, op } of operations) {
    t.ok(
      op.tags.every((tag) => tags.has(tag)),
      `${name}: its tags are declared`,
    );
    t.match(op.operationId, /^[a-z][A-Za-z]+$/, `${name}: operationId ${op.operationId}`);
  }
});

t.test('every parameter has an example', async (t) => {
  for (const { name, op } of operations)
    for (const p of op.parameters ?? []) t.ok(p.example !== undefined || p.examples !== undefined, `${name}: ${p.name}`);
});

t.test('every status is declared where it is sent; under /v1 errors are problem+json only', async (t) => {
  const types = new Set(PROBLEM_TYPE_NAMES.map((n) => `/problems/${n}`));
  t.same(schemas.ProblemType?.enum, [...types], 'the problem types are an enum');
  t.equal(schemas.Problem?.properties?.type?.$ref, '#/components/schemas/ProblemType');
  for (const { path, name, op } of operations) {
    const statuses = Object.keys(op.responses);
    const api = path.startsWith('/v1/');
    const item = path.includes('{');
    const expected = [
      // The infobutton takes its format from knowledgeResponseType, not Accept: it never answers 406.
      ...(api ? ['308', '400', '401', ...(path === '/v1/infobutton' ? [] : ['406']), '429', '503'] : path === '/healthz' ? [] : ['503']),
      ...(api && item ? ['301', '404', '410'] : []),
      ...(item ? ['414'] : []),
    ];
    t.ok(
      expected.every((s) => statuses.includes(s)),
      `${name}: declares ${expected.join(', ')}`,
    );
    for (const [status, response] of Object.entries(op.responses).filter(([s]) => Number(s) >= 400)) {
      // The infobutton answers errors in the format its request chose (knowledgeResponseType).
      if (api && path !== '/v1/infobutton')
        t.same(Object.keys(response.content ?? {}), ['application/problem+json'], `${name} ${status}: problem+json only`);
      if (api) t.ok(response.content?.['application/problem+json'], `${name} ${status}: problem+json`);
      const example = response.content?.['application/problem+json']?.example;
      t.ok(example?.type && types.has(example.type), `${name} ${status}: its example's type is a documented problem`);
    }
    for (const status of ['429', '503'])
      if (op.responses[status]) t.ok(op.responses[status].headers?.['Retry-After'], `${name} ${status}: Retry-After`);
    if (api) t.same(op.security, [{}, { partnerKey: [] }], `${name}: the key is optional, on the operation itself`);
  }
});
