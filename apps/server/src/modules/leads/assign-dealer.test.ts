import { describe, expect, it } from 'vitest';
import { assignDealer, type DealerCandidate, normalizeCity } from './assign-dealer.ts';

const sh = { 'zh-CN': '上海', en: 'Shanghai' };
const bj = { 'zh-CN': '北京', en: 'Beijing' };
const dealers: DealerCandidate[] = [
  { id: 'org_sh1', code: 'DLR-SH', city: sh, openLeads: 3 },
  { id: 'org_sh2', code: 'DLR-SH2', city: sh, openLeads: 1 },
  { id: 'org_bj', code: 'DLR-BJ', city: bj, openLeads: 0 },
];

describe('lead assignment', () => {
  it('gives a lead to its preferred dealer', () => {
    expect(assignDealer({ preferredDealerCode: 'DLR-SH', city: '北京', dealers })).toEqual({
      dealerOrgId: 'org_sh1',
      assignedBy: 'preferred_dealer',
    });
  });

  it('falls back to the city when the preferred dealer is unknown, to the least busy dealer there', () => {
    expect(assignDealer({ preferredDealerCode: 'DLR-XX', city: '上海市', dealers })).toEqual({
      dealerOrgId: 'org_sh2',
      assignedBy: 'city',
    });
    expect(assignDealer({ preferredDealerCode: null, city: 'shanghai', dealers })?.dealerOrgId).toBe(
      'org_sh2',
    );
  });

  it('breaks ties by dealer code', () => {
    const tied = dealers.map((d) => ({ ...d, openLeads: 0 }));
    expect(assignDealer({ preferredDealerCode: null, city: 'Shanghai', dealers: tied })?.dealerOrgId).toBe(
      'org_sh1',
    );
  });

  it('leaves a lead from a city without a dealer unassigned', () => {
    expect(assignDealer({ preferredDealerCode: null, city: '拉萨', dealers })).toBeNull();
    expect(assignDealer({ preferredDealerCode: null, city: null, dealers })).toBeNull();
  });

  it('does not reshuffle a lead whose city stays the same', () => {
    const current = { dealerOrgId: 'org_sh1', assignedBy: 'city' as const, city: '上海' };
    expect(assignDealer({ preferredDealerCode: null, city: 'Shanghai City', dealers, current })).toEqual({
      dealerOrgId: 'org_sh1',
      assignedBy: 'city',
    });
  });

  it('moves a lead to a dealer of its new city, and keeps it when the new city has none', () => {
    const current = { dealerOrgId: 'org_sh1', assignedBy: 'city' as const, city: '上海' };
    expect(assignDealer({ preferredDealerCode: null, city: '北京', dealers, current })?.dealerOrgId).toBe(
      'org_bj',
    );
    expect(assignDealer({ preferredDealerCode: null, city: '拉萨', dealers, current })?.dealerOrgId).toBe(
      'org_sh1',
    );
  });

  it('moves a lead when the source names another preferred dealer', () => {
    const current = { dealerOrgId: 'org_sh1', assignedBy: 'city' as const, city: '上海' };
    expect(assignDealer({ preferredDealerCode: 'DLR-BJ', city: '上海', dealers, current })).toEqual({
      dealerOrgId: 'org_bj',
      assignedBy: 'preferred_dealer',
    });
  });

  it('normalises city names', () => {
    expect(normalizeCity(' 上海市 ')).toBe('上海');
    expect(normalizeCity('Shanghai City')).toBe('shanghai');
    expect(normalizeCity('ＳＨＡＮＧＨＡＩ')).toBe('shanghai');
  });
});
