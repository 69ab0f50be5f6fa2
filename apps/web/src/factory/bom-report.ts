// The publish check of a BOM in words: each finding as its bom.finding.<kind> text with the
// figures the server gives, and the report a refused publish carries.
import type { MessageParams } from '../i18n/translate.ts';
import { problemMember } from './api-problem.ts';
import type { BomFinding, BomReport } from './bom-api.ts';

export type FindingText = {
  key:
    | 'bom.finding.empty_bom'
    | 'bom.finding.unknown_option'
    | 'bom.finding.inactive_part'
    | 'bom.finding.dead_line'
    | 'bom.finding.overlap'
    | 'bom.finding.gap';
  params: MessageParams;
};

/** Large counts stay exact: the server sends them as decimal strings. */
function groupDigits(count: string): string {
  return count.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function findingText(finding: BomFinding): FindingText {
  switch (finding.kind) {
    case 'empty_bom':
      return { key: 'bom.finding.empty_bom', params: {} };
    case 'unknown_option':
      return {
        key: 'bom.finding.unknown_option',
        params: { line: finding.line, options: finding.options.join(', ') },
      };
    case 'inactive_part':
      return {
        key: 'bom.finding.inactive_part',
        params: { line: finding.line, partNumber: finding.partNumber },
      };
    case 'dead_line':
      return { key: 'bom.finding.dead_line', params: { line: finding.line } };
    case 'overlap':
      return {
        key: 'bom.finding.overlap',
        params: {
          group: finding.group,
          lines: finding.lines.join(' / '),
          count: groupDigits(finding.count),
          code: finding.witness.code,
        },
      };
    case 'gap':
      return {
        key: 'bom.finding.gap',
        params: { group: finding.group, count: groupDigits(finding.count), code: finding.witness.code },
      };
  }
}

export { groupDigits };

/** The report of a refused publish (422 `bom.publish_refused`), when the problem has one. */
export function refusedReport(error: unknown): BomReport | undefined {
  const report = problemMember(error, 'report');
  if (typeof report !== 'object' || report === null) return undefined;
  const r = report as Partial<BomReport>;
  return typeof r.ok === 'boolean' && Array.isArray(r.findings) ? (report as BomReport) : undefined;
}
