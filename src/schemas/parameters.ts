import type { z } from 'zod';

/** Where an example travels in a schema until src/openapi/parameters.ts makes it the parameter's `example`. */
export const EXAMPLE_KEY = 'x-parameter-example';

/**
 * A parameter with an example, as generators and the docs page show it. zod leaves `examples`
 * out of the input form of a schema that transforms (most parameters do: lists are split,
 * regions read as codes), so the example goes under a key of its own.
 */
export const withExample = <S extends z.ZodType>(schema: S, example: unknown): S => schema.meta({ [EXAMPLE_KEY]: example });
