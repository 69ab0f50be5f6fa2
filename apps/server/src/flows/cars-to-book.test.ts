import { describe, expect, it } from 'vitest';
import { carsToBook } from './cars-to-book.ts';

const car = (vehicleId: string, state: string, promisedDeliveryDate: string | null) => ({
  vehicleId,
  state,
  promisedDeliveryDate,
});

describe('carsToBook', () => {
  it('keeps arriving and arrived cars without an open or completed hand-over, at the dealer first', () => {
    const rows = carsToBook(
      [
        car('V-1', 'shipped', '2026-12-10'),
        car('V-2', 'at_dealer', '2026-12-12'),
        car('V-3', 'at_dealer', '2026-12-08'),
        car('V-4', 'at_dealer', '2026-12-01'),
        car('V-5', 'in_production', '2026-12-20'),
        car('V-6', 'at_dealer', '2026-12-02'),
        car('V-7', 'shipped', '2026-12-09'),
        car('V-3', 'at_dealer', '2026-12-08'),
        car('V-8', 'shipped', null),
      ],
      [
        { vehicleId: 'V-4', status: 'booked' },
        { vehicleId: 'V-6', status: 'cancelled' },
        { vehicleId: 'V-9', status: 'completed' },
      ],
    );
    expect(rows.map((r) => r.vehicleId)).toEqual(['V-6', 'V-3', 'V-2', 'V-7', 'V-1', 'V-8']);
  });

  it('drops a delivered car, and one whose hand-over is completed', () => {
    expect(carsToBook([car('V-1', 'delivered', null)], [])).toEqual([]);
    expect(carsToBook([car('V-1', 'at_dealer', null)], [{ vehicleId: 'V-1', status: 'completed' }])).toEqual(
      [],
    );
  });
});
