import { describe, expect, it } from 'vitest';
import { missingRequirements, toggleProduct } from './insurance-choice.ts';

const products = [
  { code: 'ctpl', requires: [] },
  { code: 'commercial', requires: ['ctpl'] },
  { code: 'glass', requires: ['commercial'] },
  { code: 'roadside', requires: ['commercial'] },
];

describe('insurance choice', () => {
  it('choosing an add-on chooses what it needs, in the products order', () => {
    expect(toggleProduct(products, [], 'glass', true)).toEqual(['ctpl', 'commercial', 'glass']);
    expect(toggleProduct(products, ['roadside', 'ctpl', 'commercial'], 'glass', true)).toEqual([
      'ctpl',
      'commercial',
      'glass',
      'roadside',
    ]);
  });

  it('dropping a cover drops everything that needs it', () => {
    expect(toggleProduct(products, ['ctpl', 'commercial', 'glass', 'roadside'], 'commercial', false)).toEqual(
      ['ctpl'],
    );
    expect(toggleProduct(products, ['ctpl', 'commercial', 'glass'], 'ctpl', false)).toEqual([]);
    expect(toggleProduct(products, ['ctpl', 'commercial', 'glass'], 'glass', false)).toEqual([
      'ctpl',
      'commercial',
    ]);
  });

  it('ignores codes it does not know and says what is missing', () => {
    expect(toggleProduct(products, ['ctpl', 'gone'], 'commercial', true)).toEqual(['ctpl', 'commercial']);
    expect(missingRequirements(products, ['ctpl'], 'glass')).toEqual(['commercial']);
    expect(missingRequirements(products, ['ctpl', 'commercial'], 'glass')).toEqual([]);
  });
});
