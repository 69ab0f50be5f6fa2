import type { AssignmentRule } from './types.ts';

export type DealerCandidate = {
  id: string;
  code: string;
  city: { 'zh-CN': string; en: string } | null;
  /** Open leads the dealer already has. */
  openLeads: number;
};

export type Assignment = { dealerOrgId: string; assignedBy: AssignmentRule } | null;

/** City names compare without case, spaces or a trailing 市 / "City": 上海市 = 上海 = shanghai. */
export function normalizeCity(city: string): string {
  return city
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/(市|city)$/u, '');
}

/**
 * Which dealer gets a lead:
 * 1. the preferred dealer, when the source names a dealer that exists;
 * 2. otherwise a lead keeps the dealer it has, unless it moved to another city that has
 *    dealers (a dealer already working a lead is not reshuffled by an unrelated update);
 * 3. otherwise a dealer in the lead's city, the one with the fewest open leads (then by code,
 *    so the choice is repeatable);
 * 4. otherwise the lead stays where it is (unassigned for a new lead): HQ assigns it.
 */
export function assignDealer(input: {
  preferredDealerCode: string | null;
  city: string | null;
  dealers: readonly DealerCandidate[];
  current?:
    | { dealerOrgId: string | null; assignedBy: AssignmentRule | null; city: string | null }
    | undefined;
}): Assignment {
  const { dealers, current } = input;
  const preferred =
    input.preferredDealerCode === null
      ? undefined
      : dealers.find((d) => d.code === input.preferredDealerCode);
  if (preferred) return { dealerOrgId: preferred.id, assignedBy: 'preferred_dealer' };

  const kept: Assignment =
    current?.dealerOrgId && current.assignedBy
      ? { dealerOrgId: current.dealerOrgId, assignedBy: current.assignedBy }
      : null;
  const city = input.city === null ? '' : normalizeCity(input.city);
  const inCity = city
    ? dealers.filter(
        (d) => d.city && (normalizeCity(d.city['zh-CN']) === city || normalizeCity(d.city.en) === city),
      )
    : [];
  const sameCity =
    current !== undefined && (current.city === null ? '' : normalizeCity(current.city)) === city;
  if (kept && (sameCity || inCity.length === 0 || inCity.some((d) => d.id === kept.dealerOrgId))) return kept;
  if (inCity.length === 0) return kept;
  const [best] = [...inCity].sort(
    (a, b) => a.openLeads - b.openLeads || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return best ? { dealerOrgId: best.id, assignedBy: 'city' } : kept;
}
