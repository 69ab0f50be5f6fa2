import { compile, countSolutions, mulberry32, sampleConfiguration } from '@openc2b/configurator';
import { describe, expect, it } from 'vitest';
import { demoModels } from '../../catalog/index.ts';
import { checkBom } from '../check-bom.ts';
import { explodeLines } from '../explode-configuration.ts';
import type { BomLine } from '../types.ts';
import { demoBoms, demoParts } from './index.ts';

const MODEL_OF: Record<string, string> = {
  'qc-d90-pro': 'qc-d90-pro-2027',
  'qc-t90': 'qc-t90-2027',
  'qc-g20': 'qc-g20-2027',
};
const SUPPLIERS = [
  'SUP-SEAT',
  'SUP-TYRE',
  'SUP-STEEL',
  'SUP-PAINT',
  'SUP-HARNESS',
  'SUP-POWER',
  'SUP-ELEC',
  'SUP-RV',
];
const parts = new Map(demoParts.map((p) => [p.partNumber, p]));

const linesOf = (bom: (typeof demoBoms)[number]): BomLine[] =>
  bom.lines.map((l) => {
    const p = parts.get(l.partNumber);
    if (!p) throw new Error(`${bom.modelLine} line ${l.lineNo}: no part ${l.partNumber}`);
    const { supplier, ...rest } = p;
    const part = {
      ...rest,
      id: p.partNumber,
      supplierOrgId: supplier,
      active: true,
      unitPrice: null,
      createdAt: new Date(0),
    };
    return { ...l, part: { ...part, updatedAt: part.createdAt } };
  });

describe('demo parts', () => {
  it('have unique part numbers, bilingual names, known suppliers and sane lead times', () => {
    expect(parts.size).toBe(demoParts.length);
    for (const p of demoParts) {
      expect(p.partNumber).toMatch(/^[A-Z0-9][A-Z0-9.-]{1,39}$/);
      expect(p.name['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(p.name.en).toMatch(/^[A-Z0-9]/);
      expect(SUPPLIERS).toContain(p.supplier);
      expect(p.leadTimeDays).toBeGreaterThan(0);
      expect(p.leadTimeDays).toBeLessThanOrEqual(60);
    }
  });

  it('are each used by some demo BOM', () => {
    const used = new Set(demoBoms.flatMap((b) => b.lines.map((l) => l.partNumber)));
    expect(demoParts.filter((p) => !used.has(p.partNumber)).map((p) => p.partNumber)).toEqual([]);
  });
});

for (const bom of demoBoms) {
  describe(`demo BOM ${bom.modelLine}`, () => {
    const model = demoModels.find((m) => m.id === MODEL_OF[bom.modelLine]);
    if (!model) throw new Error(`no demo model for ${bom.modelLine}`);
    const compiled = compile(model);
    const lines = linesOf(bom);

    it('has 30 to 80 lines with the wiring harness as one sequenced line for every car', () => {
      expect(lines.length).toBeGreaterThanOrEqual(30);
      expect(lines.length).toBeLessThanOrEqual(80);
      const harness = lines.filter((l) => l.part.partNumber.endsWith('-HARNESS-MAIN'));
      expect(harness).toHaveLength(1);
      expect(harness[0]).toMatchObject({ condition: null, group: null, part: { sequenced: true } });
    });

    it('passes the publish check against its demo model', () => {
      const report = checkBom(
        {
          modelLine: bom.modelLine,
          catalogVersion: { id: 'ver_demo', number: 1, variantCount: countSolutions(compiled).toString() },
          compiled,
        },
        lines,
      );
      expect(report.findings).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.groups.map((g) => g.code)).toEqual(expect.arrayContaining(['paint', 'wheels', 'tyres']));
    });

    it('explodes random valid configurations with exactly one line per group', () => {
      const rng = mulberry32(2027);
      for (let i = 0; i < 200; i++) {
        const selection = sampleConfiguration(compiled, rng);
        if (!selection) throw new Error('no configuration');
        const { parts: exploded, groupProblems } = explodeLines(lines, selection);
        expect(groupProblems, JSON.stringify(selection)).toEqual([]);
        expect(exploded.some((p) => p.partNumber.endsWith('-HARNESS-MAIN'))).toBe(true);
      }
    });
  });
}
