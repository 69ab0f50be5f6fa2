import { compile, decodeConfiguration, type Expr, exprHolds, type Model } from '@openc2b/configurator';
import { describe, expect, it } from 'vitest';
import { checkBom } from './check-bom.ts';
import { explodeLines } from './explode-configuration.ts';
import type { BomFinding, BomLine, Part, Station } from './types.ts';

// 16 valid configurations: 2 trims x 3 paints x (no roof or pano) x 2 seat layouts, where the
// panoramic roof needs the luxury trim and is not offered in white.
const model: Model = {
  format: 'openc2b.model',
  version: 1,
  id: 'tiny-suv',
  currency: 'CNY',
  basePrice: 100_000,
  families: [
    {
      code: 'trim',
      options: [
        { code: 'base', price: 0 },
        { code: 'lux', price: 0 },
      ],
    },
    {
      code: 'paint',
      options: [
        { code: 'red', price: 0 },
        { code: 'blue', price: 0 },
        { code: 'white', price: 0 },
      ],
    },
    { code: 'roof', optional: true, options: [{ code: 'pano', price: 0 }] },
    {
      code: 'seats',
      options: [
        { code: 's5', price: 0 },
        { code: 's7', price: 0 },
      ],
    },
  ],
  rules: [
    { id: 'pano-lux', kind: 'requires', if: 'pano', then: 'lux' },
    { id: 'pano-not-white', kind: 'excludes', a: 'pano', b: 'white' },
  ],
};
const compiled = compile(model);
const target = {
  modelLine: 'tiny',
  catalogVersion: { id: 'ver_tiny', number: 1, variantCount: '16' },
  compiled,
};

const part = (n: string, extra: Partial<Part> = {}): Part => ({
  id: `prt_${n}`,
  partNumber: n,
  name: { 'zh-CN': n, en: n },
  supplierOrgId: 'org_supplier',
  leadTimeDays: 5,
  unit: 'pc',
  sequenced: false,
  active: true,
  unitPrice: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...extra,
});

let next = 10;
const line = (
  condition: Expr | null,
  group: string | null = null,
  station: Station = 'assembly',
  p: Part = part(`P-${next}`),
): BomLine => {
  const lineNo = next;
  next += 10;
  return { lineNo, part: p, quantity: 1, condition, group, station };
};

/** A BOM that covers every configuration exactly once. */
const good = (): BomLine[] => {
  next = 10;
  return [
    line(null, null, 'body'),
    line('red', 'paint', 'paint'),
    line('blue', 'paint', 'paint'),
    line('white', 'paint', 'paint'),
    line('roof:none', 'roof', 'body'),
    line('pano', 'roof', 'body'),
    line('s5', 'seats'),
    line({ not: 's5' }, 'seats'),
  ];
};

const kinds = (findings: BomFinding[]) => findings.map((f) => f.kind);

describe('checkBom', () => {
  it('passes a BOM whose groups cover every configuration exactly once', () => {
    const report = checkBom(target, good());
    expect(report).toMatchObject({ ok: true, findings: [], lineCount: 8, variantCount: '16' });
    expect(report.groups).toEqual([
      { code: 'paint', lines: [20, 30, 40] },
      { code: 'roof', lines: [50, 60] },
      { code: 'seats', lines: [70, 80] },
    ]);
  });

  it('reports a gap with the exact count and a witness configuration', () => {
    const lines = good().filter((l) => l.condition !== 'white');
    const report = checkBom(target, lines);
    expect(report.ok).toBe(false);
    expect(report.findings).toHaveLength(1);
    const gap = report.findings[0];
    if (gap?.kind !== 'gap') throw new Error(`expected a gap, got ${gap?.kind}`);
    // White cars: no roof option (pano excludes white), 2 trims x 2 seat layouts.
    expect(gap).toMatchObject({ group: 'paint', count: '4' });
    expect(gap.witness.selection['paint']).toBe('white');
    const decoded = decodeConfiguration(compiled, gap.witness.code);
    expect(decoded).toEqual({ ok: true, selection: expect.objectContaining(gap.witness.selection) });
  });

  it('reports two lines of a group that both hold, with count and witness, and the gap they leave', () => {
    const lines = good().filter((l) => l.group !== 'seats');
    lines.push(line('s7', 'seats'), line('lux', 'seats'));
    const report = checkBom(target, lines);
    expect(kinds(report.findings)).toEqual(['overlap', 'gap']);
    const [overlap, gap] = report.findings;
    if (overlap?.kind !== 'overlap' || gap?.kind !== 'gap') throw new Error('unexpected findings');
    // lux: 6 without roof + 4 with pano = 10, half of them 7-seaters.
    expect(overlap).toMatchObject({ group: 'seats', lines: [90, 100], count: '5' });
    expect(exprHolds({ all: ['s7', 'lux'] }, overlap.witness.selection)).toBe(true);
    // Neither s7 nor lux: base trim (no roof), 3 paints, 5 seats.
    expect(gap).toMatchObject({ group: 'seats', count: '3' });
    expect(exprHolds({ all: ['s5', 'base'] }, gap.witness.selection)).toBe(true);
  });

  it('reports lines whose condition no valid configuration meets', () => {
    const lines = [...good(), line({ all: ['pano', 'base'] }), line({ all: ['pano', 'white'] }, 'roof')];
    const report = checkBom(target, lines);
    expect(report.findings.map((f) => [f.kind, 'line' in f ? f.line : null])).toEqual([
      ['dead_line', 90],
      ['dead_line', 100],
    ]);
  });

  it('reports option codes the model does not know and leaves their groups out of the gap check', () => {
    const lines = good().map((l) => (l.condition === 'white' ? { ...l, condition: 'PAINT_WHITE' } : l));
    lines.push(line({ any: ['green', { not: 'red' }] }));
    const report = checkBom(target, lines);
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'unknown_option', line: 40, options: ['PAINT_WHITE'] }),
      expect.objectContaining({ kind: 'unknown_option', line: 90, options: ['green'] }),
    ]);
  });

  it('reports inactive parts and an empty BOM', () => {
    const lines = good();
    lines[0] = { ...(lines[0] as BomLine), part: part('OLD-1', { active: false }) };
    expect(checkBom(target, lines).findings).toEqual([
      expect.objectContaining({ kind: 'inactive_part', line: 10, partNumber: 'OLD-1' }),
    ]);
    expect(checkBom(target, []).findings).toEqual([expect.objectContaining({ kind: 'empty_bom' })]);
  });
});

describe('explodeLines', () => {
  it('gives every group exactly one line for each valid configuration of a passed BOM', () => {
    const lines = good();
    const selection = { trim: 'lux', paint: 'blue', roof: 'pano', seats: 's7' };
    const { parts, groupProblems } = explodeLines(lines, selection);
    expect(groupProblems).toEqual([]);
    // Station order (body, paint, assembly), then line number.
    expect(parts.map((p) => [p.station, p.lineNo])).toEqual([
      ['body', 10],
      ['body', 60],
      ['paint', 30],
      ['assembly', 80],
    ]);
  });

  it('names the groups that did not get exactly one line', () => {
    const lines = good().filter((l) => l.condition !== 'white');
    lines.push(line('lux', 'seats'));
    const { groupProblems } = explodeLines(lines, {
      trim: 'lux',
      paint: 'white',
      roof: 'roof:none',
      seats: 's5',
    });
    expect(groupProblems).toEqual([
      { group: 'paint', lines: [] },
      { group: 'seats', lines: [70, 90] },
    ]);
  });
});
