// What each role may do in the factory shell, as the server's permissions say
// (modules/identity/permissions.ts); the pages hide what a role cannot do.
import type { StaffRole } from '../auth/audiences.ts';
import type { MessageKey } from '../i18n/catalogue.ts';

/** production_plan.read: the plant's planners, HQ admins and analysts (these two read-only). */
export function canReadPlan(role: StaffRole | null): boolean {
  return role === 'planner' || role === 'admin' || role === 'analyst';
}

/** production_plan.edit: the plant's planners only. */
export function canEditPlan(role: StaffRole | null): boolean {
  return role === 'planner';
}

/** station.record: the plant's station operators only. */
export function canRecordSteps(role: StaffRole | null): boolean {
  return role === 'station_operator';
}

/** bom.read / bom.edit: the brand's one engineering record, kept by planners and HQ admins. */
export function canEditBom(role: StaffRole | null): boolean {
  return role === 'planner' || role === 'admin';
}

/** plant.read: the plant's own staff (HQ reaches the lines, not the plant record). */
export function canReadPlant(role: StaffRole | null): boolean {
  return role === 'planner' || role === 'station_operator';
}

export type FactoryNavItem = { to: string; label: MessageKey; end?: boolean };

export function factoryNavFor(role: StaffRole | null): FactoryNavItem[] {
  const items: FactoryNavItem[] = [];
  if (canReadPlan(role)) items.push({ to: '/factory', label: 'factory.nav.planning', end: true });
  if (canEditBom(role)) {
    items.push(
      { to: '/factory/bom', label: 'factory.nav.bom' },
      { to: '/factory/parts', label: 'factory.nav.parts' },
    );
  }
  if (canRecordSteps(role)) items.push({ to: '/factory/station', label: 'factory.nav.station' });
  if (canReadPlant(role)) items.push({ to: '/factory/plant', label: 'factory.nav.plant' });
  return items;
}
