// Where in the editor a validation issue or analysis finding points: the tab and the family,
// option, rule or price adjustment to open, from the codes it names or else its JSON path.
import type { Model } from '@openc2b/configurator';

export type EditorTab = 'families' | 'rules' | 'adjustments' | 'defaults' | 'history';

export type Target = {
  tab: EditorTab;
  family?: number;
  option?: number;
  rule?: number;
  adjustment?: number;
};

export type IssueRef = { path?: string; family?: string; option?: string; rule?: string };

const INDEX = (name: string) => new RegExp(`^${name}\\[(\\d+)\\]`);

export function targetOfPath(path: string): Target | null {
  const family = INDEX('families').exec(path);
  if (family) {
    const option = /^families\[\d+\]\.options\[(\d+)\]/.exec(path);
    return {
      tab: 'families',
      family: Number(family[1]),
      ...(option ? { option: Number(option[1]) } : {}),
    };
  }
  const rule = INDEX('rules').exec(path);
  if (rule) return { tab: 'rules', rule: Number(rule[1]) };
  const adjustment = INDEX('adjustments').exec(path);
  if (adjustment) return { tab: 'adjustments', adjustment: Number(adjustment[1]) };
  if (path.startsWith('defaults')) return { tab: 'defaults' };
  if (path.startsWith('families')) return { tab: 'families' };
  if (path.startsWith('rules')) return { tab: 'rules' };
  return null;
}

/** The rule (or adjustment, which shares the id space in findings) with this id. */
export function targetOfRule(model: Model, id: string): Target | null {
  const rule = model.rules.findIndex((r) => r.id === id);
  if (rule >= 0) return { tab: 'rules', rule };
  const adjustment = (model.adjustments ?? []).findIndex((a) => a.id === id);
  if (adjustment >= 0) return { tab: 'adjustments', adjustment };
  return null;
}

export function targetOfOption(model: Model, code: string): Target | null {
  for (const [family, f] of model.families.entries()) {
    const option = f.options.findIndex((o) => o.code === code);
    if (option >= 0) return { tab: 'families', family, option };
  }
  return null;
}

export function targetOf(model: Model, ref: IssueRef): Target | null {
  // The path is the most precise for structural issues (it points at the offending field).
  const byPath = ref.path ? targetOfPath(ref.path) : null;
  if (byPath) return byPath;
  if (ref.rule) {
    const rule = targetOfRule(model, ref.rule);
    if (rule) return rule;
  }
  if (ref.option) {
    const option = targetOfOption(model, ref.option);
    if (option) return option;
  }
  if (ref.family) {
    const family = model.families.findIndex((f) => f.code === ref.family);
    if (family >= 0) return { tab: 'families', family };
  }
  return null;
}
