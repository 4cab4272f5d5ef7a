import { JSON_LD_MEDIA } from '../http/answer.js';
import { JsonLd } from '../schemas/jsonld.js';
import { operationsOf } from './operations.js';

// Operations that offer JSON-LD list it in `schema.produces`, which gives their 200 response the
// envelope's schema under both media types; the JSON-LD one is given its own schema here.

// Registered with an id, so it is a component of the document; referenced by name.
const JSON_LD_ID = componentId();

function componentId(): string {
  const id = JsonLd.meta()?.id;
  if (typeof id !== 'string') throw new Error('The JsonLd schema must be registered with an id to be a named component.');
  return id;
}

type Media = { schema?: unknown; example?: unknown };
type Operation = { responses?: Record<string, { content?: Record<string, Media> }> };

export function describeJsonLd<T>(document: T): T {
  for (const [, operation] of operationsOf<Operation>(document)) {
    const content = operation.responses?.['200']?.content;
    if (content?.[JSON_LD_MEDIA]) content[JSON_LD_MEDIA] = { schema: { $ref: `#/components/schemas/${JSON_LD_ID}` } };
  }
  return document;
}
