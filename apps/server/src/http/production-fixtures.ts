/**
 * Helpers for the production integration tests: real configurations of the demo models and
 * registered cars, the way the order flows register (at placement) and confirm (at lock) them.
 */
import {
  completeSelection,
  encodeConfiguration,
  mulberry32,
  type Selection,
  sampleConfiguration,
} from '@openc2b/configurator';
import { getLiveModelLine, loadVersion } from '../modules/catalog/index.ts';
import { findOrganisationByCode } from '../modules/identity/index.ts';
import { confirmVehicle, registerVehicle, type Vehicle } from '../modules/production/index.ts';
import type { Ctx } from '../platform/context.ts';

export type Configuration = { modelLine: string; versionId: string; selection: Selection; code: string };

/** The cheapest valid configuration of a demo model line that has the given choices. */
export async function configurationOf(
  ctx: Ctx,
  modelLine: string,
  partial: Selection = {},
): Promise<Configuration> {
  const live = await getLiveModelLine(ctx, modelLine);
  const loaded = await loadVersion(ctx, live.version.id);
  if (!loaded) throw new Error(`no live version of ${modelLine}`);
  const done = completeSelection(loaded.compiled, partial, { kind: 'cheapest' });
  if (!done.ok) throw new Error(`no configuration of ${modelLine} with ${JSON.stringify(partial)}`);
  return {
    modelLine,
    versionId: live.version.id,
    selection: done.selection,
    code: encodeConfiguration(loaded.compiled, done.selection),
  };
}

/** `count` uniformly sampled valid configurations (seeded: the same every run). */
export async function sampledConfigurations(
  ctx: Ctx,
  modelLine: string,
  count: number,
  seed: number,
): Promise<Configuration[]> {
  const live = await getLiveModelLine(ctx, modelLine);
  const loaded = await loadVersion(ctx, live.version.id);
  if (!loaded) throw new Error(`no live version of ${modelLine}`);
  const rng = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const selection = sampleConfiguration(loaded.compiled, rng);
    if (!selection) throw new Error(`no configuration of ${modelLine}`);
    return {
      modelLine,
      versionId: live.version.id,
      selection,
      code: encodeConfiguration(loaded.compiled, selection),
    };
  });
}

// Far above the vehicle numbers real (demo) orders get, so both can live in one database.
export const testVehicleId = (n: number) => `C2B-2026-${String(900_000 + n)}`;
export const testOrderId = (n: number) => `ord_T${String(n).padStart(25, '0')}`;

/**
 * A car registered with production without an order (production's own tests), confirmed for
 * build as the lock flow does unless `confirmed: false`.
 */
export async function registerCar(
  ctx: Ctx,
  input: {
    n: number;
    configuration: Configuration;
    dealerCode: string;
    customerUserId?: string | null;
    confirmed?: boolean;
  },
): Promise<Vehicle> {
  const dealer = await findOrganisationByCode(ctx, input.dealerCode);
  if (!dealer) throw new Error(`no dealer ${input.dealerCode}`);
  const car = await registerVehicle(ctx, {
    vehicleId: testVehicleId(input.n),
    orderId: testOrderId(input.n),
    customerUserId: input.customerUserId ?? null,
    modelLine: input.configuration.modelLine,
    versionId: input.configuration.versionId,
    configurationCode: input.configuration.code,
    selection: input.configuration.selection,
    dealerOrgId: dealer.id,
  });
  return input.confirmed === false ? car : confirmVehicle(ctx, car.vehicleId);
}
