import { AppError } from '../../platform/errors.ts';
import type { OrderAction, OrderState } from './order-state.ts';

/** The errors callers of this module (and the payment flows) handle; codes are stable. */
export const ORDER_NOT_FOUND = 'ordering.order_not_found';

export function orderNotFound(): AppError {
  return new AppError('not_found', ORDER_NOT_FOUND, 'No such order.');
}

/** 409 with the order's current state and the refused action. */
export function illegalTransition(state: OrderState, action: OrderAction | string): AppError {
  return new AppError(
    'conflict',
    'ordering.illegal_transition',
    `An order in state ${state} cannot ${action.replaceAll('_', ' ')}.`,
    { extra: { state, action } },
  );
}
