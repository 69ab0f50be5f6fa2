import { z } from 'zod';
import { defineEvent } from '../../platform/events/define-event.ts';

/** A new version of a model line went live (the aggregate is the model line id). */
export const versionPublished = defineEvent(
  'catalog.version_published',
  z.object({
    modelLineId: z.string(),
    modelLine: z.string(),
    versionId: z.string(),
    number: z.number().int(),
    modelHash: z.string(),
    variantCount: z.string(),
  }),
  {
    description:
      'A new version of a model line went live in the storefront. The aggregate is the model line; `variantCount` is an exact integer as a decimal string.',
  },
);

/** A configuration was saved for the first time on a version (the aggregate is its id). */
export const configurationSaved = defineEvent(
  'catalog.configuration_saved',
  z.object({
    configurationId: z.string(),
    code: z.string(),
    modelLine: z.string(),
    versionId: z.string(),
    total: z.number().int(),
    currency: z.string(),
  }),
  {
    description:
      'A configuration was saved for the first time on a catalogue version (later saves of the same one publish nothing). The aggregate is the configuration; `total` is in minor units (fen) of `currency`.',
  },
);
