/**
 * Structural validation of a model (format v1, model.ts) before it is compiled or stored.
 * Hand-written rather than zod: the configurator has no runtime dependencies and runs in the
 * browser. Collects every issue (not only the first) so an editor can show them all; each issue
 * names the culprit (family, option, rule) and its JSON path.
 */
import type { Model } from './model.ts';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, noneCode } from './model.ts';

export type ModelIssue = {
  /** JSON path of the offending value, e.g. `rules[3].then` or `families[0].options[2].price`. */
  path: string;
  /** Stable machine code, e.g. `unknown_option` (see MODEL_FORMAT.md for the list). */
  code: string;
  /** English description. */
  message: string;
  family?: string;
  option?: string;
  rule?: string;
};

export type ValidationResult = { ok: true; model: Model } | { ok: false; errors: ModelIssue[] };

const CODE_RE = /^[A-Za-z0-9_.-]+$/;
const CURRENCY_RE = /^[A-Z]{3}$/;
const RULE_KINDS = ['requires', 'implies', 'excludes', 'constraint', 'table', 'atMost', 'exactly'] as const;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Validates `input` as a model of format v1. */
export const validateModel = (input: unknown): ValidationResult => {
  const errors: ModelIssue[] = [];
  const issue = (path: string, code: string, message: string, extra: Partial<ModelIssue> = {}) => {
    errors.push({ path, code, message, ...extra });
  };
  if (!isObject(input)) {
    issue('', 'not_an_object', 'The model must be a JSON object');
    return { ok: false, errors };
  }
  const m = input;
  if (m['format'] !== MODEL_FORMAT) issue('format', 'bad_format', `format must be "${MODEL_FORMAT}"`);
  if (m['version'] !== MODEL_FORMAT_VERSION) {
    issue('version', 'unsupported_version', `version must be ${MODEL_FORMAT_VERSION}`);
  }
  if (typeof m['id'] !== 'string' || m['id'].length === 0)
    issue('id', 'invalid_id', 'id must be a non-empty string');
  if (typeof m['currency'] !== 'string' || !CURRENCY_RE.test(m['currency'])) {
    issue('currency', 'invalid_currency', 'currency must be an ISO 4217 code such as "CNY"');
  }
  if (!Number.isSafeInteger(m['basePrice'])) {
    issue('basePrice', 'invalid_price', 'basePrice must be an integer number of minor units');
  }
  checkText(m['name'], 'name', issue);

  // Families and options.
  const familyOf = new Map<string, string>(); // option code -> family code
  const families = new Map<string, Set<string>>(); // family code -> its option codes
  if (!Array.isArray(m['families'])) {
    issue('families', 'invalid_families', 'families must be an array');
  } else {
    m['families'].forEach((f: unknown, fi: number) => {
      const fp = `families[${fi}]`;
      if (!isObject(f)) {
        issue(fp, 'invalid_family', 'A family must be an object');
        return;
      }
      const code = f['code'];
      if (typeof code !== 'string' || !CODE_RE.test(code)) {
        issue(`${fp}.code`, 'invalid_code', 'A family code must match [A-Za-z0-9_.-]+', {
          family: typeof code === 'string' ? code : undefined,
        });
        return;
      }
      if (families.has(code)) {
        issue(`${fp}.code`, 'duplicate_family', `Family code ${code} is used twice`, { family: code });
        return;
      }
      const opts = new Set<string>();
      families.set(code, opts);
      checkText(f['label'], `${fp}.label`, issue);
      if (f['optional'] !== undefined && typeof f['optional'] !== 'boolean') {
        issue(`${fp}.optional`, 'invalid_field', 'optional must be a boolean', { family: code });
      }
      if (f['category'] !== undefined && typeof f['category'] !== 'string') {
        issue(`${fp}.category`, 'invalid_field', 'category must be a string', { family: code });
      }
      if (!Array.isArray(f['options'])) {
        issue(`${fp}.options`, 'invalid_options', `Family ${code}: options must be an array`, {
          family: code,
        });
        return;
      }
      if (f['options'].length === 0 && f['optional'] !== true) {
        issue(`${fp}.options`, 'empty_family', `Family ${code} has no options`, { family: code });
      }
      f['options'].forEach((o: unknown, oi: number) => {
        const op = `${fp}.options[${oi}]`;
        if (!isObject(o)) {
          issue(op, 'invalid_option', 'An option must be an object', { family: code });
          return;
        }
        const oc = o['code'];
        if (typeof oc !== 'string' || !CODE_RE.test(oc)) {
          issue(`${op}.code`, 'invalid_code', 'An option code must match [A-Za-z0-9_.-]+', {
            family: code,
            option: typeof oc === 'string' ? oc : undefined,
          });
          return;
        }
        const other = familyOf.get(oc);
        if (other !== undefined) {
          issue(
            `${op}.code`,
            'duplicate_option',
            `Option code ${oc} is used twice (also in family ${other})`,
            {
              family: code,
              option: oc,
            },
          );
          return;
        }
        familyOf.set(oc, code);
        opts.add(oc);
        if (o['price'] !== undefined && !Number.isSafeInteger(o['price'])) {
          issue(
            `${op}.price`,
            'invalid_price',
            `Option ${oc}: price must be an integer number of minor units`,
            {
              family: code,
              option: oc,
            },
          );
        }
        if (o['swatch'] !== undefined && typeof o['swatch'] !== 'string') {
          issue(`${op}.swatch`, 'invalid_field', `Option ${oc}: swatch must be a string`, {
            family: code,
            option: oc,
          });
        }
        checkText(o['label'], `${op}.label`, issue);
        checkText(o['description'], `${op}.description`, issue);
      });
      if (f['optional'] === true) {
        const nc = noneCode(code);
        familyOf.set(nc, code);
        opts.add(nc);
      }
    });
  }

  const checkExpr = (e: unknown, path: string, rule: string): void => {
    if (typeof e === 'string') {
      if (!familyOf.has(e))
        issue(path, 'unknown_option', `Rule ${rule} names unknown option ${e}`, { rule, option: e });
      return;
    }
    if (isObject(e)) {
      const keys = Object.keys(e);
      if (keys.length === 1 && (keys[0] === 'all' || keys[0] === 'any') && Array.isArray(e[keys[0]])) {
        (e[keys[0]] as unknown[]).forEach((x, i) => {
          checkExpr(x, `${path}.${keys[0]}[${i}]`, rule);
        });
        return;
      }
      if (keys.length === 1 && keys[0] === 'not') {
        checkExpr(e['not'], `${path}.not`, rule);
        return;
      }
    }
    issue(
      path,
      'invalid_expr',
      `Rule ${rule}: an expression is an option code, {all:[...]}, {any:[...]} or {not:...}`,
      {
        rule,
      },
    );
  };

  // Rules.
  const ruleIds = new Set<string>();
  if (!Array.isArray(m['rules'])) {
    issue('rules', 'invalid_rules', 'rules must be an array');
  } else {
    m['rules'].forEach((r: unknown, ri: number) => {
      const rp = `rules[${ri}]`;
      if (!isObject(r)) {
        issue(rp, 'invalid_rule', 'A rule must be an object');
        return;
      }
      const id = r['id'];
      if (typeof id !== 'string' || id.length === 0) {
        issue(`${rp}.id`, 'invalid_rule_id', 'A rule id must be a non-empty string');
        return;
      }
      if (ruleIds.has(id)) issue(`${rp}.id`, 'duplicate_rule', `Rule id ${id} is used twice`, { rule: id });
      ruleIds.add(id);
      checkText(r['message'], `${rp}.message`, issue);
      const kind = r['kind'];
      if (!RULE_KINDS.includes(kind as (typeof RULE_KINDS)[number])) {
        issue(`${rp}.kind`, 'unknown_rule_kind', `Rule ${id}: unknown kind ${String(kind)}`, { rule: id });
        return;
      }
      switch (kind) {
        case 'requires':
        case 'implies':
          checkExpr(r['if'], `${rp}.if`, id);
          checkExpr(r['then'], `${rp}.then`, id);
          break;
        case 'excludes':
          checkExpr(r['a'], `${rp}.a`, id);
          checkExpr(r['b'], `${rp}.b`, id);
          break;
        case 'constraint':
          checkExpr(r['expr'], `${rp}.expr`, id);
          break;
        case 'atMost':
        case 'exactly': {
          const of = r['of'];
          if (!Array.isArray(of)) {
            issue(`${rp}.of`, 'invalid_expr', `Rule ${id}: of must be an array of expressions`, { rule: id });
            break;
          }
          of.forEach((x, i) => {
            checkExpr(x, `${rp}.of[${i}]`, id);
          });
          const n = r['n'];
          if (
            n !== undefined &&
            (!Number.isSafeInteger(n) || (n as number) < 0 || (n as number) > of.length)
          ) {
            issue(`${rp}.n`, 'n_out_of_range', `Rule ${id}: n must be an integer from 0 to ${of.length}`, {
              rule: id,
            });
          }
          break;
        }
        case 'table':
          checkTable(r, rp, id, families, familyOf, issue);
          break;
      }
    });
  }

  // Adjustments: their ids become level codes next to the family codes.
  if (m['adjustments'] !== undefined) {
    if (!Array.isArray(m['adjustments'])) {
      issue('adjustments', 'invalid_adjustments', 'adjustments must be an array');
    } else {
      const seen = new Set<string>();
      m['adjustments'].forEach((a: unknown, ai: number) => {
        const ap = `adjustments[${ai}]`;
        if (!isObject(a)) {
          issue(ap, 'invalid_adjustment', 'An adjustment must be an object');
          return;
        }
        const id = a['id'];
        if (typeof id !== 'string' || !CODE_RE.test(id)) {
          issue(`${ap}.id`, 'invalid_code', 'An adjustment id must match [A-Za-z0-9_.-]+');
          return;
        }
        if (seen.has(id) || families.has(id)) {
          issue(
            `${ap}.id`,
            'duplicate_adjustment',
            `Adjustment id ${id} is used twice or equals a family code`,
            {
              rule: id,
            },
          );
        }
        seen.add(id);
        checkExpr(a['when'], `${ap}.when`, id);
        if (!Number.isSafeInteger(a['amount'])) {
          issue(
            `${ap}.amount`,
            'invalid_price',
            `Adjustment ${id}: amount must be an integer number of minor units`,
            {
              rule: id,
            },
          );
        }
        checkText(a['label'], `${ap}.label`, issue);
      });
    }
  }

  // Defaults: family code -> one of its option codes.
  if (m['defaults'] !== undefined) {
    if (!isObject(m['defaults'])) {
      issue('defaults', 'invalid_defaults', 'defaults must be an object of family code -> option code');
    } else {
      for (const [fc, oc] of Object.entries(m['defaults'])) {
        const p = `defaults.${fc}`;
        const opts = families.get(fc);
        if (!opts) {
          issue(p, 'unknown_family', `defaults name unknown family ${fc}`, { family: fc });
        } else if (typeof oc !== 'string' || !familyOf.has(oc)) {
          issue(p, 'unknown_option', `defaults name unknown option ${String(oc)} for family ${fc}`, {
            family: fc,
            option: typeof oc === 'string' ? oc : undefined,
          });
        } else if (!opts.has(oc)) {
          issue(p, 'option_not_in_family', `Option ${oc} is not an option of family ${fc}`, {
            family: fc,
            option: oc,
          });
        }
      }
    }
  }

  return errors.length === 0 ? { ok: true, model: input as Model } : { ok: false, errors };
};

