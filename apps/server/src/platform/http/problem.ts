import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type AppError, type ErrorKind, type FieldError, httpStatusOf, titleOf } from '../errors.ts';

/**
 * RFC 9457 problem details. `type` is a relative URI naming the code (no documentation site
 * yet), `code` is the stable machine-readable code, `requestId` ties the answer to the log.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: '/problems/validation.invalid_request' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().openapi({ example: 'validation.invalid_request' }),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem');

export type Problem = z.infer<typeof ProblemSchema>;

export type ProblemInput = {
  kind: ErrorKind;
  code: string;
  detail?: string;
  fields?: FieldError[];
  extra?: Record<string, unknown>;
};

export function problemBody(input: ProblemInput, requestId: string): Problem {
  const status = httpStatusOf(input.kind);
  return {
    ...input.extra,
    type: `/problems/${input.code}`,
    title: titleOf(input.kind),
    status,
    ...(input.detail ? { detail: input.detail } : {}),
    code: input.code,
    requestId,
    ...(input.fields ? { errors: input.fields } : {}),
  };
}

/** A problem+json Response; usable from handlers, middleware and error hooks. */
export function problemResponse(c: Context, input: ProblemInput | AppError): Response {
  const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
  const body = problemBody(
    {
      kind: input.kind,
      code: input.code,
      ...(input.detail !== undefined ? { detail: input.detail } : {}),
      ...(input.fields !== undefined ? { fields: input.fields } : {}),
      ...(input.extra !== undefined ? { extra: input.extra } : {}),
    },
    requestId,
  );
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    'content-type': PROBLEM_CONTENT_TYPE,
  });
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (problem+json; `errors` names the fields)',
  401: 'Not signed in',
  403: 'Not allowed for this actor',
  404: 'Not found (or not visible to this actor)',
  409: 'Conflict with the current state',
  413: 'Body larger than the limit',
  422: 'Unprocessable',
  429: 'Too many requests',
  500: 'Internal error (no details; see the log by requestId)',
  503: 'Unavailable',
};

/** OpenAPI `responses` entries for problem answers: `...problemResponses(400, 401, 404)`. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: DESCRIPTIONS[s] ?? 'Problem',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
      },
    ]),
  ) as Record<number, { description: string; content: Record<string, { schema: typeof ProblemSchema }> }>;
}
