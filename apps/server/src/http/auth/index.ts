import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app.ts';
import {
  csrfTokenFor,
  getAccount,
  LOCALES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  registerCustomer,
  signIn,
  signOut,
} from '../../modules/identity/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute, registerSecuritySchemes } from '../access.ts';
import { UserSchema, userDto } from '../identity-shapes.ts';
import { clearSessionCookies, sessionTokenOf, setSessionCookies } from '../session.ts';

/** Routes of `/auth`: registration, sign-in and -out, the signed-in account. */
const tags = ['auth'];
const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

const register = guardedRoute('session.start', {
  method: 'post',
  path: '/register',
  tags,
  summary: 'Register a customer account (phone or e-mail) and sign in',
  description:
    'Sets the `c2b_session` (HttpOnly) and `c2b_csrf` cookies. A cross-origin `Origin` is refused.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            name: z.string().trim().min(1).max(100),
            phone: z.string().max(32).optional().openapi({ example: '13800138000' }),
            email: z.string().max(254).optional().openapi({ example: 'li.na@example.com' }),
            password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
            locale: z.enum(LOCALES).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: json(z.object({ user: UserSchema }), 'Registered and signed in'),
    ...problemResponses(400, 403, 409),
  },
});

const signInRoute = guardedRoute('session.start', {
  method: 'post',
  path: '/sign-in',
  tags,
  summary: 'Sign in with phone or e-mail and password',
  description:
    'Sets the `c2b_session` (HttpOnly) and `c2b_csrf` cookies. After 5 failed attempts for one login within 15 minutes the login is locked: 429 `identity.too_many_attempts` with `Retry-After`.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            login: z
              .string()
              .trim()
              .min(1)
              .max(320)
              .openapi({ description: 'Phone number or e-mail address' }),
            password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
          }),
        },
      },
    },
  },
  responses: {
    200: json(z.object({ user: UserSchema }), 'Signed in'),
    ...problemResponses(400, 401, 403, 429),
  },
});

const signOutRoute = guardedRoute('account.read', {
  method: 'post',
  path: '/sign-out',
  tags,
  summary: 'Sign out (ends this session)',
  responses: { 204: { description: 'Signed out' }, ...problemResponses(401, 403) },
});

const me = guardedRoute('account.read', {
  method: 'get',
  path: '/me',
  tags,
  summary: 'The signed-in account and the CSRF token of this session',
  responses: {
    200: json(z.object({ user: UserSchema, csrfToken: z.string() })),
    ...problemResponses(401, 403),
  },
});

export function authRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerSecuritySchemes(router);
  const secret = deps.config.sessionSecret;
  const userAgent = (ua: string | undefined) => ua ?? null;

  router.openapi(register, async (c) => {
    const body = c.req.valid('json');
    const started = await registerCustomer(c.var.ctx, {
      ...body,
      userAgent: userAgent(c.req.header('user-agent')),
    });
    setSessionCookies(c, secret, started.sessionToken, started.expiresAt);
    return c.json({ user: userDto(started.user) }, 201);
  });

  router.openapi(signInRoute, async (c) => {
    const body = c.req.valid('json');
    try {
      const started = await signIn(c.var.ctx, { ...body, userAgent: userAgent(c.req.header('user-agent')) });
      setSessionCookies(c, secret, started.sessionToken, started.expiresAt);
      return c.json({ user: userDto(started.user) }, 200);
    } catch (err) {
      // The problem body says `retryAfter`; HTTP clients look for the header.
      if (err instanceof AppError && err.kind === 'rate_limited') {
        const { retryAfter } = err.extra ?? {};
        c.header('retry-after', String(retryAfter ?? 900));
      }
      throw err;
    }
  });

  router.openapi(signOutRoute, async (c) => {
    const token = sessionTokenOf(c);
    if (token) await signOut(c.var.ctx, token);
    clearSessionCookies(c);
    return c.body(null, 204);
  });

  router.openapi(me, async (c) => {
    const user = await getAccount(c.var.ctx);
    const token = sessionTokenOf(c) ?? '';
    return c.json({ user: userDto(user), csrfToken: csrfTokenFor(secret, token) }, 200);
  });

  return router;
}
