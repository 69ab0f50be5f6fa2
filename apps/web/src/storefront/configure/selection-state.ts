/**
 * The customer's selection as a reducer: picks, conflicts waiting for a decision, accepted
 * repairs and undo. Pure: the engine's answer for a pick (`RepairResult`) is computed by the
 * caller and carried in the action, so this file needs no compiled model.
 */
import type { Repair, RepairResult } from '@openc2b/configurator';
import type { Selection } from './price-breakdown.ts';

export type Pick = { family: string; option: string };

export type PendingConflict =
  | { pick: Pick; kind: 'conflict'; fewestChanges: Repair[]; cheapest: Repair }
  | { pick: Pick; kind: 'impossible' };

export type ConfiguratorState = {
  selection: Selection;
  /** Earlier selections, newest last, for undo. */
  history: Selection[];
  conflict: PendingConflict | null;
};

export type ConfiguratorAction =
  | { type: 'pick'; pick: Pick; outcome: RepairResult }
  | { type: 'accept'; selection: Selection }
  | { type: 'dismiss' }
  | { type: 'undo' }
  | { type: 'replace'; selection: Selection };

const HISTORY_LIMIT = 50;

export function initialState(selection: Selection): ConfiguratorState {
  return { selection, history: [], conflict: null };
}

function moveTo(state: ConfiguratorState, selection: Selection): ConfiguratorState {
  if (sameSelection(state.selection, selection)) return { ...state, conflict: null };
  const history = [...state.history, state.selection].slice(-HISTORY_LIMIT);
  return { selection, history, conflict: null };
}

export function configuratorReducer(state: ConfiguratorState, action: ConfiguratorAction): ConfiguratorState {
  switch (action.type) {
    case 'pick': {
      const { outcome, pick } = action;
      if (outcome.ok) return moveTo(state, outcome.selection);
      if (outcome.reason === 'impossible') return { ...state, conflict: { pick, kind: 'impossible' } };
      return {
        ...state,
        conflict: {
          pick,
          kind: 'conflict',
          fewestChanges: outcome.fewestChanges,
          cheapest: outcome.cheapest,
        },
      };
    }
    case 'accept':
      return moveTo(state, action.selection);
    case 'dismiss':
      return { ...state, conflict: null };
    case 'undo': {
      const previous = state.history.at(-1);
      if (!previous) return state;
      return { selection: previous, history: state.history.slice(0, -1), conflict: null };
    }
    case 'replace':
      return moveTo(state, action.selection);
  }
}

export function sameSelection(a: Selection, b: Selection): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Families whose choice differs between two selections (including chosen vs unchosen). */
export function changedFamilies(before: Selection, after: Selection): string[] {
  const families = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...families].filter((f) => before[f] !== after[f]);
}
