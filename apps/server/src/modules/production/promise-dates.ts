import type { Selection } from '@openc2b/configurator';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { deriveConfiguration, getLiveModelLine, loadVersion } from '../catalog/index.ts';
import { assertAuthorized, findOrganisation } from '../identity/index.ts';
import { addDays, type IsoDate } from './capacity-calendar.ts';
import { partsLeadTimeDays } from './lead-time.ts';
import { rulesUsedBy } from './limit-options.ts';
import { type HandoverCapacity, notLimitedByDealer } from './ports.ts';
import {
  type DayLoad,
  type PromiseCalendar,
  type PromiseContext,
  promiseDelivery,
} from './promise-delivery.ts';
import { loadCalendar, todayOf } from './read-plant.ts';
import * as store from './store.ts';
import type { Line, TransportRoute } from './types.ts';

export const DEFAULT_WEEKS = 8;
export const MAX_WEEKS = 26;

/** Everything the pure promise needs for one configuration at one dealer, read from the store. */
export async function promiseContextFor(
  ctx: Ctx,
  input: {
    line: Line;
    modelLine: string;
    selection: Selection;
    route: TransportRoute;
    /** Last delivery date the caller will ask about. */
    until: IsoDate;
    handoverCapacity?: HandoverCapacity | undefined;
    /** Known already (from the car's stored parts list); otherwise asked of the BOM. */
    leadTimeDays?: number;
  },
): Promise<PromiseContext> {
  const { line, route } = input;
  const today = todayOf(ctx, line);
  // Production days reach back from the ship date by build days and storage slack (working days).
  const from = addDays(today, -1);
  const calendar = await loadCalendar(ctx, line, { from, to: input.until });
  const rules = rulesUsedBy(await store.listRules(ctx, line.id), input.selection);
  const days = await store.listDays(ctx, line.id, { from: addDays(from, -60), to: input.until });
  const loads = new Map<IsoDate, DayLoad>(
    days.map((d) => [
      d.day,
      {
        capacity: d.capacity,
        reserved: d.reserved,
        frozen: d.frozenAt !== null,
        optionReserved: new Map(d.optionLoads.map((l) => [l.ruleId, l.reserved])),
      },
    ]),
  );
  const handover = await (input.handoverCapacity ?? notLimitedByDealer)(ctx, route.dealerOrgId, {
    from: addDays(today, 1),
    to: input.until,
  });
  return {
    today,
    calendar,
    frozenDays: line.frozenDays,
    buildDays: line.buildDays,
    storageSlackDays: line.storageSlackDays,
    transportDays: route.days,
    leadTimeDays:
      input.leadTimeDays ??
      (await partsLeadTimeDays(ctx, { modelLine: input.modelLine, selection: input.selection })),
    rules: rules.map((r) => ({ id: r.id, code: r.code, name: r.name, n: r.n, p: r.p })),
    loadOf: (day) => loads.get(day),
    handoverLeft: handover,
  };
}

/** The line building a model line, for customers: a line that is not building is "not offered". */
export async function lineForModelLine(ctx: Ctx, modelLine: string): Promise<Line> {
  const lineId = await store.findLineIdForModelLine(ctx, modelLine);
  const line = lineId ? await store.findLine(ctx, lineId) : undefined;
  if (!line?.active) {
    throw new AppError(
      'not_found',
      'production.model_line_not_built',
      `No production line builds ${modelLine}; no delivery date can be promised.`,
    );
  }
  return line;
}

/** The route from the line's plant to a dealer: 404 for an id that is not a dealer, 422 for a dealer it does not serve. */
export async function routeToDealer(ctx: Ctx, line: Line, dealerOrgId: string): Promise<TransportRoute> {
  const route = await store.findRoute(ctx, line.plantOrgId, dealerOrgId);
  if (route) return route;
  const dealer = await findOrganisation(ctx, dealerOrgId);
  if (dealer?.kind !== 'dealer') {
    throw new AppError('not_found', 'production.dealer_not_found', 'No such dealer.', {
      fields: [{ path: 'dealerId', message: 'Not a dealer' }],
    });
  }
  throw new AppError(
    'unprocessable',
    'production.dealer_not_served',
    'The plant does not deliver to this dealer yet; choose another dealer.',
    { fields: [{ path: 'dealerId', message: 'Not served by the plant' }] },
  );
}

export type CalendarQuery = {
  modelLine: string;
  configurationCode: string;
  dealerOrgId: string;
  weeks?: number;
};

export type DeliveryCalendar = PromiseCalendar & {
  modelLine: string;
  versionId: string;
  configurationCode: string;
  dealerOrgId: string;
  lineId: string;
};

/**
 * The delivery calendar of a configuration (its code, decoded on the model line's live
 * catalogue version) at a dealer: every date from tomorrow for `weeks` weeks, available or not
 * with every reason, and the earliest available date.
 */
export async function getDeliveryCalendar(
  ctx: Ctx,
  query: CalendarQuery,
  options: { handoverCapacity?: HandoverCapacity; stopAtFirst?: boolean } = {},
): Promise<DeliveryCalendar> {
  assertAuthorized(ctx.actor, 'delivery_promise.read');
  const weeks = query.weeks ?? DEFAULT_WEEKS;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_WEEKS) {
    throw new AppError('bad_request', 'production.invalid_weeks', `Weeks must be 1 to ${MAX_WEEKS}.`, {
      fields: [{ path: 'weeks', message: `1 to ${MAX_WEEKS}` }],
    });
  }
  const { version, selection, code } = await decodeOnLiveVersion(
    ctx,
    query.modelLine,
    query.configurationCode,
  );
  const line = await lineForModelLine(ctx, query.modelLine);
  const route = await routeToDealer(ctx, line, query.dealerOrgId);
  const days = weeks * 7;
  const context = await promiseContextFor(ctx, {
    line,
    modelLine: query.modelLine,
    selection,
    route,
    until: addDays(todayOf(ctx, line), days),
    handoverCapacity: options.handoverCapacity,
  });
  const calendar = promiseDelivery(context, { days, ...(options.stopAtFirst ? { stopAtFirst: true } : {}) });
  return {
    ...calendar,
    modelLine: query.modelLine,
    versionId: version,
    configurationCode: code,
    dealerOrgId: query.dealerOrgId,
    lineId: line.id,
  };
}

/** A configuration code decoded on the live version: 400 for a bad code, 422 for an invalid configuration. */
export async function decodeOnLiveVersion(
  ctx: Ctx,
  modelLine: string,
  configurationCode: string,
): Promise<{ version: string; selection: Selection; code: string }> {
  const live = await getLiveModelLine(ctx, modelLine);
  const loaded = await loadVersion(ctx, live.version.id);
  if (!loaded) throw new AppError('not_found', 'catalog.model_line_not_found', `No model line ${modelLine}.`);
  const derived = deriveConfiguration(loaded.model, loaded.compiled, { code: configurationCode });
  if (derived.ok) return { version: live.version.id, selection: derived.selection, code: derived.code };
  switch (derived.reason) {
    case 'invalid_code':
      throw new AppError('bad_request', 'catalog.invalid_code', derived.detail, {
        fields: [{ path: 'configurationCode', message: derived.detail }],
      });
    // A decoded code only holds options of the model; both remaining cases are an invalid car.
    case 'unknown_option':
    case 'invalid_configuration':
      throw new AppError(
        'unprocessable',
        'catalog.invalid_configuration',
        'Not a complete, valid configuration.',
        {
          fields: [{ path: 'configurationCode', message: 'Not a complete, valid configuration' }],
        },
      );
  }
}