type IssueFn = (path: string, code: string, message: string, extra?: Partial<ModelIssue>) => void;

const checkText = (t: unknown, path: string, issue: IssueFn): void => {
  if (t === undefined) return;
  if (!isObject(t) || typeof t['en'] !== 'string' || typeof t['zh-CN'] !== 'string') {
    issue(path, 'invalid_text', 'A text must be { "zh-CN": string, "en": string }');
  }
};

const checkTable = (
  r: Record<string, unknown>,
  rp: string,
  id: string,
  families: Map<string, Set<string>>,
  familyOf: Map<string, string>,
  issue: IssueFn,
): void => {
  const fams = r['families'];
  if (!Array.isArray(fams) || fams.length === 0) {
    issue(
      `${rp}.families`,
      'invalid_table',
      `Rule ${id}: families must be a non-empty array of family codes`,
      { rule: id },
    );
    return;
  }
  let ok = true;
  const seen = new Set<string>();
  fams.forEach((fc: unknown, i: number) => {
    if (typeof fc !== 'string' || !families.has(fc)) {
      issue(`${rp}.families[${i}]`, 'unknown_family', `Rule ${id} names unknown family ${String(fc)}`, {
        rule: id,
        family: typeof fc === 'string' ? fc : undefined,
      });
      ok = false;
    } else if (seen.has(fc)) {
      issue(`${rp}.families[${i}]`, 'duplicate_table_family', `Rule ${id} lists family ${fc} twice`, {
        rule: id,
        family: fc,
      });
      ok = false;
    } else {
      seen.add(fc);
    }
  });
  if (r['mode'] !== 'allowed' && r['mode'] !== 'forbidden') {
    issue(`${rp}.mode`, 'invalid_table', `Rule ${id}: mode must be "allowed" or "forbidden"`, { rule: id });
  }
  const rows = r['rows'];
  if (!Array.isArray(rows)) {
    issue(`${rp}.rows`, 'invalid_table', `Rule ${id}: rows must be an array`, { rule: id });
    return;
  }
  if (!ok) return;
  rows.forEach((row: unknown, ri: number) => {
    const p = `${rp}.rows[${ri}]`;
    if (!Array.isArray(row) || row.length !== fams.length) {
      issue(p, 'bad_row_width', `Rule ${id} row ${ri}: expected ${fams.length} cells`, { rule: id });
      return;
    }
    row.forEach((cell: unknown, ci: number) => {
      if (cell === '*') return;
      const fc = fams[ci] as string;
      if (typeof cell !== 'string' || !familyOf.has(cell)) {
        issue(`${p}[${ci}]`, 'unknown_option', `Rule ${id} row ${ri} names unknown option ${String(cell)}`, {
          rule: id,
          family: fc,
          option: typeof cell === 'string' ? cell : undefined,
        });
      } else if (familyOf.get(cell) !== fc) {
        issue(
          `${p}[${ci}]`,
          'option_not_in_family',
          `Rule ${id} row ${ri}: ${cell} belongs to family ${familyOf.get(cell)}, not ${fc}`,
          { rule: id, family: fc, option: cell },
        );
      }
    });
  });
};
