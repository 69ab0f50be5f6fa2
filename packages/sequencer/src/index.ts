/**
 * @openc2b/sequencer: mixed-model line sequencing for the factory planner.
 *
 * Owns: the instance model, the ROADEF 2005 / CSPLib parsers, the exact and incremental
 * evaluators and the local search. Must not do I/O or import `node:` modules: the server
 * imports it, and the CLI/bench read the files.
 */
export {
  capacity,
  type LowerBound,
  lowerBound,
  minimumRuns,
  minimumRunsWithoutViolation,
  pccFromRuns,
  segmentBound,
} from './bounds.ts';
export { parseCsplib } from './csplib.ts';
export { isPureRatioInstance, solveCsplib } from './csplib-solve.ts';
export { type Evaluation, evaluate, ratioViolation } from './evaluate.ts';
export { createIncremental, type Incremental } from './incremental.ts';
export {
  type Components,
  type Instance,
  type ObjectiveName,
  objectiveNames,
  objectiveWeights,
  type Priority,
  priorities,
  type RatioConstraint,
  SequencerError,
  type Weights,
  weightedScore,
  withPrevious,
} from './model.ts';
export { createRandom, type Random } from './random.ts';
export {
  formatSequence,
  parseObjectives,
  parsePaintBatchLimit,
  parseRatios,
  parseRoadef,
  parseSequence,
  type RoadefFiles,
} from './roadef.ts';
export {
  type DayCar,
  type DayInput,
  type DayOptions,
  type DayRatio,
  type DayResult,
  dayInstance,
  sequenceDay,
} from './sequence-day.ts';
export { greedyOrder, type Progress, type SolveOptions, type SolveResult, solve } from './solve.ts';
