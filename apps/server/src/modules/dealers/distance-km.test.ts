import { describe, expect, it } from 'vitest';
import { distanceKm } from './distance-km.ts';

describe('distanceKm', () => {
  it('is 0 for the same point and symmetric', () => {
    const sh = { lat: 31.2304, lng: 121.527 };
    const bj = { lat: 39.9152, lng: 116.4615 };
    expect(distanceKm(sh, sh)).toBe(0);
    expect(distanceKm(sh, bj)).toBeCloseTo(distanceKm(bj, sh), 9);
  });

  it('gives one degree of latitude as about 111.2 km and a quarter meridian as about 10,008 km', () => {
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111.195, 2);
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 90, lng: 0 })).toBeCloseTo(10_007.557, 2);
  });

  it('matches hand-worked city distances (Pudong to Chaoyang about 1,068 km, Pudong to West Lake about 170 km)', () => {
    // haversine by hand: 2R asin(sqrt(sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2)))
    expect(distanceKm({ lat: 31.2304, lng: 121.527 }, { lat: 39.9152, lng: 116.4615 })).toBeCloseTo(
      1068.37,
      1,
    );
    expect(distanceKm({ lat: 31.2304, lng: 121.527 }, { lat: 30.2803, lng: 120.136 })).toBeCloseTo(169.79, 1);
  });

  it('handles the antimeridian and antipodes', () => {
    expect(distanceKm({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 })).toBeCloseTo(111.195, 2);
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6371.0088, 6);
  });
});
