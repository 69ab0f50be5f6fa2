/** Order states of a car on its way to the dealer or standing there. */
export const ARRIVING_STATES = ['shipped', 'at_dealer'] as const;

type Car = { vehicleId: string; state: string; promisedDeliveryDate: string | null };

/**
 * The cars waiting for a hand-over appointment, pure: on their way (shipped) or at the dealer,
 * without a booked or completed hand-over (a cancelled one is booked again), each once; cars at
 * the dealer first, then by promised date (none last), then by vehicle id.
 */
export function carsToBook<T extends Car>(
  cars: readonly T[],
  handovers: readonly { vehicleId: string; status: string }[],
): T[] {
  const taken = new Set(handovers.filter((h) => h.status !== 'cancelled').map((h) => h.vehicleId));
  const seen = new Set<string>();
  const rows: T[] = [];
  for (const car of cars) {
    if (!(ARRIVING_STATES as readonly string[]).includes(car.state)) continue;
    if (taken.has(car.vehicleId) || seen.has(car.vehicleId)) continue;
    seen.add(car.vehicleId);
    rows.push(car);
  }
  const rank = (c: Car) => (c.state === 'at_dealer' ? 0 : 1);
  return rows.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.promisedDeliveryDate ?? '9999').localeCompare(b.promisedDeliveryDate ?? '9999') ||
      a.vehicleId.localeCompare(b.vehicleId),
  );
}
