/**
 * Composition root: every module and router wired by hand. Nothing here holds business rules.
 */
import { timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import { EVENT_CATALOGUE, eventCatalogueDocument } from './event-catalogue.ts';
import { subscribeBuildChain } from './flows/follow-plant.ts';
import { orderJobs } from './flows/order-jobs.ts';
import { paymentJobs } from './flows/payment-jobs.ts';
import { paymentProvidersFor } from './flows/payment-providers.ts';
import { adminRoutes } from './http/admin/index.ts';
import { authRoutes } from './http/auth/index.ts';
import { dealerRoutes } from './http/dealer/index.ts';
import { renderEventReference } from './http/event-docs.ts';
import { factoryRoutes } from './http/factory/index.ts';
import { partnerRoutes } from './http/partner/index.ts';
import { sessionMiddleware } from './http/session.ts';
import { storeRoutes } from './http/store/index.ts';
import { createIntegration, type Integration } from './modules/integration/index.ts';
import { productionJobs } from './modules/production/index.ts';
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { type Db, systemCtx } from './platform/context.ts';
import type { DialectName } from './platform/db/create-database.ts';
import { AppError } from './platform/errors.ts';
import type { EventBus } from './platform/events/event-bus.ts';
import type { AppEnv } from './platform/http/app-env.ts';
import { createRouter } from './platform/http/create-router.ts';
import { buildOpenApiDocument, renderApiReference } from './platform/http/openapi.ts';
import { installPlatformHttp } from './platform/http/platform-middleware.ts';
import { problemResponses } from './platform/http/problem.ts';
import type { JobQueue } from './platform/jobs/job-queue.ts';
import type { Logger } from './platform/log.ts';

export type AppDeps = {
  db: Db;
  dialect: DialectName;
  config: Config;
  log: Logger;
  clock: Clock;
  events: EventBus;
  jobs: JobQueue;
  /** Webhooks and the operations view of the event flow; its worker is started by main.ts. */
  integration: Integration;
};

/** The integration module for the rest of the deps (main.ts, tests and scripts build it the same way). */
export function integrationFor(
  deps: Pick<AppDeps, 'db' | 'log' | 'clock' | 'config' | 'events'>,
): Integration {
  return createIntegration({
    db: deps.db,
    log: deps.log,
    clock: deps.clock,
    bus: deps.events,
    events: EVENT_CATALOGUE,
    allowPrivateNetworks: deps.config.webhookAllowPrivateNetworks,
  });
}

export const API_VERSION = '0.1.0';

/** Audience prefixes and their routers; `/auth` is API only, the others share the web app's paths. */
const AUDIENCES = [
  ['/auth', authRoutes],
  ['/store', storeRoutes],
  ['/dealer', dealerRoutes],
  ['/admin', adminRoutes],
  ['/factory', factoryRoutes],
  ['/partner', partnerRoutes],
] as const;

// Paths that are never pages of the web app, whatever the Accept header says.
const API_ONLY = [
  '/auth',
  '/store',
  '/openapi.json',
  '/docs',
  '/healthz',
  '/readyz',
  '/asyncapi.json',
  '/metrics',
];
// Paths that are both pages of the web app and API routes.
const SHARED_PREFIXES = ['/dealer', '/admin', '/factory', '/partner'];

export function registerJobsAndSubscribers(deps: AppDeps): void {
  // Modules register their jobs (deps.jobs.register(...)) and subscribers
  // (deps.events.subscribe(...)) here as they arrive.
  // integration: webhook fan-out of every catalogue event
  deps.integration.subscribe();

  // ---- payments (issue #5): sim callback delivery, refunds, payment expiry
  const payments = paymentJobs(paymentProvidersFor(deps.config));
  deps.jobs.register(payments.deliverSimCallback, payments.processRefund, payments.expirePayment);

  // production: sequencing runs and the hourly freeze at the horizon
  deps.jobs.register(...productionJobs);

  // ---- build chain (issue #6): the order follows the plant; unpaid drafts expire
  subscribeBuildChain(deps.events);
  deps.jobs.register(orderJobs(paymentProvidersFor(deps.config)).expireDraft);
}

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  installPlatformHttp(app, deps);

  const webApp = webAppMiddleware(deps.config.webDist);
  if (webApp) app.use('*', webApp);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      tags: ['platform'],
      summary: 'Liveness: the process answers',
      responses: {
        200: {
          description: 'Alive',
          content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
        },
      },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/readyz',
      tags: ['platform'],
      summary: 'Readiness: the database answers',
      responses: {
        200: {
          description: 'Ready',
          content: {
            'application/json': {
              schema: z.object({ status: z.literal('ok'), checks: z.object({ database: z.literal('ok') }) }),
            },
          },
        },
        ...problemResponses(503),
      },
    }),
    async (c) => {
      try {
        await sql`select 1`.execute(deps.db);
      } catch (err) {
        c.var.ctx.log.error('readiness check failed', { err });
        throw new AppError('unavailable', 'platform.database_unavailable', 'The database does not answer');
      }
      return c.json({ status: 'ok' as const, checks: { database: 'ok' as const } }, 200);
    },
  );

  const session = sessionMiddleware(deps);
  for (const [prefix, routes] of AUDIENCES) {
    app.use(prefix, session);
    app.use(`${prefix}/*`, session);
    app.route(prefix, routes(deps));
  }

  // Generated once, after every route is registered.
  let doc: ReturnType<typeof buildOpenApiDocument> | undefined;
  const openApi = () => {
    doc ??= buildOpenApiDocument(app, API_VERSION);
    return doc;
  };
  app.get('/openapi.json', (c) => c.json(openApi()));
  app.get('/docs', (c) => c.html(renderApiReference(openApi())));

  // integration (events out): the event catalogue and the metrics
  const events = eventCatalogueDocument();
  const eventsPage = renderEventReference(events);
  app.get('/asyncapi.json', (c) => c.json(events));
  app.get('/docs/events', (c) => c.html(eventsPage));
  app.get('/metrics', async (c) => {
    const token = deps.config.metricsToken;
    if (!token)
      throw new AppError('not_found', 'platform.metrics_disabled', 'Set METRICS_TOKEN to enable /metrics.');
    const given = Buffer.from(c.req.header('authorization') ?? '');
    const expected = Buffer.from(`Bearer ${token}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      c.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError(
        'unauthenticated',
        'platform.metrics_unauthorized',
        'Send Authorization: Bearer <METRICS_TOKEN>.',
      );
    }
    const text = await deps.integration.metricsText(systemCtx(deps, 'metrics'));
    return c.body(text, 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
  return app;
}

/** Serves the built web app: hashed assets, and index.html for page navigations (SPA fallback). */
function webAppMiddleware(webDist: string): MiddlewareHandler<AppEnv> | undefined {
  const indexFile = join(webDist, 'index.html');
  if (!existsSync(indexFile)) return undefined;
  // Cache headers are set before serveStatic builds the response: its onFound hook runs after
  // the body is created, too late for headers.
  const assets = serveStatic<AppEnv>({ root: webDist });
  let indexHtml: string | undefined;
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path;
    if (API_ONLY.some((p) => path === p || path.startsWith(`${p}/`))) return next();
    if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) {
      c.header(
        'cache-control',
        path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      return assets(c, next);
    }
    // Shared prefixes (/admin, /dealer, ...): a browser navigation asks for HTML, the API client
    // for JSON. Every other path (/, /sign-in, /configure/...) is only ever a page.
    const shared = SHARED_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
    if (shared && !(c.req.header('accept') ?? '').includes('text/html')) return next();
    indexHtml ??= readFileSync(indexFile, 'utf8');
    c.header('cache-control', 'no-cache');
    return c.html(indexHtml);
  };
}
