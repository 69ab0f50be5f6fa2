/**
 * Small builders for the demo super-BOMs, so the files read like a BOM listing. They produce
 * plain data (part numbers, not ids); `seed/demo-bom.ts` creates the parts and publishes.
 */
import type { Expr } from '@openc2b/configurator';
import type { Bilingual, PartUnit, Station } from '../types.ts';

export type DemoPart = {
  partNumber: string;
  name: Bilingual;
  /** Organisation code of the supplier (identity), e.g. SUP-SEAT. */
  supplier: string;
  leadTimeDays: number;
  unit: PartUnit;
  sequenced: boolean;
};

export type DemoLine = {
  lineNo: number;
  partNumber: string;
  quantity: number;
  condition: Expr | null;
  group: string | null;
  station: Station;
};

export type DemoBom = { modelLine: string; lines: DemoLine[] };

export const part = (
  partNumber: string,
  zh: string,
  en: string,
  supplier: string,
  leadTimeDays: number,
  unit: PartUnit = 'pc',
  sequenced = false,
): DemoPart => ({ partNumber, name: { 'zh-CN': zh, en }, supplier, leadTimeDays, unit, sequenced });

/** A just-in-sequence part: delivered per vehicle in line order. */
export const jis = (
  partNumber: string,
  zh: string,
  en: string,
  supplier: string,
  leadTimeDays: number,
  unit: PartUnit = 'set',
): DemoPart => part(partNumber, zh, en, supplier, leadTimeDays, unit, true);

export const any = (...xs: Expr[]): Expr => ({ any: xs });
export const all = (...xs: Expr[]): Expr => ({ all: xs });
export const not = (x: Expr): Expr => ({ not: x });

type LineSpec = {
  part: string;
  station: Station;
  when?: Expr;
  group?: string;
  qty?: number;
};

/** Numbers the lines 10, 20, 30, ... in the order given. */
export const bom = (modelLine: string, specs: LineSpec[]): DemoBom => ({
  modelLine,
  lines: specs.map((s, i) => ({
    lineNo: (i + 1) * 10,
    partNumber: s.part,
    quantity: s.qty ?? 1,
    condition: s.when ?? null,
    group: s.group ?? null,
    station: s.station,
  })),
});

/** One line per option: an alternative group whose lines are the options of one family. */
export const perOption = (
  group: string,
  station: Station,
  options: [option: Expr, partNumber: string][],
  qty = 1,
): LineSpec[] => options.map(([when, p]) => ({ part: p, station, when, group, qty }));
