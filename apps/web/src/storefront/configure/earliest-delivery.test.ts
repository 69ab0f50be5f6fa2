import { describe, expect, it } from 'vitest';
import { dealerFor, earliestQuery, queryKey } from './earliest-delivery.ts';

describe('the earliest delivery date in the configurator', () => {
  it('is asked only for a complete configuration (a code) and a dealer', () => {
    expect(earliestQuery('qc-d90-pro', undefined, 'org_sh')).toBeNull();
    expect(earliestQuery('qc-d90-pro', 'A1B2', null)).toBeNull();
    expect(earliestQuery('qc-d90-pro', 'A1B2', 'org_sh')).toEqual({
      modelLine: 'qc-d90-pro',
      configurationCode: 'A1B2',
      dealerId: 'org_sh',
    });
  });

  it('is for the chosen dealer while it is listed, else the first of the directory', () => {
    const dealers = [{ id: 'org_sh' }, { id: 'org_bj' }];
    expect(dealerFor('org_bj', dealers)).toBe('org_bj');
    expect(dealerFor('org_gone', dealers)).toBe('org_sh');
    expect(dealerFor(null, dealers)).toBe('org_sh');
    expect(dealerFor(null, [])).toBeNull();
  });

  it('keys a query by everything it asks', () => {
    const q = earliestQuery('qc-d90-pro', 'A1B2', 'org_sh');
    expect(queryKey(q)).not.toBe(queryKey(earliestQuery('qc-d90-pro', 'A1B3', 'org_sh')));
    expect(queryKey(q)).not.toBe(queryKey(earliestQuery('qc-d90-pro', 'A1B2', 'org_bj')));
    expect(queryKey(null)).toBe('');
  });
});
