import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { translate } from '../i18n/translate.ts';
import { ProblemError } from './api-problem.ts';
import type { BomFinding, BomReport } from './bom-api.ts';
import { findingText, groupDigits, refusedReport } from './bom-report.ts';

const witness = { selection: {}, code: 'D90-7KQ2' };

describe('BOM check findings', () => {
  it('are told with the figures of each kind', () => {
    const say = (f: BomFinding) => {
      const { key, params } = findingText(f);
      return translate('en', key, params);
    };
    expect(say({ kind: 'dead_line', line: 12, message: '' })).toBe(
      'No valid configuration meets the condition of line 12.',
    );
    expect(say({ kind: 'unknown_option', line: 3, options: ['roof-x', 'roof-y'], message: '' })).toBe(
      'Line 3 names options the configuration model does not have: roof-x, roof-y.',
    );
    expect(
      say({ kind: 'overlap', group: 'seats', lines: [4, 7], count: '1234567', witness, message: '' }),
    ).toBe('In group seats, lines 4 / 7 both apply to 1,234,567 configurations, for example D90-7KQ2.');
    expect(say({ kind: 'gap', group: 'seats', count: '12', witness, message: '' })).toBe(
      'Group seats has no line for 12 configurations, for example D90-7KQ2.',
    );
    expect(say({ kind: 'empty_bom', message: '' })).toBe('The BOM has no lines.');
    expect(groupDigits('9580323465216')).toBe('9,580,323,465,216');
  });

  it('come back with a refused publish', () => {
    const report: BomReport = {
      ok: false,
      modelLine: 'qc-d90-pro',
      catalogVersionId: 'ver_1',
      catalogVersionNumber: 1,
      variantCount: '42',
      lineCount: 0,
      groups: [],
      findings: [{ kind: 'empty_bom', message: 'The BOM has no lines.' }],
    };
    const refused = new ProblemError(new ApiError({ status: 422, code: 'bom.publish_refused' }), {
      code: 'bom.publish_refused',
      report,
    });
    expect(refusedReport(refused)).toEqual(report);
    expect(refusedReport(new ApiError({ status: 422, code: 'bom.publish_refused' }))).toBeUndefined();
    expect(
      refusedReport(new ProblemError(new ApiError({ status: 422, code: 'x.y' }), { report: 'no' })),
    ).toBeUndefined();
  });
});
