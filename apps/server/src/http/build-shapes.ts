import { z } from '@hono/zod-openapi';
import {
  CHECKLIST_ITEMS,
  CHECKLIST_LABELS,
  checklistState,
  HANDOVER_STATUSES,
  type Handover,
} from '../modules/dealers/index.ts';
import type { OwnedVehicle } from '../modules/owners/index.ts';
import { BilingualSchema } from './identity-shapes.ts';

/** Response shapes of the build chain's hand-over and owner routes. Never a row as stored. */

export const ChecklistItemSchema = z.enum(CHECKLIST_ITEMS).openapi('ChecklistItem');

export const HandoverSchema = z
  .object({
    id: z.string(),
    vehicleId: z.string(),
    orderId: z.string(),
    dealerId: z.string(),
    day: z.string().openapi({ description: 'YYYY-MM-DD, local date of the dealer' }),
    slotStart: z.string().openapi({ example: '10:00' }),
    slotEnd: z.string().openapi({ example: '11:00' }),
    status: z.enum(HANDOVER_STATUSES),
    checklist: z.array(
      z.object({
        item: ChecklistItemSchema,
        label: BilingualSchema,
        checked: z.boolean(),
        note: z.string().nullable(),
        checkedAt: z.string().nullable(),
      }),
    ),
    checklistComplete: z.boolean(),
    checklistLeft: z.array(ChecklistItemSchema),
    bookedAt: z.string(),
    completedAt: z.string().nullable(),
    keysHandedOver: z.object({ at: z.string(), staffName: z.string() }).nullable().openapi({
      description: "The keys handed over after the customer's acceptance, as the dealer's DMS confirmed it",
    }),
  })
  .openapi('Handover');

export function handoverDto(h: Handover): z.infer<typeof HandoverSchema> {
  const state = checklistState(h.checklist);
  return {
    id: h.id,
    vehicleId: h.vehicleId,
    orderId: h.orderId,
    dealerId: h.dealerOrgId,
    day: h.day,
    slotStart: h.slotStart,
    slotEnd: h.slotEnd,
    status: h.status,
    checklist: state.items.map(({ item, entry }) => ({
      item,
      label: CHECKLIST_LABELS[item],
      checked: entry?.checked ?? false,
      note: entry?.note ?? null,
      checkedAt: entry?.at.toISOString() ?? null,
    })),
    checklistComplete: state.complete,
    checklistLeft: state.left,
    bookedAt: h.bookedAt.toISOString(),
    completedAt: h.completedAt?.toISOString() ?? null,
    keysHandedOver: h.keysHandedOver
      ? { at: h.keysHandedOver.at.toISOString(), staffName: h.keysHandedOver.staffName }
      : null,
  };
}

export const OwnedVehicleSchema = z
  .object({
    vehicleId: z.string(),
    vin: z.string(),
    orderId: z.string(),
    modelLine: z.string(),
    configurationCode: z.string(),
    dealerId: z.string(),
    deliveredAt: z.string(),
  })
  .openapi('OwnedVehicle');

export const ownedVehicleDto = (v: OwnedVehicle): z.infer<typeof OwnedVehicleSchema> => ({
  vehicleId: v.vehicleId,
  vin: v.vin,
  orderId: v.orderId,
  modelLine: v.modelLine,
  configurationCode: v.configurationCode,
  dealerId: v.dealerOrgId,
  deliveredAt: v.deliveredAt.toISOString(),
});
