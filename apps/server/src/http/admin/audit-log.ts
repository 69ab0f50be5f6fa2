import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { assertAuthorized } from '../../modules/identity/index.ts';
import type { Ctx } from '../../platform/context.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';

const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string().openapi({
      description: '`<kind>:<id>`, e.g. `staff:usr_…`, `system:seed`',
      example: 'staff:usr_01JD…',
    }),
    actorKind: z.string(),
    actorId: z.string().nullable(),
    orgId: z.string().nullable(),
    action: z.string().openapi({ example: 'identity.user_created' }),
    targetType: z.string(),
    targetId: z.string(),
    requestId: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

const list = guardedRoute('audit.read', {
  method: 'get',
  path: '/audit-log',
  tags: ['admin'],
  summary: 'The audit log of staff and system actions, newest first',
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
          schema: z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

// TODO(platform): this read of platform.audit_log belongs beside recordAudit in
// platform/audit.ts (`listAuditEntries`); it lives here until that exists.
type AuditRow = {
  id: string;
  at: Date | string;
  actor_kind: string;
  actor_id: string | null;
  org_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  request_id: string;
  data: unknown;
};

async function listAuditEntries(ctx: Ctx, page: { cursor?: string | undefined; limit?: number | undefined }) {
  const db = ctx.db as Kysely<{ 'platform.audit_log': AuditRow }>;
  const limit = page.limit ?? 50;
  let q = db.selectFrom('platform.audit_log').selectAll();
  // ids sort by creation time, so the id is the cursor
  if (page.cursor) q = q.where('id', '<', page.cursor);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

export function mountAuditLogRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(list, async (c) => {
    assertAuthorized(c.var.ctx.actor, 'audit.read');
    const page = await listAuditEntries(c.var.ctx, c.req.valid('query'));
    return c.json(
      {
        items: page.items.map((r) => ({
          id: r.id,
          at: new Date(r.at).toISOString(),
          actor: r.actor_id ? `${r.actor_kind}:${r.actor_id}` : r.actor_kind,
          actorKind: r.actor_kind,
          actorId: r.actor_id,
          orgId: r.org_id,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          requestId: r.request_id,
          data: (typeof r.data === 'string' ? JSON.parse(r.data) : (r.data ?? {})) as Record<string, unknown>,
        })),
        nextCursor: page.nextCursor,
      },
      200,
    );
  });
}
