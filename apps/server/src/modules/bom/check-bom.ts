import {
  type CompiledModel,
  type Expr,
  encodeConfiguration,
  ruleOptionCodes,
  type Selection,
  solveExpr,
} from '@openc2b/configurator';
import type { BomFinding, BomLine, BomReport, Witness } from './types.ts';

/** The catalogue version a BOM is checked against: its compiled model and figures. */
export type CheckTarget = {
  modelLine: string;
  catalogVersion: { id: string; number: number; variantCount: string };
  compiled: CompiledModel;
};

const ALWAYS: Expr = { all: [] };

/** Option codes an expression names. */
export function conditionCodes(condition: Expr): string[] {
  return ruleOptionCodes({ id: 'condition', kind: 'constraint', expr: condition });
}

/**
 * The publish check of a BOM against a configuration model, exact on any model size: each
 * question is "is there a valid configuration where ... holds?", answered by the engine's
 * `solveExpr` (count and witness of "valid configuration AND expression", no enumeration).
 *
 * - unknown_option: a condition names an option code the model does not have;
 * - inactive_part: a line uses a part that is no longer active;
 * - dead_line: no valid configuration makes the line's condition true;
 * - overlap: two lines of one alternative group both hold for some valid configuration;
 * - gap: some valid configuration gets no line of a group;
 * - empty_bom: no lines at all.
 * A line with unknown codes is left out of the model questions (they have no answer until the
 * codes are fixed), and so is the gap question of its group. Pure: CPU only.
 */
export function checkBom(target: CheckTarget, lines: readonly BomLine[]): BomReport {
  const { compiled } = target;
  const findings: BomFinding[] = [];
  const sorted = [...lines].sort((a, b) => a.lineNo - b.lineNo);
  if (sorted.length === 0) {
    findings.push({ kind: 'empty_bom', message: 'The BOM has no lines.' });
  }
  const known = new Set(compiled.levels.filter((l) => !l.aux).flatMap((l) => l.options));
  const usable = new Set<number>();
  const dead = new Set<number>();
  for (const line of sorted) {
    const unknown = line.condition ? conditionCodes(line.condition).filter((c) => !known.has(c)) : [];
    if (unknown.length > 0) {
      findings.push({
        kind: 'unknown_option',
        line: line.lineNo,
        options: unknown,
        message: `Line ${line.lineNo}: the model has no option ${unknown.join(', ')}.`,
      });
    } else {
      usable.add(line.lineNo);
    }
    if (!line.part.active) {
      findings.push({
        kind: 'inactive_part',
        line: line.lineNo,
        partNumber: line.part.partNumber,
        message: `Line ${line.lineNo}: part ${line.part.partNumber} is inactive.`,
      });
    }
    if (usable.has(line.lineNo) && solveExpr(compiled, line.condition ?? ALWAYS).count === 0n) {
      dead.add(line.lineNo);
      findings.push({
        kind: 'dead_line',
        line: line.lineNo,
        message: `Line ${line.lineNo} (${line.part.partNumber}): no valid configuration meets its condition.`,
      });
    }
  }

  const groups = new Map<string, BomLine[]>();
  for (const line of sorted) {
    if (line.group === null) continue;
    const members = groups.get(line.group);
    if (members) members.push(line);
    else groups.set(line.group, [line]);
  }
  const witnessOf = (selection: Selection): Witness => ({
    selection,
    code: encodeConfiguration(compiled, selection),
  });
  for (const [group, members] of groups) {
    const live = members.filter((l) => usable.has(l.lineNo) && !dead.has(l.lineNo));
    for (let i = 0; i < live.length; i++) {
      for (let j = i + 1; j < live.length; j++) {
        const a = live[i] as BomLine;
        const b = live[j] as BomLine;
        const both = solveExpr(compiled, { all: [a.condition ?? ALWAYS, b.condition ?? ALWAYS] });
        if (!both.witness) continue;
        findings.push({
          kind: 'overlap',
          group,
          lines: [a.lineNo, b.lineNo],
          count: both.count.toString(),
          witness: witnessOf(both.witness),
          message: `Group ${group}: lines ${a.lineNo} and ${b.lineNo} both apply to ${both.count} configuration(s).`,
        });
      }
    }
    if (!members.every((l) => usable.has(l.lineNo))) continue;
    const none = solveExpr(compiled, { not: { any: members.map((l) => l.condition ?? ALWAYS) } });
    if (none.witness) {
      findings.push({
        kind: 'gap',
        group,
        count: none.count.toString(),
        witness: witnessOf(none.witness),
        message: `Group ${group}: ${none.count} configuration(s) get no line of this group.`,
      });
    }
  }

  return {
    ok: findings.length === 0,
    modelLine: target.modelLine,
    catalogVersionId: target.catalogVersion.id,
    catalogVersionNumber: target.catalogVersion.number,
    variantCount: target.catalogVersion.variantCount,
    lineCount: sorted.length,
    groups: [...groups].map(([code, members]) => ({ code, lines: members.map((l) => l.lineNo) })),
    findings,
  };
}
