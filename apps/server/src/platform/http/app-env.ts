import type { Ctx } from '../context.ts';

/** Hono environment of every router: the request's ctx and id. */
export type AppEnv = { Variables: { ctx: Ctx; requestId: string } };
