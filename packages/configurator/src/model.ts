/**
 * The OpenC2B configuration model format (version 1): what an editor writes and what the
 * catalogue stores. Documented in packages/configurator/MODEL_FORMAT.md.
 *
 * Conventions:
 * - Codes match /^[A-Za-z0-9_.-]+$/. Option codes are unique across the whole model, so a rule
 *   names an option by its code alone.
 * - An `optional` family gets an implicit "none" option whose code is `<familyCode>:none`
 *   (the colon cannot occur in user codes).
 * - Money is integer minor units (fen for CNY). Never floats.
 */
export const MODEL_FORMAT = 'openc2b.model' as const;
export const MODEL_FORMAT_VERSION = 1 as const;

export type LocalizedText = { 'zh-CN': string; en: string };

export type Option = {
  code: string;
  label?: LocalizedText;
  description?: LocalizedText;
  /** Price difference of this option against the base price, minor units. Default 0. */
  price?: number;
  /** Presentation only: a CSS colour for a swatch (paint, trim), e.g. '#1f3a5f'. */
  swatch?: string;
};

export type Family = {
  code: string;
  label?: LocalizedText;
  /** Free-form grouping for UIs (exterior, interior, powertrain, ...). */
  category?: string;
  /** When true the family may be left empty: an implicit `<code>:none` option is added. */
  optional?: boolean;
  options: Option[];
};

/** A boolean expression over options: an option code is true when that option is chosen. */
export type Expr = string | { all: Expr[] } | { any: Expr[] } | { not: Expr };

export type Rule =
  /** if `if` holds then `then` must hold (a customer-facing "A requires B"). */
  | { id: string; kind: 'requires'; if: Expr; then: Expr; message?: LocalizedText }
  /** Same logic as requires; meant for automatic consequences ("7 seats implies third-row vents"). */
  | { id: string; kind: 'implies'; if: Expr; then: Expr; message?: LocalizedText }
  /** `a` and `b` may not hold together. */
  | { id: string; kind: 'excludes'; a: Expr; b: Expr; message?: LocalizedText }
  /** `expr` must hold. */
  | { id: string; kind: 'constraint'; expr: Expr; message?: LocalizedText }
  /**
   * A compatibility table over some families. Each row lists one option code per family
   * (in `families` order), or '*' for any option of that family. `allowed`: the chosen options
   * must match at least one row; `forbidden`: they must match none.
   */
  | {
      id: string;
      kind: 'table';
      families: string[];
      mode: 'allowed' | 'forbidden';
      rows: string[][];
      message?: LocalizedText;
    }
  /** Of the listed expressions, at most / exactly `n` hold (n defaults to 1). */
  | { id: string; kind: 'atMost' | 'exactly'; n?: number; of: Expr[]; message?: LocalizedText };

export type RuleKind = Rule['kind'];

/** A conditional price adjustment, e.g. a package discount: when `when` holds, add `amount`. */
export type PriceAdjustment = {
  id: string;
  when: Expr;
  /** Minor units; negative for a discount. */
  amount: number;
  label?: LocalizedText;
};

export type Model = {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_FORMAT_VERSION;
  /** Stable id of the model line / model year this model describes. */
  id: string;
  name?: LocalizedText;
  currency: string;
  /** Base price in minor units. */
  basePrice: number;
  families: Family[];
  rules: Rule[];
  adjustments?: PriceAdjustment[];
  /** Suggested starting choice per family code (must itself be valid). */
  defaults?: Record<string, string>;
};

export const noneCode = (familyCode: string): string => `${familyCode}:none`;
