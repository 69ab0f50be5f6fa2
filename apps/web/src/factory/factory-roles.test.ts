import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../auth/audiences.ts';
import { canEditBom, canEditPlan, canReadPlan, canRecordSteps, factoryNavFor } from './factory-roles.ts';

describe('factory roles', () => {
  it('lets planners edit the plan, HQ admins and analysts only read it', () => {
    expect(STAFF_ROLES.filter(canEditPlan)).toEqual(['planner']);
    expect(STAFF_ROLES.filter(canReadPlan)).toEqual(['admin', 'planner', 'analyst']);
    expect(STAFF_ROLES.filter(canRecordSteps)).toEqual(['station_operator']);
    // bom.edit; engineers read the BOM but work in the admin shell.
    expect(STAFF_ROLES.filter(canEditBom)).toEqual(['admin', 'planner']);
  });

  it('shows each role the pages its permissions open', () => {
    const paths = (role: Parameters<typeof factoryNavFor>[0]) => factoryNavFor(role).map((i) => i.to);
    expect(paths('planner')).toEqual(['/factory', '/factory/bom', '/factory/parts', '/factory/plant']);
    expect(paths('station_operator')).toEqual(['/factory/station', '/factory/plant']);
    expect(paths('analyst')).toEqual(['/factory']);
    expect(paths('admin')).toEqual(['/factory', '/factory/bom', '/factory/parts']);
    expect(paths('supplier_user')).toEqual([]);
    expect(paths(null)).toEqual([]);
  });
});
