import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { type Instance, withPrevious } from './model.ts';
import { parseRoadef, parseSequence } from './roadef.ts';

// Two D-1 cars (p1, p2) and four day-D cars. H1 = 1/2 (high), L1 = 1/3 (low).
const files = {
  vehicles: [
    'Date;SeqRank;Ident;Paint Color;H1;L1;',
    '2004 1 1;1;p1;1;1;0;',
    '2004 1 1;2;p2;2;0;1;',
    '2004 1 2;1;d1;2;1;0;',
    '2004 1 2;2;d2;2;1;1;',
    '2004 1 2;3;d3;3;0;1;',
    '2004 1 2;4;d4;3;1;0;',
  ].join('\n'),
  ratios: 'Ratio;Prio;Ident;\n1/2;1;H1;\n1/3;0;L1;\n',
  paintBatchLimit: 'limitation;\n2;\n',
  objectives: [
    'rank;objective name;',
    '1;high_priority_level_and_easy_to_satisfy_ratio_constraints;',
    '2;paint_color_batches;',
    '3;low_priority_level_ratio_constraints;',
  ].join('\n'),
};

const instance = (): Instance => parseRoadef('tiny', files);
const score = (inst: Instance, order: string) =>
  evaluate(inst, withPrevious(inst, parseSequence(inst, order.split(' ').join('\n'))));

describe('parseRoadef', () => {
  it('puts the D-1 cars first and keeps the SeqRank order of day D', () => {
    const inst = instance();
    expect(inst.prevCount).toBe(2);
    expect(inst.ids).toEqual(['p1', 'p2', 'd1', 'd2', 'd3', 'd4']);
    expect(inst.objectives).toEqual(['hprc', 'pcc', 'lprc']);
    expect(inst.ratios.map((r) => [r.n, r.p, r.priority])).toEqual([
      [1, 2, 'high'],
      [1, 3, 'low'],
    ]);
    expect(inst.paintBatchLimit).toBe(2);
  });

  it('rejects unknown, repeated and missing vehicles in a sequence file', () => {
    const inst = instance();
    expect(() => parseSequence(inst, 'd1\nd2\nd3\nzz')).toThrow(/Unknown/);
    expect(() => parseSequence(inst, 'd1\nd1\nd3\nd4')).toThrow(/twice/);
    expect(() => parseSequence(inst, 'd1\nd2\nd3')).toThrow(/3 day-D/);
    expect(() => parseSequence(inst, 'p1\nd2\nd3\nd4')).toThrow(/Unknown/);
  });
});

describe('evaluate (rules R1-R4, worked by hand)', () => {
  it('scores the given order: d1 d2 d3 d4', () => {
    // Colours p1=1 p2=2 | d1=2 d2=2 d3=3 d4=3.
    // R1: p2->d1 same, d2->d3 change: PCC 1.
    // H1 bits p1 1, p2 0 | 1 1 0 1; windows of 2 holding a D car start at p2:
    //   [p2 d1]=1, [d1 d2]=2 (+1), [d2 d3]=1, [d3 d4]=1, [d4] (R4, truncated)=1: HPRC 1.
    // L1 bits p1 0, p2 1 | 0 1 1 0; windows of 3 start at p1:
    //   [p1 p2 d1]=1, [p2 d1 d2]=2 (+1), [d1 d2 d3]=2 (+1), [d2 d3 d4]=2 (+1), [d3 d4]=1, [d4]=0: LPRC 3.
    const e = score(instance(), 'd1 d2 d3 d4');
    expect({ hprc: e.hprc, pcc: e.pcc, lprc: e.lprc }).toEqual({ hprc: 1, pcc: 1, lprc: 3 });
    expect(e.score).toBe(1_000_000 + 1_000 + 3);
  });

  it('R1: counts the colour change from the last D-1 car to the first D car', () => {
    // p2 (2) -> d3 (3) change, d4 (3) -> d1 (2) change, d1 -> d2 same: PCC 2.
    expect(score(instance(), 'd3 d4 d1 d2').pcc).toBe(2);
    // Starting with colour 2 continues p2's colour: only d2 -> d3 changes.
    expect(score(instance(), 'd1 d2 d3 d4').pcc).toBe(1);
  });

  it('R2: counts paint runs inside day D only, and the limit is hard', () => {
    const inst = instance();
    // p2 d1 d2 all have colour 2: a run of 3 across the day boundary, but 2 inside day D.
    const e = score(inst, 'd1 d2 d3 d4');
    expect(e.longestRun).toBe(2);
    expect(e.feasible).toBe(true);
    inst.paintBatchLimit = 1;
    expect(score(inst, 'd1 d2 d3 d4').feasible).toBe(false);
    expect(score(inst, 'd1 d3 d2 d4').feasible).toBe(true);
  });

  it('R3: windows over the D-1 tail count, windows of D-1 cars only do not', () => {
    // H1: [p1 p2] = 1 + 0 would not count anyway; make the D-1-only window violate instead.
    const inst = parseRoadef('tail', {
      ...files,
      vehicles: files.vehicles.replace('2004 1 1;2;p2;2;0;1;', '2004 1 1;2;p2;2;1;1;'),
    });
    // H1 bits p1 1, p2 1 | d3 0, d1 1, d4 1, d2 1 (order d3 d1 d4 d2).
    // [p1 p2] holds no D car: not counted. [p2 d3]=1, [d3 d1]=1, [d1 d4]=2 (+1), [d4 d2]=2 (+1), [d2]=1.
    expect(score(inst, 'd3 d1 d4 d2').hprc).toBe(2);
    // [p2 d1]=2 (+1) is a window over the D-1 tail and counts.
    // Order d1 d3 d4 d2: [p2 d1]=2 (+1), [d1 d3]=1, [d3 d4]=1, [d4 d2]=2 (+1), [d2]=1.
    expect(score(inst, 'd1 d3 d4 d2').hprc).toBe(2);
  });

  it('R4: truncated windows at the end of the day count with the same N', () => {
    const inst = parseRoadef('end', {
      ...files,
      ratios: 'Ratio;Prio;Ident;\n1/3;1;H1;\n1/3;0;L1;\n',
    });
    // H1 = 1/3, bits | d1 1, d2 1, d3 0, d4 1. Order d3 d1 d2 d4 puts three option cars last:
    // [p1 p2 d3]=1, [p2 d3 d1]=1, [d3 d1 d2]=2 (+1), [d1 d2 d4]=3 (+2), [d2 d4]=2 (+1, truncated), [d4]=1.
    expect(score(inst, 'd3 d1 d2 d4').hprc).toBe(4);
    // Without R4 the two truncated windows would add nothing: 3.
    const noEnd = { ...inst, endWindows: false };
    expect(evaluate(noEnd, withPrevious(noEnd, parseSequence(noEnd, 'd3\nd1\nd2\nd4'))).hprc).toBe(3);
  });

  it('weights the objectives by their rank (1 000 000 / 1 000 / 1)', () => {
    const inst = parseRoadef('pcc-first', {
      ...files,
      objectives:
        'rank;objective name;\n1;paint_color_batches;\n2;high_priority_level_and_easy_to_satisfy_ratio_constraints;\n',
    });
    const e = score(inst, 'd1 d2 d3 d4');
    // Two objectives only: LPRC weighs 0.
    expect(e.score).toBe(1 * 1_000_000 + 1 * 1_000);
  });
});
