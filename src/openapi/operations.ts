// The operations of an OpenAPI document, for the post-processing steps that read or rewrite them.

type Paths<Op> = { paths?: Record<string, Record<string, Op>> };

/** Every operation of the document with its path, in document order. */
export function* operationsOf<Op>(document: unknown): Generator<[path: string, operation: Op]> {
  for (const [path, operations] of Object.entries((document as Paths<Op>).paths ?? {}))
    for (const operation of Object.values(operations)) yield [path, operation];
}
