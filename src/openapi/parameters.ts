import { EXAMPLE_KEY } from '../schemas/parameters.js';
import { operationsOf } from './operations.js';

// Parameters as generators read them. A parameter whose schema is a named component (`format`:
// BodyFormat, `sort`: RecordSort) keeps its default and description: @fastify/swagger keeps only
// the `$ref` of a schema that is a reference, so the route's schema wraps it in `allOf` on the way
// in (`keepParameterRefs`) and the document unwraps it (`describeParameters`). Every parameter's
// example travels in the schema under EXAMPLE_KEY (zod drops `examples` from the input form of
// a schema that transforms) and becomes the parameter's `example`.

type Schema = Record<string, unknown> & { $ref?: string; allOf?: Schema[] };
type ObjectSchema = { properties?: Record<string, Schema> };

/** A reference with other keywords beside it becomes `allOf: [reference]` plus those keywords. */
const wrapRef = (schema: Schema): Schema => {
  const { $ref, ...rest } = schema;
  return $ref && Object.keys(rest).length > 0 ? { allOf: [{ $ref }], ...rest } : schema;
};

/** The `transform` step of @fastify/swagger, after the zod provider's: wraps references in query and path parameters. */
export function keepParameterRefs<T extends { schema: object }>(transformed: T): T {
  const schema = transformed.schema as Record<string, ObjectSchema | undefined>;
  for (const part of ['querystring', 'params']) {
    const properties = schema[part]?.properties;
    if (properties) for (const [name, property] of Object.entries(properties)) properties[name] = wrapRef(property);
  }
  return transformed;
}

interface Parameter {
  in?: string;
  schema?: Schema;
  example?: unknown;
}
type Operation = { parameters?: Parameter[] };

export function describeParameters<T>(document: T): T {
  for (const [, operation] of operationsOf<Operation>(document)) {
    for (const parameter of operation.parameters ?? []) {
      if (!parameter.schema) continue;
      const { allOf, ...rest } = parameter.schema;
      const [only] = allOf ?? [];
      const schema = allOf?.length === 1 && only?.$ref ? { $ref: only.$ref, ...rest } : parameter.schema;
      if (EXAMPLE_KEY in schema) {
        parameter.example = schema[EXAMPLE_KEY];
        delete schema[EXAMPLE_KEY];
      }
      parameter.schema = schema;
    }
  }
  return document;
}
