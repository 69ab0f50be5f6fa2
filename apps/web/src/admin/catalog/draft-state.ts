// The draft editor's state: the model as last saved and the model being edited. Every edit is an
// action on a plain model, so the editor's logic is testable without a browser.
import type { Expr, Family, Model, Option, PriceAdjustment, Rule } from '@openc2b/configurator';

export type DraftState = { saved: Model; draft: Model };

export type DraftAction =
  | { type: 'loaded'; model: Model }
  | { type: 'saved'; model: Model }
  | { type: 'replaced'; model: Model }
  | { type: 'setBasePrice'; fen: number }
  | { type: 'addFamily' }
  | { type: 'updateFamily'; index: number; patch: Partial<Omit<Family, 'options'>> }
  | { type: 'removeFamily'; index: number }
  | { type: 'moveFamily'; index: number; by: -1 | 1 }
  | { type: 'addOption'; family: number }
  | { type: 'updateOption'; family: number; index: number; patch: Partial<Option> }
  | { type: 'removeOption'; family: number; index: number }
  | { type: 'moveOption'; family: number; index: number; by: -1 | 1 }
  | { type: 'addRule'; rule: Rule }
  | { type: 'replaceRule'; index: number; rule: Rule }
  | { type: 'removeRule'; index: number }
  | { type: 'addAdjustment' }
  | { type: 'replaceAdjustment'; index: number; adjustment: PriceAdjustment }
  | { type: 'removeAdjustment'; index: number }
  | { type: 'setDefault'; family: string; option: string | null };

export function initialDraft(model: Model): DraftState {
  return { saved: model, draft: model };
}

/** Unsaved changes: the draft differs from what the server has. */
export function isDirty(state: DraftState): boolean {
  return state.saved !== state.draft && JSON.stringify(state.saved) !== JSON.stringify(state.draft);
}

/** A code not used yet among `taken`: `<prefix>-1`, `<prefix>-2`, ... */
export function freshCode(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const code = `${prefix}-${n}`;
    if (!used.has(code)) return code;
  }
}

export function allOptionCodes(model: Model): string[] {
  return model.families.flatMap((family) => family.options.map((option) => option.code));
}

/** Applies a patch; a key patched to undefined is removed (so an emptied optional field disappears). */
function patched<T extends object>(value: T, patch: Partial<T>): T {
  const next = { ...value } as Record<string, unknown>;
  for (const [key, field] of Object.entries(patch)) {
    if (field === undefined) delete next[key];
    else next[key] = field;
  }
  return next as T;
}

function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= items.length || index < 0 || index >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

function replacedAt<T>(items: readonly T[], index: number, update: (item: T) => T): T[] {
  return items.map((item, i) => (i === index ? update(item) : item));
}

function withoutDefaults(model: Model, drop: (family: string, option: string) => boolean): Model {
  if (!model.defaults) return model;
  const defaults = Object.fromEntries(Object.entries(model.defaults).filter(([f, o]) => !drop(f, o)));
  return { ...model, defaults };
}

function renameInExpr(expr: Expr, from: string, to: string): Expr {
  if (typeof expr === 'string') return expr === from ? to : expr;
  if ('not' in expr) return { not: renameInExpr(expr.not, from, to) };
  if ('all' in expr) return { all: expr.all.map((e) => renameInExpr(e, from, to)) };
  return { any: expr.any.map((e) => renameInExpr(e, from, to)) };
}

function renameInRule(rule: Rule, from: string, to: string): Rule {
  const r = (expr: Expr) => renameInExpr(expr, from, to);
  switch (rule.kind) {
    case 'requires':
    case 'implies':
      return { ...rule, if: r(rule.if), then: r(rule.then) };
    case 'excludes':
      return { ...rule, a: r(rule.a), b: r(rule.b) };
    case 'constraint':
      return { ...rule, expr: r(rule.expr) };
    case 'atMost':
    case 'exactly':
      return { ...rule, of: rule.of.map(r) };
    case 'table':
      return { ...rule, rows: rule.rows.map((row) => row.map((cell) => (cell === from ? to : cell))) };
  }
}

/**
 * Rewrites every mention of option code `from` (rules, adjustments) to `to`, so that renaming an
 * option keeps its rules. Only when the rename is unambiguous: `from` named exactly one option
 * before, and `to` names nothing else; otherwise the validator reports the dangling references.
 */
function renameOptionEverywhere(before: Model, after: Model, from: string, to: string): Model {
  const codes = allOptionCodes(before);
  if (codes.filter((c) => c === from).length !== 1 || codes.includes(to)) return after;
  return renameMentions(after, from, to);
}

function renameMentions(after: Model, from: string, to: string): Model {
  return {
    ...after,
    rules: after.rules.map((rule) => renameInRule(rule, from, to)),
    ...(after.adjustments
      ? { adjustments: after.adjustments.map((a) => ({ ...a, when: renameInExpr(a.when, from, to) })) }
      : {}),
  };
}

