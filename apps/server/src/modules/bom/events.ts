import { z } from 'zod';
import { defineEvent } from '../../platform/events/define-event.ts';

/** A new BOM version of a model line was published (the aggregate is the model line code). */
export const bomVersionPublished = defineEvent(
  'bom.version_published',
  z.object({
    modelLine: z.string(),
    versionId: z.string(),
    number: z.number().int(),
    catalogVersionId: z.string(),
    lineCount: z.number().int(),
  }),
  {
    description:
      'A new BOM version of a model line was published, checked against the catalogue version it names. The aggregate is the model line code.',
  },
);

/** A part's master data changed (the aggregate is the part id); `changes` lists the fields. */
export const partUpdated = defineEvent(
  'bom.part_updated',
  z.object({
    partId: z.string(),
    partNumber: z.string(),
    changes: z.array(z.string()),
    supplierOrgId: z.string(),
    leadTimeDays: z.number().int(),
    previousLeadTimeDays: z.number().int(),
    active: z.boolean(),
  }),
  {
    description:
      "A part's master data changed (`changes` lists the fields; lead times are in days). The aggregate is the part id.",
  },
);

/** A vehicle's parts list was stored or replaced (the aggregate is the vehicle id). */
export const vehiclePartsStored = defineEvent(
  'bom.vehicle_parts_stored',
  z.object({
    vehicleId: z.string(),
    modelLine: z.string(),
    bomVersionId: z.string(),
    catalogVersionId: z.string(),
    partCount: z.number().int(),
    longestLeadTimeDays: z.number().int(),
  }),
  {
    description:
      "A vehicle's parts list was stored or replaced from its configuration and the BOM version named. The aggregate is the vehicle id.",
  },
);
