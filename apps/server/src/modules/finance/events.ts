import { z } from 'zod';
import { defineEvent } from '../../platform/events/define-event.ts';

const offer = z.object({
  offerId: z.string(),
  code: z.string(),
  aprBp: z.number().int(),
  termsMonths: z.array(z.number().int()),
  minDownBp: z.number().int(),
  modelLines: z.array(z.string()),
  currency: z.string(),
});

/** A finance offer became available (the aggregate is the offer id). */
export const offerCreated = defineEvent('finance.offer_created', offer, {
  description: "A finance partner's offer was created. The aggregate is the offer id.",
});

/** A finance offer was withdrawn: no new quotes or orders with it; orders keep their snapshot. */
export const offerDeactivated = defineEvent('finance.offer_deactivated', offer, {
  description:
    'A finance offer was withdrawn: no new quotes or orders with it; orders keep their snapshot. The aggregate is the offer id.',
});
