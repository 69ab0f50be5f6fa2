import type { Ctx } from '../../platform/context.ts';
import { assertAuthorized } from '../identity/index.ts';
import { currentOrderTerms, type OrderTerms } from './order-terms.ts';

/** The order terms customers accept at checkout (public). */
export function getOrderTerms(ctx: Ctx): OrderTerms {
  assertAuthorized(ctx.actor, 'order_terms.read');
  return currentOrderTerms();
}
