import { z } from '@hono/zod-openapi';
import { PART_UNITS } from '../modules/bom/index.ts';
import { CHECKLIST_ITEMS, STOCK_STATUSES, STOCK_USAGES } from '../modules/dealers/index.ts';
import { LEAD_STAGES } from '../modules/leads/index.ts';
import { type PartnerAck, parseSourceVersion } from '../modules/partner/index.ts';
import { IsoDateSchema } from './production-shapes.ts';

/** Request and response shapes of the partner API (systems of record), and the mappings. */

export const SourceVersionSchema = z
  .union([z.number().int().min(0), z.string().max(40)])
  .refine((v) => parseSourceVersion(v) !== undefined, {
    message: 'A non-negative integer (change counter) or an RFC 3339 time with offset (change time)',
  })
  .openapi('SourceVersion', {
    description:
      "The source's own version of this record: its change counter, or its last-change time (RFC 3339 with offset, kept to the microsecond). The newer version wins whatever the arrival order; an older one is answered `applied: false, reason: stale`.",
    example: 17,
  });

const BilingualInput = z.strictObject({
  'zh-CN': z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});

export const ErpPartBodySchema = z
  .strictObject({
    sourceVersion: SourceVersionSchema,
    name: BilingualInput,
    supplierCode: z.string().trim().min(1).max(32).openapi({ example: 'SUP-SEAT' }),
    leadTimeDays: z.number().int().min(0).max(365),
    unit: z.enum(PART_UNITS),
    sequenced: z
      .boolean()
      .optional()
      .openapi({ description: 'Just in sequence; omitted: false for a new part, unchanged otherwise' }),
    active: z
      .boolean()
      .optional()
      .openapi({ description: 'Omitted: true for a new part, unchanged otherwise' }),
  })
  .openapi('ErpPart');

export const ErpPriceBodySchema = z
  .strictObject({
    sourceVersion: SourceVersionSchema,
    unitPrice: z
      .strictObject({
        amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).openapi({
          description: 'Minor units: fen for CNY',
          example: 128000,
        }),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as CNY')
          .openapi({ example: 'CNY' }),
      })
      .nullable()
      .openapi({ description: 'null clears the price' }),
  })
  .openapi('ErpPartPrice');

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const CrmLeadBodySchema = z
  .strictObject({
    sourceVersion: SourceVersionSchema,
    name: z
      .string()
      .min(1)
      .max(200)
      .openapi({ description: 'As the person gave it, any script', example: '王小明' }),
    phone: z.string().min(1).max(40).openapi({ example: '+86 138 0013 8000' }),
    city: optionalText(50).openapi({ description: 'City name in Chinese or English', example: '上海' }),
    modelLine: optionalText(64).openapi({ description: 'Catalogue model line code', example: 'qc-d90-pro' }),
    preferredDealerCode: optionalText(32).openapi({ example: 'DLR-SH' }),
    source: optionalText(64).openapi({ example: 'douyin' }),
    campaign: optionalText(100).openapi({ example: '2026-spring-camper' }),
    stage: z.enum(LEAD_STAGES),
  })
  .openapi('CrmLead', {
    description: 'The whole lead: an optional field left out is cleared. The answer never echoes it back.',
  });

export const VinSchema = z
  .string()
  .regex(/^[A-HJ-NPR-Z0-9]{17}$/, '17 characters: digits and capitals without I, O, Q')
  .openapi({ description: 'With its check digit (9th character)', example: 'LSCD90P22R0000017' });

export const DmsStockBodySchema = z
  .strictObject({
    sourceVersion: SourceVersionSchema,
    modelLine: z.string().trim().min(1).max(64).openapi({ example: 'qc-d90-pro' }),
    configurationCode: z.string().trim().min(1).max(64).nullable().optional(),
    usage: z.enum(STOCK_USAGES),
    status: z.enum(STOCK_STATUSES),
  })
  .openapi('DmsStockVehicle', { description: 'The whole record: an optional field left out is cleared.' });

