/**
 * Cars on a production day for the factory journey (factory.e2e.ts), written into the e2e
 * server's data directory before the server starts (PGlite has one process at a time).
 *
 * The cars are registered and confirmed for build the way the production module's own
 * integration tests do it (`http/production-fixtures.ts`; the order flows do the same when an
 * order is placed and locked): real, varied configurations of the demo models, each with a
 * delivery date reserved through `reserveDeliveryDate`, all on the same production day. Only
 * confirmed cars are sequenced and frozen, so each is confirmed as its order's lock would.
 *
 * Run: DATA_DIR=<dir> node apps/web/e2e/factory-fixtures.ts (migrates and seeds the demo data first).
 */
import { type AppDeps, integrationFor, registerJobsAndSubscribers } from '../../server/src/app.ts';
import { sampledConfigurations } from '../../server/src/http/production-fixtures.ts';
import { findOrganisationByCode } from '../../server/src/modules/identity/index.ts';
import {
  confirmVehicle,
  type DeliveryCalendar,
  getDeliveryCalendar,
  registerVehicle,
  reserveDeliveryDate,
  type Vehicle,
} from '../../server/src/modules/production/index.ts';
import { systemClock } from '../../server/src/platform/clock.ts';
import { loadConfig } from '../../server/src/platform/config.ts';
import { type Ctx, systemCtx } from '../../server/src/platform/context.ts';
import { createDatabase } from '../../server/src/platform/db/create-database.ts';
import { migrate } from '../../server/src/platform/db/migrate.ts';
import { createEventBus } from '../../server/src/platform/events/event-bus.ts';
import { createJobQueue } from '../../server/src/platform/jobs/job-queue.ts';
import { createLogger } from '../../server/src/platform/log.ts';
import { seedDemoData } from '../../server/src/seed/index.ts';

/** Vehicle ids in ordering's format, far above the numbers its sequence hands out in a fresh database. */
const vehicleIdOf = (year: number, i: number) => `C2B-${year}-${900_001 + i}`;
/** Fixed order ids too, so a second run finds the same registrations (registerVehicle is idempotent). */
const orderIdOf = (year: number, i: number) => `ord_F${year}${String(i + 1).padStart(21, '0')}`;
const DEALER = 'DLR-SH';
const WEEKS = 12;

type Planned = { day: string; deliveryDate: string; vehicleIds: string[] };

async function planFixtureCars(ctx: Ctx): Promise<Planned> {
  const dealer = await findOrganisationByCode(ctx, DEALER);
  if (!dealer) throw new Error(`no demo dealer ${DEALER}`);
  // Seeded: the same configurations every run, with varied colours, roofs, drives and seats.
  const configurations = [
    ...(await sampledConfigurations(ctx, 'qc-d90-pro', 9, 61)),
    ...(await sampledConfigurations(ctx, 'qc-g20', 5, 62)),
  ];
  const year = ctx.now.getUTCFullYear();
  const cars: { car: Vehicle; available: DeliveryCalendar['days'] }[] = [];
  for (const [i, configuration] of configurations.entries()) {
    const registered = await registerVehicle(ctx, {
      vehicleId: vehicleIdOf(year, i),
      orderId: orderIdOf(year, i),
      customerUserId: null,
      modelLine: configuration.modelLine,
      versionId: configuration.versionId,
      configurationCode: configuration.code,
      selection: configuration.selection,
      dealerOrgId: dealer.id,
    });
    const car = await confirmVehicle(ctx, registered.vehicleId);
    const calendar = await getDeliveryCalendar(ctx, {
      modelLine: configuration.modelLine,
      configurationCode: configuration.code,
      dealerOrgId: dealer.id,
      weeks: WEEKS,
    });
    cars.push({ car, available: calendar.days.filter((d) => d.available) });
  }
  // Run again on the same data: the cars keep the day they have (it may be frozen by now).
  const planned = cars.find((c) => c.car.productionDay)?.car;
  if (planned?.productionDay && planned.deliveryDate) {
    return {
      day: planned.productionDay,
      deliveryDate: planned.deliveryDate,
      vehicleIds: cars.map((c) => c.car.vehicleId),
    };
  }
  // The first delivery date every car can have, from the same production day.
  const first = cars[0]?.available ?? [];
  const common = first.find((d) =>
    cars.every((c) => c.available.some((a) => a.date === d.date && a.productionDay === d.productionDay)),
  );
  if (!common?.productionDay) throw new Error('the fixture cars have no common delivery date');
  for (const { car } of cars) {
    const reserved = await reserveDeliveryDate(ctx, car.vehicleId, common.date);
    if (!reserved.ok || reserved.productionDay !== common.productionDay) {
      throw new Error(`could not plan ${car.vehicleId} on ${common.productionDay}`);
    }
  }
  return {
    day: common.productionDay,
    deliveryDate: common.date,
    vehicleIds: cars.map((c) => c.car.vehicleId),
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger('warn');
  const database = await createDatabase(config, { log });
  try {
    await migrate(database.db);
    // Wired as main.ts does, without starting the loops: the server delivers the outbox later.
    const { db } = database;
    const clock = systemClock;
    const events = createEventBus({ db, log, clock });
    const deps: AppDeps = {
      db,
      dialect: database.dialect,
      config,
      log,
      clock,
      events,
      jobs: createJobQueue({ db, log, clock }),
      integration: integrationFor({ db, log, clock, config, events }),
    };
    registerJobsAndSubscribers(deps);
    await seedDemoData(deps);
    const planned = await planFixtureCars(systemCtx(deps, 'e2e-fixtures'));
    process.stdout.write(
      `factory fixtures: ${planned.vehicleIds.length} cars on ${planned.day} (delivery ${planned.deliveryDate})\n`,
    );
  } finally {
    await database.close();
  }
}

await main();
