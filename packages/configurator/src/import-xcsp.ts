/**
 * XCSP 2.1 importer for extensional CSPs (the Renault BR4CP benchmarks): `<domains>`,
 * `<variables>`, `<relations>` (supports or conflicts) and `<constraints>` referencing relations.
 * A tiny hand-written scanner rather than a DOM: the big Renault file is 3.7 MB of tuples and
 * must parse in tens of milliseconds in a browser too. Intensional predicates are rejected.
 *
 * Values are kept as they are (-1, the "absent" joker of optional options, is an ordinary value).
 * In a Model, family codes are the variable names and option codes `<var>.<value>` (e.g.
 * `v0.3`, `v20.-1`): the model format only allows [A-Za-z0-9_.-] in codes.
 */
import type { Csp, CspConstraint, CspVar } from './compile.ts';
import { ConfiguratorError } from './errors.ts';
import type { Family, Model, Rule } from './model.ts';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from './model.ts';

export type XcspVariable = { name: string; values: number[] };
export type XcspTable = {
  name: string;
  /** Variable indices. */
  scope: number[];
  semantics: 'supports' | 'conflicts';
  /** Row-major raw values, `scope.length` per tuple. */
  tuples: Int32Array;
};
export type XcspInstance = { name: string; variables: XcspVariable[]; tables: XcspTable[] };

const fail = (message: string, details: Record<string, string | undefined> = {}): never => {
  throw new ConfiguratorError('configurator.xcsp_invalid', message, details);
};

/** Attributes of one start tag, e.g. `<relation name="r" arity="2">`. */
const attributes = (tag: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_:][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m !== null; m = re.exec(tag)) {
    out[m[1] as string] = m[3] ?? m[4] ?? '';
  }
  return out;
};

/** Integers in `text` between `from` and `to`, also `a..b` ranges; other separators ignored. */
const parseInts = (text: string, from: number, to: number, out: number[]): void => {
  let i = from;
  while (i < to) {
    let c = text.charCodeAt(i);
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      let neg = false;
      if (c === 45) {
        neg = true;
        i++;
        c = text.charCodeAt(i);
        if (!(c >= 48 && c <= 57)) fail(`Bad number near offset ${i}`);
      }
      let v = 0;
      while (i < to && c >= 48 && c <= 57) {
        v = v * 10 + (c - 48);
        i++;
        c = text.charCodeAt(i);
      }
      const value = neg ? -v : v;
      if (c === 46 /* . */ && text.charCodeAt(i + 1) === 46) {
        const rest: number[] = [];
        let j = i + 2;
        // Parse the upper bound of the range.
        const start = j;
        if (text.charCodeAt(j) === 45) j++;
        while (j < to && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        parseInts(text, start, j, rest);
        const hiv = rest[0];
        if (hiv === undefined || hiv < value || hiv - value > 10_000_000) fail(`Bad range near offset ${i}`);
        for (let x = value; x <= (hiv as number); x++) out.push(x);
        i = j;
      } else {
        out.push(value);
      }
    } else {
      i++;
    }
  }
};

/** Parses an XCSP 2.1 instance whose constraints are all extensional. */
export const parseXcsp = (text: string): XcspInstance => {
  const domains = new Map<string, number[]>();
  const varIndex = new Map<string, number>();
  const variables: XcspVariable[] = [];
  const relations = new Map<
    string,
    { arity: number; semantics: 'supports' | 'conflicts'; tuples: number[] }
  >();
  const tables: XcspTable[] = [];
  let name = 'xcsp';
  let pos = 0;
  const n = text.length;
  const buf: number[] = [];
  while (pos < n) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) break;
    const gt = text.indexOf('>', lt);
    if (gt < 0) fail('Unterminated tag');
    const tag = text.slice(lt, gt + 1);
    pos = gt + 1;
    if (tag.startsWith('</') || tag.startsWith('<?') || tag.startsWith('<!')) continue;
    const m = /^<([A-Za-z_][\w:.-]*)/.exec(tag);
    const tagName = m?.[1] ?? '';
    const selfClosing = tag.endsWith('/>');
    // Body text up to the closing tag, for elements that carry content.
    const body = (): [number, number] => {
      if (selfClosing) return [pos, pos];
      const close = text.indexOf(`</${tagName}`, pos);
      if (close < 0) fail(`Missing </${tagName}>`);
      const range: [number, number] = [pos, close];
      pos = text.indexOf('>', close) + 1;
      return range;
    };
    switch (tagName) {
      case 'presentation': {
        const a = attributes(tag);
        if (a['name']) name = a['name'];
        if (a['format'] && !a['format'].startsWith('XCSP 2')) fail(`Unsupported format ${a['format']}`);
        break;
      }
      case 'domain': {
        const a = attributes(tag);
        const dn = a['name'] ?? fail('A domain has no name');
        const [from, to] = body();
        buf.length = 0;
        parseInts(text, from, to, buf);
        const values = [...new Set(buf)];
        domains.set(dn, values);
        break;
      }
      case 'variable': {
        const a = attributes(tag);
        const vn = a['name'] ?? fail('A variable has no name');
        const dn = a['domain'] ?? fail(`Variable ${vn} has no domain`, { variable: vn });
        const values = domains.get(dn) ?? fail(`Variable ${vn}: unknown domain ${dn}`, { variable: vn });
        if (varIndex.has(vn)) fail(`Duplicate variable ${vn}`, { variable: vn });
        varIndex.set(vn, variables.length);
        variables.push({ name: vn, values });
        if (!selfClosing) body();
        break;
      }
      case 'relation': {
        const a = attributes(tag);
        const rn = a['name'] ?? fail('A relation has no name');
        const arity = Number(a['arity']);
        if (!Number.isInteger(arity) || arity < 1) fail(`Relation ${rn}: bad arity`, { relation: rn });
        const sem = a['semantics'];
        if (sem !== 'supports' && sem !== 'conflicts') {
          fail(`Relation ${rn}: semantics must be supports or conflicts`, { relation: rn });
        }
        const [from, to] = body();
        const tuples: number[] = [];
        parseInts(text, from, to, tuples);
        if (tuples.length % arity !== 0)
          fail(`Relation ${rn}: tuple width is not ${arity}`, { relation: rn });
        relations.set(rn, { arity, semantics: sem as 'supports' | 'conflicts', tuples });
        break;
      }
      case 'predicate':
      case 'function':
        fail('Intensional constraints (predicates) are not supported');
        break;
      case 'constraint': {
        const a = attributes(tag);
        const cn = a['name'] ?? `c${tables.length}`;
        const ref = a['reference'] ?? fail(`Constraint ${cn} has no reference`, { constraint: cn });
        const rel = relations.get(ref);
        if (!rel) fail(`Constraint ${cn}: unknown or intensional relation ${ref}`, { constraint: cn });
        const scopeNames = (a['scope'] ?? '').trim().split(/\s+/).filter(Boolean);
        const scope = scopeNames.map(
          (s) =>
            varIndex.get(s) ??
            fail(`Constraint ${cn}: unknown variable ${s}`, { constraint: cn, variable: s }),
        );
        const r = rel as { arity: number; semantics: 'supports' | 'conflicts'; tuples: number[] };
        if (scope.length !== r.arity)
          fail(`Constraint ${cn}: scope does not match arity`, { constraint: cn });
        tables.push({ name: cn, scope, semantics: r.semantics, tuples: Int32Array.from(r.tuples) });
        if (!selfClosing) body();
        break;
      }
      default:
        break;
    }
  }
  // Text without a single variable is not an XCSP instance (an empty model would silently
  // count as one configuration).
  if (variables.length === 0) fail('No <variable> element: not an XCSP 2.1 instance');
  return { name, variables, tables };
};

