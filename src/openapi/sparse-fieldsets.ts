// What `fields` does to an answer, said where a generator and a reader meet it. Items are
// declared whole (every field required), which is what a client that does not use `fields` gets;
// a trimmed item is the same schema with the fields not named left out. Declaring the trimmed form
// as a union or with every field optional would make every field optional for every client
// (docs/generated-clients.md), so each 200 response that `fields` can trim says so in words and in
// `x-sparse-fieldset`, with an example of a trimmed answer. The example sits in the extension, not
// among the media type's examples, where it would be checked against the whole schema.

import { operationsOf } from './operations.js';

const IDENTITY = ['type', 'slug', 'href'];

interface Media {
  schema?: { example?: unknown };
}
interface Response {
  description?: string;
  content?: Record<string, Media>;
  [extension: `x-${string}`]: unknown;
}
interface Operation {
  parameters?: { name?: string; in?: string; example?: unknown }[];
  responses?: Record<string, Response>;
}

const trim = (item: unknown, names: readonly string[]): unknown =>
  item && typeof item === 'object'
    ? Object.fromEntries(Object.entries(item).filter(([k]) => IDENTITY.includes(k) || names.includes(k)))
    : item;

/** The `data` of the envelope's example with each item trimmed to `names` (`meta` and `links` are as without `fields`). */
function trimmedData(example: unknown, names: readonly string[]): unknown {
  if (!example || typeof example !== 'object' || !('data' in example)) return undefined;
  const { data } = example;
  return Array.isArray(data) ? data.map((item) => trim(item, names)) : trim(data, names);
}

export function describeSparseFieldsets<T>(document: T): T {
  for (const [, operation] of operationsOf<Operation>(document)) {
    const fields = operation.parameters?.find((p) => p.in === 'query' && p.name === 'fields');
    const ok = operation.responses?.['200'];
    if (!fields || !ok) continue;
    const names = Array.isArray(fields.example) ? (fields.example as string[]) : [];
    ok.description =
      `${ok.description ?? ''} With \`fields\`, each item carries only the fields named plus \`type\`, \`slug\` and \`href\` (see \`x-sparse-fieldset\`).`.trim();
    ok['x-sparse-fieldset'] = {
      parameter: 'fields',
      always: IDENTITY,
      description:
        'When `fields` is given, each item of `data` is this schema with only the fields named and `type`, `slug` and `href`: the others are absent, although the schema marks them required. Read only the fields you named.',
      example: { query: `fields=${names.join(',')}`, data: trimmedData(ok.content?.['application/json']?.schema?.example, names) },
    };
  }
  return document;
}
