/** Rows of a saved configuration for the spec sheet and the comparison: family by family, in step order. */
import type { Model } from '@openc2b/configurator';
import { groupSteps } from './model-labels.ts';
import type { Selection } from './price-breakdown.ts';

export type CompareRow = {
  category: string;
  family: string;
  a: string | undefined;
  b: string | undefined;
  differs: boolean;
};

/** Every family of the model(s) with the option each side chose; `differs` when they differ. */
export function compareRows(models: Model[], a: Selection, b: Selection): CompareRow[] {
  const seen = new Set<string>();
  const rows: CompareRow[] = [];
  for (const model of models) {
    for (const step of groupSteps(model)) {
      for (const family of step.families) {
        if (seen.has(family.code)) continue;
        seen.add(family.code);
        const left = a[family.code];
        const right = b[family.code];
        rows.push({
          category: step.category,
          family: family.code,
          a: left,
          b: right,
          differs: left !== right,
        });
      }
    }
  }
  return rows;
}
