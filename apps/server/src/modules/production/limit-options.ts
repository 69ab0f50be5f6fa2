/**
 * Per-option line limits ("at most N cars with this option in any P consecutive"), pure.
 *
 * A rule's condition is the configurator's `Expr` over option codes (e.g. `{ any:
 * ['sunroof-panoramic'] }`), evaluated on a complete selection (family code -> option code).
 */
import { type Expr, noneCode, type Selection } from '@openc2b/configurator';

/**
 * The most cars with the option a day of `capacity` cars can take without breaking N/P inside
 * the day: every full block of P positions holds at most N, and the last partial block at most
 * min(N, its length). Sequencing can always reach it (N cars at the start of each block), so it
 * is exact, not a heuristic.
 */
export function optionDayLimit(capacity: number, n: number, p: number): number {
  if (capacity <= 0) return 0;
  return Math.floor(capacity / p) * n + Math.min(n, capacity % p);
}

/** Whether `expr` holds for a complete selection. `<family>:none` holds when the family is unchosen. */
export function conditionHolds(expr: Expr, selection: Selection): boolean {
  if (typeof expr === 'string') {
    const none = /^(.+):none$/.exec(expr);
    if (none) {
      const family = none[1] ?? '';
      const chosen = selection[family];
      return chosen === undefined || chosen === noneCode(family);
    }
    for (const chosen of Object.values(selection)) if (chosen === expr) return true;
    return false;
  }
  if ('all' in expr) return expr.all.every((e) => conditionHolds(e, selection));
  if ('any' in expr) return expr.any.some((e) => conditionHolds(e, selection));
  return !conditionHolds(expr.not, selection);
}

/** Every option code an expression mentions (to check them against the models a line builds). */
export function codesOf(expr: Expr): string[] {
  if (typeof expr === 'string') return [expr];
  if ('all' in expr) return expr.all.flatMap(codesOf);
  if ('any' in expr) return expr.any.flatMap(codesOf);
  return codesOf(expr.not);
}

export type OptionRuleLike = { id: string; condition: Expr; active: boolean };

/** The rules of a line that a car with this selection counts towards. */
export function rulesUsedBy<R extends OptionRuleLike>(rules: readonly R[], selection: Selection): R[] {
  return rules.filter((r) => r.active && conditionHolds(r.condition, selection));
}
