/**
 * Parser for CSPLib prob001 (car sequencing, satisfaction version). Format, as whitespace-separated
 * integers: cars options classes / N per option / P per option / one line per class:
 * class-id count flag... . No colours, no D-1 cars, and only full windows count (the classic
 * violation measure), so an instance is satisfied iff the high-priority count is 0.
 */
import { type Instance, SequencerError } from './model.ts';

export const parseCsplib = (name: string, text: string): Instance => {
  const tokens = text
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('#'))
    .join(' ')
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map((t) => {
      const v = Number(t);
      if (!Number.isInteger(v)) throw new SequencerError('sequencer.bad_file', `Not an integer: "${t}"`);
      return v;
    });
  let at = 0;
  const next = (): number => {
    const v = tokens[at++];
    if (v === undefined) throw new SequencerError('sequencer.bad_file', 'CSPLib file ends too early');
    return v;
  };
  const carCount = next();
  const optionCount = next();
  const classCount = next();
  const n = Array.from({ length: optionCount }, next);
  const p = Array.from({ length: optionCount }, next);
  const ids: string[] = [];
  const flags: number[][] = [];
  for (let c = 0; c < classCount; c++) {
    const classId = next();
    const count = next();
    const row = Array.from({ length: optionCount }, next);
    for (let k = 0; k < count; k++) {
      ids.push(`${classId}.${k}`);
      flags.push(row);
    }
  }
  if (ids.length !== carCount) {
    throw new SequencerError(
      'sequencer.bad_file',
      `Class counts add up to ${ids.length}, header says ${carCount}`,
    );
  }
  const givenOrder = new Int32Array(carCount);
  for (let i = 0; i < carCount; i++) givenOrder[i] = i;
  return {
    name,
    ids,
    colours: new Int32Array(carCount),
    colourNames: ['none'],
    options: n.map((_, k) => Uint8Array.from(flags, (row) => (row[k] ? 1 : 0))),
    ratios: n.map((nk, k) => ({ id: `option${k + 1}`, n: nk, p: p[k]!, priority: 'high' as const })),
    prevCount: 0,
    paintBatchLimit: Number.POSITIVE_INFINITY,
    objectives: ['hprc'],
    endWindows: false,
    givenOrder,
  };
};
