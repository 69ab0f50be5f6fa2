/**
 * DIMACS CNF importer for feature models (the SoftVarE feature-model benchmark, SATLIB files).
 * A hand-written scanner: Automotive02 is 4 MB and 237k clauses, and a regex/split parser
 * allocates one string per token. Accepted: `c` comment lines (`c <id> <name>` names a
 * variable), one `p cnf <vars> <clauses>` header before the first clause, clauses spanning
 * lines, each ended by `0`, a final clause without its `0` at end of input, and the SATLIB
 * `%` terminator line after which the rest of the file is ignored. The clause count in the
 * header is not checked: published files often disagree with their own header.
 */
import { ConfiguratorError } from './errors.ts';
import type { Family, Model, Rule } from './model.ts';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from './model.ts';

export type Cnf = {
  numVars: number;
  /** Each clause a list of DIMACS literals (±var id), without the closing 0. */
  clauses: Int32Array[];
  /** Index = variable id (1-based, index 0 unused), from `c <id> <name>` lines. */
  names: (string | undefined)[];
};

const fail = (message: string, line: number): never => {
  throw new ConfiguratorError('configurator.dimacs_invalid', `DIMACS line ${line}: ${message}`, {
    line: String(line),
  });
};

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 11 || c === 12;

/** Parses DIMACS CNF text. Throws ConfiguratorError `configurator.dimacs_invalid` with the line. */
export const parseDimacs = (text: string): Cnf => {
  const n = text.length;
  const names: (string | undefined)[] = [];
  // All literals in one growing buffer, clauses become views of it at the end: one typed array
  // per clause while scanning made the garbage collector the bottleneck on 237k clauses.
  let lits = new Int32Array(1 << 12);
  let nLits = 0;
  const ends: number[] = [];
  let numVars = -1;
  let line = 1;
  let i = 0;
  while (i < n) {
    // At the start of a line: look at its first non-blank character.
    let j = i;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    let end = text.indexOf('\n', j);
    if (end < 0) end = n;
    const c = text.charCodeAt(j);
    if (j >= end) {
      // Blank line.
    } else if (c === 99 /* c */) {
      const m = /^c\s+(\d+)\s+(\S(?:.*\S)?)\s*$/.exec(text.slice(j, end));
      if (m && Number(m[1]) > 0) names[Number(m[1])] = m[2];
    } else if (c === 37 /* % */) {
      break;
    } else if (c === 112 /* p */) {
      const m = /^p\s+cnf\s+(\d+)\s+(\d+)\s*$/.exec(text.slice(j, end));
      if (!m) fail(`bad header '${text.slice(j, end).trim()}', expected 'p cnf <vars> <clauses>'`, line);
      if (numVars >= 0) fail('second p line', line);
      numVars = Number((m as RegExpExecArray)[1]);
      if (numVars > 0x3fffffff) fail('too many variables', line);
    } else {
      if (numVars < 0) fail('clause before the p cnf header', line);
      let k = j;
      while (k < end) {
        let ch = text.charCodeAt(k);
        if (isSpace(ch)) {
          k++;
          continue;
        }
        let neg = false;
        if (ch === 45 /* - */) {
          neg = true;
          k++;
          ch = text.charCodeAt(k);
        }
        if (!(ch >= 48 && ch <= 57)) {
          let e = k;
          while (e < end && !isSpace(text.charCodeAt(e))) e++;
          fail(`unexpected token '${text.slice(neg ? k - 1 : k, e)}'`, line);
        }
        let v = 0;
        while (k < end && ch >= 48 && ch <= 57) {
          v = v * 10 + (ch - 48);
          k++;
          ch = text.charCodeAt(k);
        }
        if (k < end && !isSpace(ch)) fail('unexpected character after a number', line);
        if (v > numVars) fail(`variable ${v} out of range 1..${numVars}`, line);
        if (v === 0) {
          if (neg) fail('-0 is not a literal', line);
          ends.push(nLits);
        } else {
          if (nLits === lits.length) {
            const grown = new Int32Array(lits.length * 2);
            grown.set(lits);
            lits = grown;
          }
          lits[nLits++] = neg ? -v : v;
        }
      }
    }
    i = end + 1;
    line++;
  }
  if (numVars < 0) fail('missing p cnf header', line);
  // A last clause without its closing 0: accepted, as most solvers do.
  if (nLits > (ends.length === 0 ? 0 : (ends[ends.length - 1] as number))) ends.push(nLits);
  const all = lits.slice(0, nLits);
  const clauses: Int32Array[] = [];
  let start = 0;
  for (const end of ends) {
    clauses.push(all.subarray(start, end));
    start = end;
  }
  // Names of variables beyond the header are comments about nothing: dropped.
  names.length = numVars + 1;
  return { numVars, clauses, names };
};

/** A family code for variable `v`: its name made code-safe, or `x<id>` when it has none. */
const familyCodes = (cnf: Cnf): string[] => {
  const codes: string[] = [''];
  const used = new Set<string>();
  for (let v = 1; v <= cnf.numVars; v++) {
    const raw = cnf.names[v];
    let code = raw === undefined ? '' : raw.replace(/[^A-Za-z0-9_.-]+/g, '_');
    // Option codes are `<code>=0/1`-like (`<code>.0`), so a name clash or an empty name falls
    // back to the id, which is unique.
    if (code === '' || code === '_' || used.has(code)) code = `x${v}`;
    while (used.has(code)) code = `${code}_${v}`;
    used.add(code);
    codes.push(code);
  }
  return codes;
};

/** Option code of variable `code` taking value `value` (0 or 1). `=` is not a code character. */
export const dimacsOptionCode = (code: string, value: 0 | 1): string => `${code}.${value}`;

/**
 * The CNF as a configuration Model: one mandatory boolean family per variable with options
 * `<name>.0` and `<name>.1`, one `constraint` rule (`any` of the literals) per clause.
 */
export const cnfToModel = (cnf: Cnf, id = 'dimacs'): Model => {
  const codes = familyCodes(cnf);
  const families: Family[] = [];
  for (let v = 1; v <= cnf.numVars; v++) {
    const code = codes[v] as string;
    families.push({
      code,
      options: [
        { code: dimacsOptionCode(code, 0), price: 0 },
        { code: dimacsOptionCode(code, 1), price: 0 },
      ],
    });
  }
  const rules: Rule[] = cnf.clauses.map((clause, k) => ({
    id: `c${k + 1}`,
    kind: 'constraint',
    expr: {
      any: Array.from(clause, (lit) => dimacsOptionCode(codes[Math.abs(lit)] as string, lit > 0 ? 1 : 0)),
    },
  }));
  return {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    id,
    currency: 'XXX',
    basePrice: 0,
    families,
    rules,
  };
};
