/**
 * Static analysis of a compiled model for its author: no valid configuration at all, options
 * that can never be chosen (dead), options that are always forced, unpriced options, defaults
 * that are not a valid starting choice. Each finding names the rules that mention the option,
 * the first place to look for the cause.
 */
import { ruleOptionCodes } from './compile.ts';
import type { CompiledModel } from './compiled.ts';
import { countSolutions } from './count.ts';
import type { Model } from './model.ts';

export type AnalysisFindingKind =
  | 'no_solution'
  | 'dead_option'
  | 'forced_option'
  | 'unpriced_option'
  | 'invalid_defaults';

export type AnalysisFinding = {
  kind: AnalysisFindingKind;
  severity: 'error' | 'warning' | 'info';
  message: string;
  family?: string;
  option?: string;
  /** Ids of the rules (and adjustments) that mention the option; every rule for no_solution. */
  rules: string[];
};

export type ModelAnalysis = {
  satisfiable: boolean;
  /** Exact number of valid complete configurations. */
  count: bigint;
  findings: AnalysisFinding[];
};

/** For each level, which option indices lie on at least one path to TRUE. */
export const liveOptions = (
  c: CompiledModel,
  allowed?: (level: number, option: number) => boolean,
): boolean[][] => {
  const live = c.levels.map((l) => l.options.map(() => false));
  if (c.root < 2) return live;
  const seen = new Uint8Array(c.nodeLevel.length);
  // With a restriction, a node is useful only if it still reaches TRUE through allowed options.
  const reaches = new Int8Array(c.nodeLevel.length).fill(-1);
  reaches[0] = 0;
  reaches[1] = 1;
  const good = (n: number): boolean => {
    const r = reaches[n] as number;
    if (r >= 0) return r === 1;
    const l = c.nodeLevel[n] as number;
    const k = c.levels[l]?.options.length ?? 0;
    const off = c.childOffset[n] as number;
    let ok = false;
    for (let i = 0; i < k && !ok; i++) {
      if (allowed && !allowed(l, i)) continue;
      if (good(c.children[off + i] as number)) ok = true;
    }
    reaches[n] = ok ? 1 : 0;
    return ok;
  };
  if (!good(c.root)) return live;
  const stack = [c.root];
  seen[c.root] = 1;
  while (stack.length > 0) {
    const n = stack.pop() as number;
    const l = c.nodeLevel[n] as number;
    const k = c.levels[l]?.options.length ?? 0;
    const off = c.childOffset[n] as number;
    for (let i = 0; i < k; i++) {
      if (allowed && !allowed(l, i)) continue;
      const ch = c.children[off + i] as number;
      if (!good(ch)) continue;
      (live[l] as boolean[])[i] = true;
      if (ch >= 2 && seen[ch] === 0) {
        seen[ch] = 1;
        stack.push(ch);
      }
    }
  }
  return live;
};

/** Analyses a model against its compiled form (compile(model)). */
export const analyzeModel = (model: Model, c: CompiledModel): ModelAnalysis => {
  const findings: AnalysisFinding[] = [];
  const mentions = new Map<string, string[]>();
  const mention = (option: string, rule: string) => {
    const list = mentions.get(option);
    if (list) {
      if (!list.includes(rule)) list.push(rule);
    } else mentions.set(option, [rule]);
  };
  for (const r of c.rules) for (const o of r.options) mention(o, r.id);
  // Adjustments do not restrict choices, but naming them helps to find where an option is used.
  for (const a of model.adjustments ?? []) {
    for (const o of ruleOptionCodes({ id: a.id, kind: 'constraint', expr: a.when })) mention(o, a.id);
  }
  const count = countSolutions(c);
  const satisfiable = count > 0n;
  if (!satisfiable) {
    findings.push({
      kind: 'no_solution',
      severity: 'error',
      message: 'No configuration satisfies all rules',
      rules: c.rules.map((r) => r.id),
    });
  } else {
    const live = liveOptions(c);
    c.levels.forEach((level, l) => {
      if (level.aux) return;
      const ok = live[l] as boolean[];
      const alive = ok.filter(Boolean).length;
      level.options.forEach((option, i) => {
        if (!ok[i]) {
          findings.push({
            kind: 'dead_option',
            severity: 'warning',
            message: `Option ${option} of family ${level.code} can never be chosen`,
            family: level.code,
            option,
            rules: mentions.get(option) ?? [],
          });
        } else if (alive === 1 && level.options.length > 1) {
          findings.push({
            kind: 'forced_option',
            severity: 'info',
            message: `Option ${option} of family ${level.code} is always chosen`,
            family: level.code,
            option,
            rules: mentions.get(option) ?? [],
          });
        }
      });
    });
    if (model.defaults && Object.keys(model.defaults).length > 0) {
      const wanted = new Map<number, number>();
      c.levels.forEach((level, l) => {
        const code = model.defaults?.[level.code];
        if (code !== undefined) wanted.set(l, level.options.indexOf(code));
      });
      const ok = liveOptions(c, (l, i) => {
        const w = wanted.get(l);
        return w === undefined || w === i;
      });
      if (!ok.some((xs) => xs.some(Boolean))) {
        const rules = new Set<string>();
        for (const o of Object.values(model.defaults)) for (const r of mentions.get(o) ?? []) rules.add(r);
        findings.push({
          kind: 'invalid_defaults',
          severity: 'error',
          message: 'The default choices cannot be completed to a valid configuration',
          rules: [...rules],
        });
      }
    }
  }
  for (const f of model.families) {
    for (const o of f.options) {
      if (o.price === undefined) {
        findings.push({
          kind: 'unpriced_option',
          severity: 'info',
          message: `Option ${o.code} of family ${f.code} has no price (counted as 0)`,
          family: f.code,
          option: o.code,
          rules: mentions.get(o.code) ?? [],
        });
      }
    }
  }
  return { satisfiable, count, findings };
};
