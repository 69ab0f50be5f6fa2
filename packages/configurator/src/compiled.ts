/**
 * The compiled form of a model: a quasi-reduced multi-valued decision diagram (MDD) whose
 * levels are the families in a compile-time order. This is the contract between the compiler
 * (compile.ts), the serialiser (serialize.ts) and every query (query.ts, repair.ts, ...).
 *
 * Invariants:
 * - Node ids: 0 = FALSE terminal, 1 = TRUE terminal; internal nodes are 2..nodeCount-1.
 * - Quasi-reduced: every path from the root visits every level in order. A node at level l has
 *   exactly `levels[l].options.length` children (at `children[childOffset[n] + i]` for option
 *   index i), each either FALSE or a node at level l+1; at the last level they are FALSE or TRUE.
 *   No two nodes at a level have equal child lists; every internal node reaches TRUE.
 * - `nodeLevel[0] === nodeLevel[1] === levels.length`.
 * - The root is FALSE when the model has no valid configuration.
 * - Auxiliary levels (`aux: true`) are not chosen by customers: each is functionally determined
 *   by the other levels (it encodes a conditional price adjustment as options ['off','on'] with
 *   prices [0, amount]), so it never changes counts.
 */
import type { LocalizedText } from './model.ts';

export const FALSE = 0;
export const TRUE = 1;

export type CompiledLevel = {
  /** Family code (or adjustment id for aux levels). */
  code: string;
  /** Option codes, including the implicit `<family>:none` for optional families. */
  options: string[];
  /** Price difference per option index, minor units. */
  prices: number[];
  aux: boolean;
};

export type CompiledRule = {
  id: string;
  kind: string;
  /** Option codes the rule mentions (used to explain why an option is unavailable). */
  options: string[];
  message?: LocalizedText;
};

export type CompiledModel = {
  format: 'openc2b.compiled';
  version: 1;
  modelId: string;
  /** Hash of the source model (hex), so an artefact can be matched to its model version. */
  modelHash: string;
  currency: string;
  basePrice: number;
  levels: CompiledLevel[];
  root: number;
  nodeLevel: Int32Array;
  childOffset: Int32Array;
  children: Int32Array;
  rules: CompiledRule[];
};
