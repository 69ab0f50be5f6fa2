import { describe, expect, it } from 'vitest';
import { reportOfProblem } from './catalog-api.ts';

describe('reports inside problems', () => {
  it('reads a refused publish (report) and an invalid model (issues)', () => {
    const report = {
      ok: false,
      issues: [],
      findings: [{ kind: 'no_solution', severity: 'error', message: 'none', rules: ['r1'] }],
      variantCount: '0',
      compiledBytes: 12,
      nodes: 0,
    };
    expect(reportOfProblem({ code: 'catalog.publish_refused', report })).toEqual(report);
    const issue = { path: 'rules[0].b', code: 'unknown_option', message: 'x', rule: 'r1' };
    expect(reportOfProblem({ code: 'catalog.invalid_model', issues: [issue] })).toEqual({
      ok: false,
      issues: [issue],
      findings: [],
      variantCount: null,
      compiledBytes: null,
      nodes: null,
    });
    expect(reportOfProblem({ code: 'identity.forbidden' })).toBeNull();
    expect(reportOfProblem('nope')).toBeNull();
  });
});