function renameFamilyEverywhere(before: Model, after: Model, from: string, to: string): Model {
  const codes = before.families.map((f) => f.code);
  if (codes.filter((c) => c === from).length !== 1 || codes.includes(to)) return after;
  const none = (code: string) => `${code}:none`;
  const renamed = renameMentions(after, none(from), none(to));
  return {
    ...renamed,
    rules: renamed.rules.map((rule) =>
      rule.kind === 'table' ? { ...rule, families: rule.families.map((f) => (f === from ? to : f)) } : rule,
    ),
  };
}

function editModel(model: Model, action: DraftAction): Model {
  switch (action.type) {
    case 'loaded':
    case 'saved':
    case 'replaced':
      return action.model;
    case 'setBasePrice':
      return { ...model, basePrice: action.fen };
    case 'addFamily': {
      const code = freshCode(
        'family',
        model.families.map((f) => f.code),
      );
      return {
        ...model,
        families: [...model.families, { code, label: { 'zh-CN': '', en: '' }, options: [] }],
      };
    }
    case 'updateFamily': {
      const before = model.families[action.index];
      if (!before) return model;
      let next: Model = {
        ...model,
        families: replacedAt(model.families, action.index, (f) => patched<Family>(f, action.patch)),
      };
      const renamed = action.patch.code;
      if (renamed !== undefined && renamed !== before.code) {
        next = renameFamilyEverywhere(model, next, before.code, renamed);
      }
      if (renamed !== undefined && renamed !== before.code && next.defaults && before.code in next.defaults) {
        const { [before.code]: chosen, ...rest } = next.defaults;
        next = { ...next, defaults: chosen === undefined ? rest : { ...rest, [renamed]: chosen } };
      }
      return next;
    }
    case 'removeFamily': {
      const family = model.families[action.index];
      if (!family) return model;
      const next = { ...model, families: model.families.filter((_, i) => i !== action.index) };
      return withoutDefaults(next, (f) => f === family.code);
    }
    case 'moveFamily':
      return { ...model, families: moved(model.families, action.index, action.by) };
    case 'addOption': {
      const family = model.families[action.family];
      if (!family) return model;
      const code = freshCode(family.code, allOptionCodes(model));
      const option: Option = { code, label: { 'zh-CN': '', en: '' }, price: 0 };
      return {
        ...model,
        families: replacedAt(model.families, action.family, (f) => ({
          ...f,
          options: [...f.options, option],
        })),
      };
    }
    case 'updateOption': {
      const before = model.families[action.family]?.options[action.index];
      if (!before) return model;
      let next: Model = {
        ...model,
        families: replacedAt(model.families, action.family, (f) => ({
          ...f,
          options: replacedAt(f.options, action.index, (o) => patched(o, action.patch)),
        })),
      };
      const renamed = action.patch.code;
      if (renamed !== undefined && renamed !== before.code) {
        next = renameOptionEverywhere(model, next, before.code, renamed);
      }
      if (renamed !== undefined && renamed !== before.code && next.defaults) {
        const defaults = Object.fromEntries(
          Object.entries(next.defaults).map(([f, o]) => [f, o === before.code ? renamed : o]),
        );
        next = { ...next, defaults };
      }
      return next;
    }
    case 'removeOption': {
      const option = model.families[action.family]?.options[action.index];
      if (!option) return model;
      const next = {
        ...model,
        families: replacedAt(model.families, action.family, (f) => ({
          ...f,
          options: f.options.filter((_, i) => i !== action.index),
        })),
      };
      return withoutDefaults(next, (_, o) => o === option.code);
    }
    case 'moveOption':
      return {
        ...model,
        families: replacedAt(model.families, action.family, (f) => ({
          ...f,
          options: moved(f.options, action.index, action.by),
        })),
      };
    case 'addRule':
      return { ...model, rules: [...model.rules, action.rule] };
    case 'replaceRule':
      return { ...model, rules: replacedAt(model.rules, action.index, () => action.rule) };
    case 'removeRule':
      return { ...model, rules: model.rules.filter((_, i) => i !== action.index) };
    case 'addAdjustment': {
      const adjustments = model.adjustments ?? [];
      const id = freshCode(
        'deal',
        adjustments.map((a) => a.id),
      );
      const first = model.families[0]?.options[0]?.code ?? '';
      return {
        ...model,
        adjustments: [
          ...adjustments,
          { id, when: { all: [first] }, amount: 0, label: { 'zh-CN': '', en: '' } },
        ],
      };
    }
    case 'replaceAdjustment':
      return {
        ...model,
        adjustments: replacedAt(model.adjustments ?? [], action.index, () => action.adjustment),
      };
    case 'removeAdjustment':
      return { ...model, adjustments: (model.adjustments ?? []).filter((_, i) => i !== action.index) };
    case 'setDefault': {
      const { [action.family]: _old, ...rest } = model.defaults ?? {};
      return {
        ...model,
        defaults: action.option === null ? rest : { ...rest, [action.family]: action.option },
      };
    }
  }
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'loaded':
      return initialDraft(action.model);
    case 'saved':
      // What the server now has; edits made while saving stay unsaved.
      return { saved: action.model, draft: state.draft === action.model ? action.model : state.draft };
    default:
      return { ...state, draft: editModel(state.draft, action) };
  }
}
