import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps } from '../../app.ts';
import { upsertCrmLead } from '../../flows/partner-crm-leads.ts';
import { confirmDmsHandover } from '../../flows/partner-dms-handovers.ts';
import { upsertDmsStockVehicle } from '../../flows/partner-dms-stock.ts';
import { setErpPartPrice, upsertErpPart } from '../../flows/partner-erp-parts.ts';
import { recordWmsArrival } from '../../flows/partner-wms-arrivals.ts';
import { getPartnerOrganisation } from '../../modules/identity/index.ts';
import { parseSourceVersion, type SourceVersion, type VersionedResult } from '../../modules/partner/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute, registerSecuritySchemes } from '../access.ts';
import { PartNumberSchema } from '../bom-shapes.ts';
import { OrganisationSchema, organisationDto } from '../identity-shapes.ts';
import {
  CrmLeadBodySchema,
  DmsHandoverBodySchema,
  DmsStockBodySchema,
  ErpPartBodySchema,
  ErpPriceBodySchema,
  PartnerAckSchema,
  partnerAckDto,
  VinSchema,
  WmsArrivalBodySchema,
} from '../partner-shapes.ts';
import { VehicleIdSchema } from '../production-shapes.ts';
import { mountPartnerCallOffRoutes } from './call-offs.ts';
import { endpointOf, registerSignatureSchemes, signedRoute, signingSecretBox } from './signed.ts';

/** Routes of `/partner`: supplier users (cookie session) and partner systems (API key). */
const organisation = guardedRoute('partner_organisation.read', {
  method: 'get',
  path: '/organisation',
  tags: ['partner'],
  summary: 'The caller’s own organisation (supplier user or API key with scope partner:read)',
  description:
    'A supplier user gets the whole profile. An API key gets its own organisation’s id, kind, code and public name only (the profile fields are null): this read needs no request signature, so it is the check that a key works and whose it is, and a bearer key alone reveals nothing more. Scope `partner:read`; a system-of-record scope alone is 403.',
  responses: {
    200: {
      description: 'OK',
      content: { 'application/json': { schema: z.object({ organisation: OrganisationSchema }) } },
    },
    ...problemResponses(401, 403, 404),
  },
});

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const ackResponses = {
  200: {
    description: 'Applied, or acknowledged as stale; a re-send gets the same answer',
    headers: z.object({
      'Idempotent-Replayed': z
        .literal('true')
        .optional()
        .openapi({ description: 'Set when this answer repeats the one given for the same version' }),
    }),
    content: json(PartnerAckSchema),
  },
  ...problemResponses(400, 401, 403, 404, 409),
};
const SIGNED =
  'Signed request (see the `partnerSignature` security scheme). 400 names the field; 401 for the key or signature; 403 for a key without this scope.';
const REFUSALS = `${SIGNED} 409 \`partner.version_reused\` when a version already applied comes with other content, \`partner.version_kind_changed\` when a counter follows a time.`;

const LeadIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'Letters, digits, ".", "_", ":" and "-" (1-100)')
  .openapi({ description: "The CRM's own id of the lead", example: 'CRM-2026-000123' });

function versionOf(raw: number | string): SourceVersion {
  const version = parseSourceVersion(raw);
  // The schema refused anything else already; this keeps the types honest.
  if (!version) {
    throw new AppError('bad_request', 'validation.invalid_request', 'Bad sourceVersion', {
      fields: [{ path: 'sourceVersion', message: 'Not a version' }],
    });
  }
  return version;
}

function answer(c: Context<AppEnv>, result: VersionedResult) {
  if (result.result === 'duplicate') c.header('Idempotent-Replayed', 'true');
  return c.json(partnerAckDto(result.ack), 200);
}

