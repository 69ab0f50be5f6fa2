/**
 * Demo catalogue of the fictional brand 启程汽车 / Qicheng Motors: three model lines in model
 * format v1, used to seed development databases, demos and end-to-end tests. Pure data: no I/O.
 */
import type { Model } from '@openc2b/configurator';
import { qcD90Pro2027 } from './qc-d90-pro.ts';
import { qcG202027 } from './qc-g20.ts';
import { qcT902027 } from './qc-t90.ts';

export { qcD90Pro2027, qcG202027, qcT902027 };

/** The flagship SUV first: it is the line the storefront opens with. */
export const demoModels: Model[] = [qcD90Pro2027, qcT902027, qcG202027];
