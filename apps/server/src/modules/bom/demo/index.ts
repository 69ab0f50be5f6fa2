/**
 * Demo super-BOMs of the three demo model lines (see modules/catalog/demo), with their parts.
 * Pure data: `seed/demo-bom.ts` creates the parts (suppliers by organisation code) and
 * publishes each BOM through the publish check; `demo-boms.test.ts` checks them without a database.
 */
import type { DemoBom, DemoPart } from './build-bom.ts';
import { d90Bom, d90Parts } from './qc-d90-pro.ts';
import { g20Bom, g20Parts } from './qc-g20.ts';
import { t90Bom, t90Parts } from './qc-t90.ts';
import { sharedParts } from './shared-parts.ts';

export type { DemoBom, DemoLine, DemoPart } from './build-bom.ts';

export const demoParts: DemoPart[] = [...sharedParts, ...d90Parts, ...t90Parts, ...g20Parts];

export const demoBoms: DemoBom[] = [d90Bom, t90Bom, g20Bom];
