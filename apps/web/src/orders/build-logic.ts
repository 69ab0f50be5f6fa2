import type { Order } from '../api/types.ts';
import type { MessageKey } from '../i18n/catalogue.ts';

/**
 * Pure logic of the customer's build chain on the order page: the car's plant progress as rows
 * (planned, the plant steps, at the dealer) with their estimated and actual times, whether the
 * delivery date may still change, and whether the car can be accepted, and if not, why. The
 * server checks everything again; this only decides what to show and offer.
 */

export type VehicleProgress = NonNullable<Order['build']['vehicle']>;
export type Handover = NonNullable<Order['build']['handover']>;
export type TimelineStep = VehicleProgress['steps'][number]['step'];

export type ProgressStatus = 'done' | 'current' | 'failed' | 'todo';

export type ProgressRow = {
  step: 'planned' | TimelineStep;
  status: ProgressStatus;
  estimatedAt: string | null;
  actualAt: string | null;
  /** planned only: the production day (and the position on the line once the day is frozen). */
  productionDay?: string | null;
  sequencePosition?: number | null;
};

export const STEP_KEYS: Record<ProgressRow['step'], MessageKey> = {
  planned: 'production.state.planned',
  stamping: 'production.step.stamping',
  body: 'production.step.body',
  paint: 'production.step.paint',
  assembly: 'production.step.assembly',
  qc: 'production.step.qc',
  shipped: 'production.step.shipped',
  at_dealer: 'production.step.at_dealer',
};

/**
 * The car's way through the plant, one row per step: done when the step has its actual time (a
 * failed check stays "failed" until it passes), the first step after the last done one is
 * current while the car is active; a cancelled car has nothing current.
 */
export function progressRows(vehicle: VehicleProgress): ProgressRow[] {
  const planned: ProgressRow = {
    step: 'planned',
    status: vehicle.productionDay ? 'done' : 'todo',
    estimatedAt: null,
    actualAt: null,
    productionDay: vehicle.productionDay,
    sequencePosition: vehicle.sequencePosition,
  };
  const rows: ProgressRow[] = [
    planned,
    ...vehicle.steps.map(
      (s): ProgressRow => ({
        step: s.step,
        status: s.actualAt === null ? 'todo' : s.result === 'fail' ? 'failed' : 'done',
        estimatedAt: s.estimatedAt,
        actualAt: s.actualAt,
      }),
    ),
  ];
  if (vehicle.status !== 'active') return rows;
  const lastDone = rows.reduce((last, row, i) => (row.status === 'done' ? i : last), -1);
  const next = rows[lastDone + 1];
  if (next && next.status === 'todo' && vehicle.productionDay) next.status = 'current';
  return rows;
}

export type DateChange =
  | { allowed: true }
  | { allowed: false; reason: 'no_car' | 'frozen' | 'in_build' | 'delivered' | 'cancelled' };

/** Whether the customer may pick another delivery date now (the server's action, explained). */
export function deliveryDateChange(order: Pick<Order, 'state' | 'actions' | 'build'>): DateChange {
  if (order.actions.changeDeliveryDate) return { allowed: true };
  if (order.state === 'cancelled') return { allowed: false, reason: 'cancelled' };
  if (order.state === 'delivered') return { allowed: false, reason: 'delivered' };
  if (!order.build.vehicle) return { allowed: false, reason: 'no_car' };
  // The production day is frozen (scheduled), or the car is being built or already built.
  return { allowed: false, reason: order.state === 'scheduled' ? 'frozen' : 'in_build' };
}

export type AcceptanceBlock =
  | { code: 'not_at_dealer' }
  | { code: 'delivered' }
  | { code: 'cancelled' }
  | { code: 'no_handover' }
  | { code: 'checklist_open'; left: Handover['checklistLeft'] }
  | { code: 'balance_due'; amount: number; currency: string };

export type Acceptance =
  | { allowed: true }
  | {
      allowed: false;
      blocks: AcceptanceBlock[];
      /** The balance can be paid now (through the pay panel) to clear one of the blocks. */
      payBalanceFirst: boolean;
    };

/**
 * "Accept delivery" is offered only when the car is at the dealer, the hand-over is booked with
 * its checklist complete and the balance is paid; otherwise every reason, in the order the
 * customer meets them.
 */
export function acceptance(order: Pick<Order, 'state' | 'money' | 'actions' | 'build'>): Acceptance {
  const blocks: AcceptanceBlock[] = [];
  if (order.state === 'delivered') blocks.push({ code: 'delivered' });
  else if (order.state === 'cancelled') blocks.push({ code: 'cancelled' });
  else if (order.state !== 'at_dealer') blocks.push({ code: 'not_at_dealer' });
  else {
    const handover = order.build.handover;
    if (handover?.status !== 'booked') blocks.push({ code: 'no_handover' });
    else if (!handover.checklistComplete)
      blocks.push({ code: 'checklist_open', left: handover.checklistLeft });
  }
  const due = order.money.due;
  const owing =
    order.state !== 'cancelled' && order.state !== 'delivered' && due?.purpose === 'balance' ? due.amount : 0;
  if (owing > 0) blocks.push({ code: 'balance_due', amount: owing, currency: order.money.currency });
  if (blocks.length === 0 && order.actions.acceptDelivery) return { allowed: true };
  if (blocks.length === 0) blocks.push({ code: 'no_handover' });
  return { allowed: false, blocks, payBalanceFirst: owing > 0 && order.actions.pay === 'balance' };
}
