import { z } from '@hono/zod-openapi';

/**
 * A schema or null, for schemas registered as OpenAPI components (`.openapi('Name')`).
 *
 * `Registered.nullable()` renders as `allOf: [{ $ref }, { type: [..., 'null'] }]`, which no
 * value satisfies when it is null (the `$ref` alone refuses null), so generated clients type the
 * field as never null; and `.nullable().openapi({...})` even re-registers the component itself
 * as nullable, so every other use of it turns nullable. A union renders as
 * `anyOf: [{ $ref }, { type: 'null' }]`: exactly "this or null", and the component stays as it is.
 */
export function orNull<S extends z.ZodType>(schema: S) {
  return z.union([schema, z.null()]);
}
