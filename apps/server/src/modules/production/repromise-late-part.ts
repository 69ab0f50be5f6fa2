import type { Ctx } from '../../platform/context.ts';
import { publish } from '../../platform/events/publish.ts';
import { newId } from '../../platform/ids.ts';
import type { IsoDate } from './capacity-calendar.ts';
import { planLatePart } from './estimate-steps.ts';
import { deliveryRepromised } from './events.ts';
import { carContext } from './reserve-date.ts';
import * as store from './store.ts';

/**
 * A part of this car arrives only on `partsArriveOn`: when that pushes the car past its
 * delivery date, the car gets the later date, a delivery change and `production.delivery_repromised`
 * with reason `part_late` and `detail` (what the customer is told). Past its quality check a car
 * has every part, so nothing changes. True when the car was re-promised. Used by supplier delay
 * reports and by WMS arrivals that come late or short.
 */
export async function repromiseForLatePart(
  tx: Ctx,
  vehicleId: string,
  partsArriveOn: IsoDate,
  detail: Record<string, unknown>,
): Promise<boolean> {
  const car = await store.findVehicle(tx, vehicleId, { forUpdate: true });
  if (!car?.deliveryDate || !car.shipDate || car.status !== 'active') return false;
  if (['qc_passed', 'shipped', 'at_dealer'].includes(car.state)) return false;
  const { line, calendar, transportDays } = await carContext(tx, car);
  const plan = planLatePart({
    calendar,
    timeZone: line.timeZone,
    partsArriveOn,
    shipDate: car.shipDate,
    transportDays,
    estimates: car.estimates,
  });
  if (plan.deliveryDate <= car.deliveryDate) return false;
  await store.updateVehicle(
    tx,
    car.vehicleId,
    { deliveryDate: plan.deliveryDate, shipDate: plan.shipDate, estimates: plan.estimates },
    tx.now,
  );
  await store.insertDeliveryChange(tx, car.vehicleId, newId('dch'), {
    at: tx.now,
    previousDate: car.deliveryDate,
    newDate: plan.deliveryDate,
    reason: 'part_late',
    detail,
  });
  await publish(tx, deliveryRepromised, car.vehicleId, {
    vehicleId: car.vehicleId,
    orderId: car.orderId,
    previousDate: car.deliveryDate,
    newDate: plan.deliveryDate,
    reason: 'part_late',
    detail,
  });
  return true;
}