export const DmsHandoverBodySchema = z
  .strictObject({
    sourceVersion: SourceVersionSchema,
    appointment: z
      .discriminatedUnion('status', [
        z.strictObject({
          status: z.literal('booked'),
          day: IsoDateSchema.openapi({ description: "The dealer's local date" }),
          slotStart: z
            .string()
            .regex(/^([01]\d|2[0-3]):(00|30)$/, 'HH:00 or HH:30')
            .openapi({ description: 'Start of the one-hour slot, local time', example: '10:00' }),
        }),
        z.strictObject({ status: z.literal('cancelled') }),
      ])
      .openapi({
        description:
          'Booked (a new day or slot moves it) or cancelled (the car waits at the dealer for a new appointment; its slot goes back).',
      }),
    checklistCompleted: z
      .array(z.enum(CHECKLIST_ITEMS))
      .max(CHECKLIST_ITEMS.length * 2)
      .default([])
      .openapi({
        description:
          'Pre-delivery checklist items the dealer completed; items left out stay as they are (a DMS never unchecks; staff do that in the app). Only while the appointment is booked.',
      }),
    keysHandedOver: z
      .strictObject({
        at: z.iso.datetime({ offset: true }).openapi({ example: '2026-12-18T10:40:00+08:00' }),
        staffName: z.string().trim().min(1).max(100).openapi({ example: '李娜' }),
      })
      .optional()
      .openapi({
        description:
          'The keys handed over: only after the customer accepted the car in the app (else 409 `dealers.handover_not_accepted`).',
      }),
  })
  .openapi('DmsHandover', {
    description:
      "What the dealer's DMS knows of one car's hand-over. Never the customer's acceptance: the customer gives it in the app once the balance is paid and the checklist complete.",
  });

export const WmsArrivalBodySchema = z
  .strictObject({
    plantCode: z.string().trim().min(1).max(32).optional().openapi({
      description: "Required for the brand's central WMS; a plant's key may leave it out",
      example: 'QC-PLANT-NJ',
    }),
    partNumber: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9.-]{1,39}$/, 'Upper-case letters, digits, "-" and "." (2-40)'),
    quantity: z.number().int().min(1).max(1_000_000),
    arrivedAt: z.iso.datetime({ offset: true }).openapi({ example: '2026-12-08T08:30:00+08:00' }),
    callOffReference: z
      .string()
      .max(64)
      .nullable()
      .optional()
      .openapi({ description: 'The call-off id on the delivery note (`cof_…`), if any' }),
  })
  .openapi('WmsArrival', {
    description:
      'A fact: it has no version. Sent again it gets the same answer; other content under its id is 409.',
  });

export const PartnerAckSchema = z
  .union([
    z.object({
      applied: z.literal(true),
      entity: z.string(),
      naturalKey: z.string(),
      version: z.string(),
      id: z.string(),
    }),
    z.object({
      applied: z.literal(false),
      reason: z.literal('stale'),
      entity: z.string(),
      naturalKey: z.string(),
      version: z.string(),
      appliedVersion: z.string().openapi({ description: 'The newer version that stays applied' }),
      id: z.string().nullable(),
    }),
  ])
  .openapi('PartnerAck', {
    description:
      'Applied, or acknowledged and ignored as stale. A re-send of the applied version gets the same answer again (header `Idempotent-Replayed: true`).',
  });

export function partnerAckDto(ack: PartnerAck): z.infer<typeof PartnerAckSchema> {
  return ack.applied
    ? { applied: true, entity: ack.entity, naturalKey: ack.naturalKey, version: ack.version, id: ack.id }
    : {
        applied: false,
        reason: 'stale',
        entity: ack.entity,
        naturalKey: ack.naturalKey,
        version: ack.version,
        appliedVersion: ack.appliedVersion,
        id: ack.id,
      };
}