export function partnerRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerSecuritySchemes(router);
  registerSignatureSchemes(router);
  const box = signingSecretBox(deps);

  router.openapi(organisation, async (c) => {
    const dto = organisationDto(await getPartnerOrganisation(c.var.ctx));
    if (c.var.ctx.actor.kind !== 'api_key') return c.json({ organisation: dto }, 200);
    // An unsigned read: the key learns whose it is, nothing of the profile.
    const { id, kind, code, name } = dto;
    return c.json(
      {
        organisation: {
          id,
          kind,
          code,
          name,
          city: null,
          address: null,
          lat: null,
          lng: null,
          phone: null,
          openingHours: null,
        },
      },
      200,
    );
  });
  mountPartnerCallOffRoutes(router);

  // ---------------------------------------------------------------- WMS (scope wms:arrivals)

  const wmsArrival = signedRoute(box, 'wms_arrival.record', 'wms', 'arrivalId', {
    method: 'put',
    path: '/wms/arrivals/{arrivalId}',
    tags: ['partner'],
    summary: 'WMS: parts arrived at a plant (scope wms:arrivals); marks call-offs received',
    description: `${SIGNED} An arrival is a fact: sent again it gets the same answer; other content under its id is 409 \`partner.fact_changed\`. It covers the plant's open call-offs of the part (the one named, else soonest due); a late or short arrival re-promises the cars it holds up (the customer's timeline shows why). 422 \`production.arrival_not_in_calloff\` when the named call-off has no such part.`,
    request: {
      params: z.strictObject({
        arrivalId: LeadIdSchema.openapi({
          description: "The WMS's id of the arrival",
          example: 'GR-2026-004711',
        }),
      }),
      body: { required: true, content: json(WmsArrivalBodySchema) },
    },
    responses: { 200: ackResponses[200], ...problemResponses(400, 401, 403, 404, 409, 422) },
  });
  router.openapi(wmsArrival, async (c) => {
    const { arrivalId } = c.req.valid('param');
    const { arrivedAt, ...arrival } = c.req.valid('json');
    return answer(
      c,
      await recordWmsArrival(c.var.ctx, { endpoint: endpointOf(wmsArrival) }, arrivalId, {
        ...arrival,
        arrivedAt: new Date(arrivedAt),
      }),
    );
  });

  // ---------------------------------------------------------------- ERP (scope erp:parts)

  const partParams = z.strictObject({ partNumber: PartNumberSchema });

  const erpPart = signedRoute(box, 'erp_part.upsert', 'erp', 'partNumber', {
    method: 'put',
    path: '/erp/parts/{partNumber}',
    tags: ['partner'],
    summary: 'ERP: create or update a part of the part master (scope erp:parts)',
    description: `${REFUSALS} An unknown supplier code: 400 \`partner.unknown_supplier\`. Deactivating a part of a current BOM: 409 \`bom.part_in_use\`. A lead-time change reaches the delivery promise.`,
    request: { params: partParams, body: { required: true, content: json(ErpPartBodySchema) } },
    responses: ackResponses,
  });
  router.openapi(erpPart, async (c) => {
    const { partNumber } = c.req.valid('param');
    const { sourceVersion, ...master } = c.req.valid('json');
    const call = { version: versionOf(sourceVersion), endpoint: endpointOf(erpPart) };
    return answer(c, await upsertErpPart(c.var.ctx, call, partNumber, master));
  });

  const erpPrice = signedRoute(box, 'erp_part.upsert', 'erp', 'partNumber', {
    method: 'put',
    path: '/erp/parts/{partNumber}/price',
    tags: ['partner'],
    summary: "ERP: set a part's unit price (scope erp:parts)",
    description: `${REFUSALS} Prices are versioned apart from the part master. An unknown part number: 404 \`bom.part_not_found\` (send the part first).`,
    request: { params: partParams, body: { required: true, content: json(ErpPriceBodySchema) } },
    responses: ackResponses,
  });
  router.openapi(erpPrice, async (c) => {
    const { partNumber } = c.req.valid('param');
    const { sourceVersion, unitPrice } = c.req.valid('json');
    const call = { version: versionOf(sourceVersion), endpoint: endpointOf(erpPrice) };
    return answer(c, await setErpPartPrice(c.var.ctx, call, partNumber, unitPrice));
  });

  // ---------------------------------------------------------------- CRM (scope crm:leads)

  const crmLead = signedRoute(box, 'crm_lead.upsert', 'crm', 'leadId', {
    method: 'put',
    path: '/crm/leads/{leadId}',
    tags: ['partner'],
    summary: 'CRM: create or update a lead, assigned to a dealer (scope crm:leads; write only)',
    description: `${REFUSALS} The lead goes to its preferred dealer, else to the dealer of its city with the fewest open leads. Leads are customer data: no partner route reads them back. 400 \`leads.invalid_name\`, \`leads.invalid_phone\`, \`leads.unknown_model_line\`.`,
    request: {
      params: z.strictObject({ leadId: LeadIdSchema }),
      body: { required: true, content: json(CrmLeadBodySchema) },
    },
    responses: ackResponses,
  });
  router.openapi(crmLead, async (c) => {
    const { leadId } = c.req.valid('param');
    const { sourceVersion, ...lead } = c.req.valid('json');
    const call = { version: versionOf(sourceVersion), endpoint: endpointOf(crmLead) };
    return answer(c, await upsertCrmLead(c.var.ctx, call, leadId, lead));
  });

  // ---------------------------------------------------------------- DMS (scope dms:stock)

  const dmsStock = signedRoute(box, 'dms_stock.upsert', 'dms', 'vin', {
    method: 'put',
    path: '/dms/stock/{vin}',
    tags: ['partner'],
    summary: "DMS: report a vehicle of the key's own dealer's stock (scope dms:stock)",
    description: `${REFUSALS} The dealer is the key's organisation: a DMS writes only its own dealer's stock. Versions count per dealer and VIN. An unknown model line: 400 \`partner.unknown_model_line\`.`,
    request: {
      params: z.strictObject({ vin: VinSchema }),
      body: { required: true, content: json(DmsStockBodySchema) },
    },
    responses: ackResponses,
  });
  router.openapi(dmsStock, async (c) => {
    const { vin } = c.req.valid('param');
    const { sourceVersion, ...vehicle } = c.req.valid('json');
    const call = { version: versionOf(sourceVersion), endpoint: endpointOf(dmsStock) };
    return answer(c, await upsertDmsStockVehicle(c.var.ctx, call, { vin, ...vehicle }));
  });

  // ---------------------------------------------------------------- DMS (scope dms:handover)

  const dmsHandover = signedRoute(box, 'dms_handover.confirm', 'dms', 'vehicleId', {
    method: 'put',
    path: '/dms/handovers/{vehicleId}',
    tags: ['partner'],
    summary:
      "DMS: confirm the hand-over of a car of the key's own dealer: appointment, checklist, keys handed over (scope dms:handover)",
    description: `${REFUSALS} The same rules as the dealer's staff in the app, in one transaction: booking only once the car is at the dealer (409 \`ordering.illegal_transition\`), inside the opening hours (422 \`dealers.handover_outside_hours\`), from today on (422 \`dealers.handover_in_past\`) and not already started (422 \`dealers.handover_slot_passed\`), with capacity left (409 \`dealers.handover_full\`); checklist items only while booked (409 \`dealers.handover_not_open\`); a completed hand-over is not moved or cancelled (409 \`dealers.handover_completed\`). The customer's acceptance (balance paid, checklist complete: delivered, owner) is never the DMS's: it records the keys handed over only after it (409 \`dealers.handover_not_accepted\`), not in the future (422 \`dealers.keys_handed_over_in_future\`). What already holds changes nothing. Another dealer's car is 404 \`ordering.order_not_found\`, as an unknown one. Versions count per dealer and vehicle id; a refused request uses up no version.`,
    request: {
      params: z.strictObject({ vehicleId: VehicleIdSchema }),
      body: { required: true, content: json(DmsHandoverBodySchema) },
    },
    responses: { 200: ackResponses[200], ...problemResponses(400, 401, 403, 404, 409, 422) },
  });
  router.openapi(dmsHandover, async (c) => {
    const { vehicleId } = c.req.valid('param');
    const { sourceVersion, keysHandedOver, ...handover } = c.req.valid('json');
    const call = { version: versionOf(sourceVersion), endpoint: endpointOf(dmsHandover) };
    return answer(
      c,
      await confirmDmsHandover(c.var.ctx, call, vehicleId, {
        ...handover,
        ...(keysHandedOver
          ? { keysHandedOver: { at: new Date(keysHandedOver.at), staffName: keysHandedOver.staffName } }
          : {}),
      }),
    );
  });

  return router;
}
