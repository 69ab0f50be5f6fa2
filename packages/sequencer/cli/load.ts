/** File loading shared by the CLI and the bench (Node only). */
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseCsplib } from '../src/csplib.ts';
import { type Instance, SequencerError } from '../src/model.ts';
import { parseRoadef } from '../src/roadef.ts';

export const readText = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new SequencerError('cli.unreadable_file', `Cannot read ${file}: ${(e as Error).message}`);
  }
};

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    throw new SequencerError('cli.not_found', `No such file or directory: ${path}`);
  }
};

/** A ROADEF instance is a directory; a CSPLib instance is one file. */
export const isCsplibPath = (path: string): boolean => !isDirectory(path);

export const loadRoadef = (dir: string): Instance =>
  parseRoadef(basename(dir.replace(/\/+$/, '')), {
    vehicles: readText(join(dir, 'vehicles.txt')),
    ratios: readText(join(dir, 'ratios.txt')),
    paintBatchLimit: readText(join(dir, 'paint_batch_limit.txt')),
    objectives: readText(join(dir, 'optimization_objectives.txt')),
  });

export const loadCsplib = (file: string): Instance =>
  parseCsplib(basename(file).replace(/\.txt$/, ''), readText(file));

export const loadInstance = (path: string): Instance =>
  isCsplibPath(path) ? loadCsplib(path) : loadRoadef(path);
