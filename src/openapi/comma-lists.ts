// A parameter documented as an array (`include`, `fields`) is sent as one comma-separated value
// (`fields=title,summary`): OpenAPI's form style without explode. The default, explode, would
// have generated clients repeat the key (`fields=title&fields=summary`), which this API rejects.
// @fastify/swagger takes `style` and `explode` only from a whole querystring, so they are set here.

import { operationsOf } from './operations.js';

interface Parameter {
  in?: string;
  schema?: { type?: unknown };
  style?: string;
  explode?: boolean;
}
type Operation = { parameters?: Parameter[] };

export function commaSeparatedArrays<T>(document: T): T {
  for (const [, operation] of operationsOf<Operation>(document)) {
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in !== 'query' || parameter.schema?.type !== 'array') continue;
      parameter.style = 'form';
      parameter.explode = false;
    }
  }
  return document;
}
