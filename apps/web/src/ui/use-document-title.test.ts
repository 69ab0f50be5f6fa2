import { describe, expect, it } from 'vitest';
import { documentTitle } from './use-document-title.ts';

describe('documentTitle', () => {
  it('joins the known parts with a middle dot', () => {
    expect(documentTitle(['启程汽车', '定制你的车'])).toBe('启程汽车 · 定制你的车');
    expect(documentTitle([undefined, '定制你的车'])).toBe('定制你的车');
  });
});
