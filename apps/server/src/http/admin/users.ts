import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  createStaffUser,
  LOCALES,
  listUsers,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../../modules/identity/index.ts';
import { STAFF_ROLES } from '../../platform/actor.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import { UserSchema, userDto } from '../identity-shapes.ts';

const tags = ['admin'];

const list = guardedRoute('user.manage', {
  method: 'get',
  path: '/users',
  tags,
  summary: 'All accounts, customers and staff, oldest first',
  request: {
    query: z.strictObject({
      cursor: z.string().max(64).optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
    }),
  },
  responses: {
    200: {
      description: 'OK',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(UserSchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

const create = guardedRoute('user.manage', {
  method: 'post',
  path: '/users',
  tags,
  summary: 'Create a staff account in an organisation of the kind its role needs',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            name: z.string().trim().min(1).max(100),
            email: z.string().max(254),
            phone: z.string().max(32).optional(),
            password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
            role: z.enum(STAFF_ROLES),
            orgId: z.string().min(1).max(64),
            locale: z.enum(LOCALES).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Created',
      content: { 'application/json': { schema: z.object({ user: UserSchema }) } },
    },
    ...problemResponses(400, 401, 403, 409, 422),
  },
});

export function mountUserRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const page = await listUsers(c.var.ctx, query);
    return c.json({ items: page.items.map(userDto), nextCursor: page.nextCursor }, 200);
  });
  router.openapi(create, async (c) => {
    const user = await createStaffUser(c.var.ctx, c.req.valid('json'));
    return c.json({ user: userDto(user) }, 201);
  });
}
