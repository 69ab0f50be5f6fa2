/**
 * Parser for the ROADEF/EURO 2005 challenge files (Renault). Takes the file TEXTS so it stays
 * I/O-free; the CLI reads the files.
 *
 * D-1 cars: every row whose date is earlier than the latest date, ordered by (date, SeqRank),
 * which is the file order. Day-D cars keep the SeqRank order as the given order.
 */
import { type Instance, type ObjectiveName, type RatioConstraint, SequencerError } from './model.ts';

export type RoadefFiles = {
  vehicles: string;
  ratios: string;
  paintBatchLimit: string;
  objectives: string;
};

const rows = (text: string): string[][] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const cells = line.split(';').map((c) => c.trim());
      // Every line ends with ';', which leaves one empty trailing cell.
      if (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      return cells;
    });

const int = (cell: string | undefined, what: string): number => {
  const v = Number(cell);
  if (cell === undefined || cell === '' || !Number.isInteger(v)) {
    throw new SequencerError('sequencer.bad_file', `Expected an integer for ${what}, got "${cell}"`);
  }
  return v;
};

export const parseObjectives = (text: string): ObjectiveName[] => {
  const ranked = rows(text)
    .slice(1)
    .map((cells): [number, ObjectiveName] => {
      const name = (cells[1] ?? '').toLowerCase();
      const objective: ObjectiveName | undefined = name.includes('paint')
        ? 'pcc'
        : name.includes('high')
          ? 'hprc'
          : name.includes('low')
            ? 'lprc'
            : undefined;
      if (objective === undefined) {
        throw new SequencerError('sequencer.bad_file', `Unknown objective "${cells[1]}"`);
      }
      return [int(cells[0], 'objective rank'), objective];
    });
  ranked.sort((a, b) => a[0] - b[0]);
  return ranked.map(([, name]) => name);
};

export const parseRatios = (text: string): RatioConstraint[] =>
  rows(text)
    .slice(1)
    .map((cells) => {
      const [n, p] = (cells[0] ?? '').split('/');
      const prio = int(cells[1], 'ratio priority');
      return {
        id: cells[2] ?? '',
        n: int(n, 'ratio N'),
        p: int(p, 'ratio P'),
        priority: prio === 1 ? 'high' : 'low',
      };
    });

export const parsePaintBatchLimit = (text: string): number => int(rows(text)[1]?.[0], 'paint batch limit');

const dateKey = (date: string): number[] => date.split(/\s+/).map((part) => Number(part));

const compareKeys = (a: number[], b: number[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

export const parseRoadef = (name: string, files: RoadefFiles): Instance => {
  const ratios = parseRatios(files.ratios);
  const objectives = parseObjectives(files.objectives);
  const paintBatchLimit = parsePaintBatchLimit(files.paintBatchLimit);
  const table = rows(files.vehicles);
  const header = (table[0] ?? []).map((h) => h.toLowerCase());
  const col = (label: string): number => {
    const i = header.indexOf(label.toLowerCase());
    if (i < 0) throw new SequencerError('sequencer.bad_file', `vehicles.txt has no column "${label}"`);
    return i;
  };
  const dateCol = col('Date');
  const rankCol = col('SeqRank');
  const identCol = col('Ident');
  const colourCol = col('Paint Color');
  const ratioCols = ratios.map((r) => col(r.id));

  const vehicles = table.slice(1).map((cells, line) => ({
    line,
    date: dateKey(cells[dateCol] ?? ''),
    rank: int(cells[rankCol], 'SeqRank'),
    ident: cells[identCol] ?? '',
    colour: cells[colourCol] ?? '',
    options: ratioCols.map((c) => int(cells[c], 'option flag')),
  }));
  if (vehicles.length === 0) throw new SequencerError('sequencer.bad_file', 'vehicles.txt has no vehicle');
  vehicles.sort((a, b) => compareKeys(a.date, b.date) || a.rank - b.rank || a.line - b.line);
  const last = vehicles[vehicles.length - 1]!.date;
  const prevCount = vehicles.filter((v) => compareKeys(v.date, last) < 0).length;

  const colourNames: string[] = [];
  const colourIndex = new Map<string, number>();
  const colours = new Int32Array(vehicles.length);
  vehicles.forEach((v, i) => {
    let c = colourIndex.get(v.colour);
    if (c === undefined) {
      c = colourNames.length;
      colourIndex.set(v.colour, c);
      colourNames.push(v.colour);
    }
    colours[i] = c;
  });
  const options = ratios.map((_, k) => Uint8Array.from(vehicles, (v) => (v.options[k] ? 1 : 0)));
  const instance: Instance = {
    name,
    ids: vehicles.map((v) => v.ident),
    colours,
    colourNames,
    options,
    ratios,
    prevCount,
    paintBatchLimit,
    objectives,
    endWindows: true,
    givenOrder: new Int32Array(0),
  };
  const given = new Int32Array(vehicles.length - prevCount);
  for (let i = 0; i < given.length; i++) given[i] = prevCount + i;
  instance.givenOrder = given;
  return instance;
};

/**
 * Day-D order from a sequence file: one `Ident` per line, `#` comments and blank lines ignored.
 * Throws when an Ident is unknown, repeated, missing or belongs to day D-1.
 */
export const parseSequence = (instance: Instance, text: string): Int32Array => {
  const byId = new Map<string, number>();
  instance.ids.forEach((id, i) => {
    if (i >= instance.prevCount) byId.set(id, i);
  });
  const order: number[] = [];
  const seen = new Set<number>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const car = byId.get(line);
    if (car === undefined)
      throw new SequencerError('sequencer.unknown_vehicle', `Unknown day-D vehicle ${line}`);
    if (seen.has(car))
      throw new SequencerError('sequencer.duplicate_vehicle', `Vehicle ${line} appears twice`);
    seen.add(car);
    order.push(car);
  }
  const expected = instance.ids.length - instance.prevCount;
  if (order.length !== expected) {
    throw new SequencerError(
      'sequencer.incomplete_sequence',
      `The sequence has ${order.length} day-D vehicles, the instance ${expected}`,
    );
  }
  return Int32Array.from(order);
};

export const formatSequence = (instance: Instance, seq: Int32Array): string => {
  const lines: string[] = [];
  for (let i = instance.prevCount; i < seq.length; i++) lines.push(instance.ids[seq[i]!]!);
  return `${lines.join('\n')}\n`;
};
