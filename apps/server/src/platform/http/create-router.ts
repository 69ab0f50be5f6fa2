import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { FieldError } from '../errors.ts';
import type { AppEnv } from './app-env.ts';
import { problemResponse } from './problem.ts';

type ZodIssueLike = { path: PropertyKey[]; message: string; code?: string; keys?: string[] };

/** Turns zod issues into `{ path, message }`; unknown keys get one entry per key. */
export function fieldErrorsOf(issues: readonly ZodIssueLike[], target?: string): FieldError[] {
  const prefix = target && target !== 'json' && target !== 'form' ? [target] : [];
  return issues.flatMap((issue) => {
    const base = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'Unknown field' }));
    }
    return [{ path: base.join('.') || '(body)', message: issue.message }];
  });
}

// Every router shares this hook: a request that fails its zod schema gets 400 problem+json
// naming each field, never a zod dump.
const defaultHook = (
  result: { success: true } | { success: false; error: { issues: readonly ZodIssueLike[] }; target?: string },
  c: Context<AppEnv>,
) => {
  if (result.success) return;
  const fields = fieldErrorsOf(result.error.issues, result.target);
  return problemResponse(c, {
    kind: 'bad_request',
    code: 'validation.invalid_request',
    detail: `Invalid request: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
    fields,
  });
};

/** A router for one audience or the platform routes. Request body schemas must be strict. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook });
}