/** Option code of value `value` of variable `name`. */
export const xcspOptionCode = (name: string, value: number): string => `${name}.${value}`;

/**
 * The instance as a compiler CSP: value indices follow the domain's listed order; a tuple that
 * names a value outside a variable's domain can never match, so it is dropped.
 */
export const xcspToCsp = (inst: XcspInstance): Csp => {
  const vars: CspVar[] = inst.variables.map((v) => ({
    name: v.name,
    values: v.values.map((x) => xcspOptionCode(v.name, x)),
  }));
  const index = inst.variables.map((v) => new Map(v.values.map((x, i) => [x, i])));
  const constraints: CspConstraint[] = inst.tables.map((t) => {
    const k = t.scope.length;
    const rows = t.tuples.length / k;
    const out = new Int32Array(t.tuples.length);
    let w = 0;
    for (let r = 0; r < rows; r++) {
      let ok = true;
      for (let j = 0; j < k; j++) {
        const idx = index[t.scope[j] as number]?.get(t.tuples[r * k + j] as number);
        if (idx === undefined) {
          ok = false;
          break;
        }
        out[w + j] = idx;
      }
      if (ok) w += k;
    }
    return {
      kind: 'table',
      id: t.name,
      scope: t.scope,
      mode: t.semantics,
      tuples: out.slice(0, w),
    };
  });
  return { id: inst.name, vars, constraints };
};

/** Parses XCSP text straight to a CSP for `compileCsp`. */
export const importXcsp = (text: string): Csp => xcspToCsp(parseXcsp(text));

/**
 * The instance as a configuration Model: one family per variable (code = variable name), one
 * option per value (`v0.3`), one table rule per constraint, all prices 0.
 */
export const xcspToModel = (inst: XcspInstance): Model => {
  const families: Family[] = inst.variables.map((v) => ({
    code: v.name,
    options: v.values.map((x) => ({ code: xcspOptionCode(v.name, x), price: 0 })),
  }));
  const domains = inst.variables.map((v) => new Set(v.values));
  const rules: Rule[] = inst.tables.map((t) => {
    const k = t.scope.length;
    const rows: string[][] = [];
    for (let r = 0; r < t.tuples.length / k; r++) {
      const row: string[] = [];
      for (let j = 0; j < k; j++) {
        const v = inst.variables[t.scope[j] as number] as XcspVariable;
        const x = t.tuples[r * k + j] as number;
        if (!domains[t.scope[j] as number]?.has(x)) break;
        row.push(xcspOptionCode(v.name, x));
      }
      // A tuple naming a value outside a domain can never match: dropped, as in xcspToCsp.
      if (row.length === k) rows.push(row);
    }
    return {
      id: t.name,
      kind: 'table',
      families: t.scope.map((i) => (inst.variables[i] as XcspVariable).name),
      mode: t.semantics === 'supports' ? 'allowed' : 'forbidden',
      rows,
    };
  });
  return {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    id: inst.name,
    currency: 'XXX',
    basePrice: 0,
    families,
    rules,
  };
};

/** Parses XCSP text straight to a Model. */
export const importXcspModel = (text: string): Model => xcspToModel(parseXcsp(text));
