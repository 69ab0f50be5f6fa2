import type { InsuranceProduct } from '../api/types.ts';

/**
 * Choosing insurance products: an add-on needs the cover it requires (the server refuses it
 * alone), so choosing one chooses what it requires, and dropping a cover drops what needs it.
 * Codes come back in the products' order.
 */
type Product = Pick<InsuranceProduct, 'code' | 'requires'>;

function closure(start: readonly string[], next: (code: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const code = stack.pop() as string;
    if (seen.has(code)) continue;
    seen.add(code);
    stack.push(...next(code));
  }
  return seen;
}

export function toggleProduct(
  products: readonly Product[],
  chosen: readonly string[],
  code: string,
  on: boolean,
): string[] {
  const byCode = new Map(products.map((p) => [p.code, p]));
  let result: Set<string>;
  if (on) {
    result = new Set([...chosen, ...closure([code], (c) => byCode.get(c)?.requires ?? [])]);
  } else {
    const dependants = closure([code], (c) =>
      products.filter((p) => p.requires.includes(c)).map((p) => p.code),
    );
    result = new Set(chosen.filter((c) => !dependants.has(c)));
  }
  return products.map((p) => p.code).filter((c) => result.has(c));
}

/** The products a product needs that are not chosen (to say why it cannot be chosen alone). */
export function missingRequirements(
  products: readonly Product[],
  chosen: readonly string[],
  code: string,
): string[] {
  const product = products.find((p) => p.code === code);
  return (product?.requires ?? []).filter((r) => !chosen.includes(r));
}
