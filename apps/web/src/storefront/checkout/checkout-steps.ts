import type { FinanceChoice } from '../../api/types.ts';

/**
 * The checkout as a list of steps over one draft, pure: which step is open, which are done,
 * and which can be opened (every step before it done). The steps are data, so a step can be
 * added where it belongs (issue #6 puts the delivery date between dealer and finance) without
 * touching the rest.
 */
export type CheckoutDraft = {
  dealerId: string | null;
  /** A date of the delivery calendar for this configuration at the chosen dealer (YYYY-MM-DD). */
  deliveryDate: string | null;
  /** null: paying in full; a loan counts once its choice is complete and the server quoted it. */
  finance: { choice: FinanceChoice | null; quoted: boolean } | null;
  insurance: string[];
  termsAccepted: boolean;
};

export type StepDefinition<Id extends string = string> = {
  id: Id;
  /** Done: the order can go ahead with what this step holds. */
  complete: (draft: CheckoutDraft) => boolean;
};

export const CHECKOUT_STEPS = [
  { id: 'dealer', complete: (d) => d.dealerId !== null },
  { id: 'delivery', complete: (d) => d.dealerId !== null && d.deliveryDate !== null },
  { id: 'finance', complete: (d) => d.finance === null || (d.finance.choice !== null && d.finance.quoted) },
  { id: 'insurance', complete: () => true },
  { id: 'terms', complete: (d) => d.termsAccepted },
  // The last step places the order: it is never "done" before that.
  { id: 'review', complete: () => false },
] as const satisfies readonly StepDefinition[];

export type CheckoutStepId = (typeof CHECKOUT_STEPS)[number]['id'];

export type CheckoutState<Id extends string = CheckoutStepId> = {
  draft: CheckoutDraft;
  current: Id;
  /** The furthest step opened so far: steps up to it show as visited. */
  reached: number;
};

export type CheckoutAction<Id extends string = CheckoutStepId> =
  | { type: 'go'; step: Id }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'update'; patch: Partial<CheckoutDraft> };

export const EMPTY_DRAFT: CheckoutDraft = {
  dealerId: null,
  deliveryDate: null,
  finance: null,
  insurance: [],
  termsAccepted: false,
};

export function initialCheckout<Id extends string>(
  steps: readonly StepDefinition<Id>[],
  draft: CheckoutDraft = EMPTY_DRAFT,
): CheckoutState<Id> {
  const first = steps[0];
  if (!first) throw new Error('a checkout needs steps');
  return { draft, current: first.id, reached: 0 };
}

/** A step can be opened once every step before it is done. */
export function canOpen<Id extends string>(
  steps: readonly StepDefinition<Id>[],
  draft: CheckoutDraft,
  id: Id,
): boolean {
  const index = steps.findIndex((s) => s.id === id);
  return index >= 0 && steps.slice(0, index).every((s) => s.complete(draft));
}

/** The first step still to do (where "continue" leads, and what the review points back to). */
export function firstIncomplete<Id extends string>(
  steps: readonly StepDefinition<Id>[],
  draft: CheckoutDraft,
): StepDefinition<Id> | undefined {
  return steps.find((s) => !s.complete(draft));
}

export type StepStatus = 'current' | 'done' | 'todo' | 'locked';

export function stepStatuses<Id extends string>(
  steps: readonly StepDefinition<Id>[],
  state: CheckoutState<Id>,
): { id: Id; status: StepStatus }[] {
  return steps.map((step, index) => ({
    id: step.id,
    status:
      step.id === state.current
        ? 'current'
        : !canOpen(steps, state.draft, step.id)
          ? 'locked'
          : index <= state.reached && step.complete(state.draft)
            ? 'done'
            : 'todo',
  }));
}

export function checkoutReducer<Id extends string>(
  steps: readonly StepDefinition<Id>[],
  state: CheckoutState<Id>,
  action: CheckoutAction<Id>,
): CheckoutState<Id> {
  const indexOf = (id: Id) => steps.findIndex((s) => s.id === id);
  const open = (id: Id): CheckoutState<Id> =>
    canOpen(steps, state.draft, id)
      ? { ...state, current: id, reached: Math.max(state.reached, indexOf(id)) }
      : state;
  switch (action.type) {
    case 'go':
      return open(action.step);
    case 'next': {
      const here = steps[indexOf(state.current)];
      const next = steps[indexOf(state.current) + 1];
      return here && next && here.complete(state.draft) ? open(next.id) : state;
    }
    case 'back': {
      const previous = steps[indexOf(state.current) - 1];
      return previous ? { ...state, current: previous.id } : state;
    }
    case 'update': {
      const draft = { ...state.draft, ...action.patch };
      // The calendar is the chosen dealer's: another dealer needs the date picked again.
      if (
        action.patch.dealerId !== undefined &&
        action.patch.dealerId !== state.draft.dealerId &&
        action.patch.deliveryDate === undefined
      ) {
        draft.deliveryDate = null;
      }
      // A change that undoes an earlier step sends the customer back to it.
      const current = canOpen(steps, draft, state.current)
        ? state.current
        : (firstIncomplete(steps, draft)?.id ?? state.current);
      return { ...state, draft, current };
    }
  }
}
