// Rules as people read them: option codes replaced by their labels, in the editor's language.
// Also the round trip between a rule and the structured form used for the simple kinds.
import type { Expr, LocalizedText, Model, Rule } from '@openc2b/configurator';

export type LabelOf = (code: string) => string;

/** Sentence templates and connectives, from the i18n catalogue ({a}, {b}, {n}, {list}). */
export type RuleWords = {
  and: string;
  or: string;
  not: string;
  ifThen: string;
  excludes: string;
  constraint: string;
  atMost: string;
  exactly: string;
  tableAllowed: string;
  tableForbidden: string;
  any: string;
};

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Labels by option code (and `<family>:none`), for one language. */
export function optionLabeller(model: Model, locale: keyof LocalizedText, noneWord: string): LabelOf {
  const labels = new Map<string, string>();
  for (const family of model.families) {
    const familyLabel = family.label?.[locale] || family.code;
    labels.set(`${family.code}:none`, `${familyLabel}: ${noneWord}`);
    for (const option of family.options) labels.set(option.code, option.label?.[locale] || option.code);
  }
  return (code) => labels.get(code) ?? code;
}

export function exprText(expr: Expr, labelOf: LabelOf, words: RuleWords, nested = false): string {
  if (typeof expr === 'string') return labelOf(expr);
  if ('not' in expr) return fill(words.not, { a: exprText(expr.not, labelOf, words, true) });
  const items = 'all' in expr ? expr.all : expr.any;
  const joined = items
    .map((item) => exprText(item, labelOf, words, true))
    .join('all' in expr ? words.and : words.or);
  return nested && items.length > 1 ? `(${joined})` : joined;
}

/** Every option code a rule names (table cells, not the '*' wildcard), in order, once. */
export function ruleOptionCodes(rule: Rule): string[] {
  const codes: string[] = [];
  const visit = (expr: Expr) => {
    if (typeof expr === 'string') codes.push(expr);
    else if ('not' in expr) visit(expr.not);
    else for (const item of 'all' in expr ? expr.all : expr.any) visit(item);
  };
  switch (rule.kind) {
    case 'requires':
    case 'implies':
      visit(rule.if);
      visit(rule.then);
      break;
    case 'excludes':
      visit(rule.a);
      visit(rule.b);
      break;
    case 'constraint':
      visit(rule.expr);
      break;
    case 'atMost':
    case 'exactly':
      for (const item of rule.of) visit(item);
      break;
    case 'table':
      for (const row of rule.rows) for (const cell of row) if (cell !== '*') codes.push(cell);
      break;
  }
  return [...new Set(codes)];
}

export function ruleText(
  rule: Rule,
  labelOf: LabelOf,
  words: RuleWords,
  familyLabelOf: LabelOf = (code) => code,
): string {
  const text = (expr: Expr) => exprText(expr, labelOf, words);
  switch (rule.kind) {
    case 'requires':
    case 'implies':
      return fill(words.ifThen, { a: text(rule.if), b: text(rule.then) });
    case 'excludes':
      return fill(words.excludes, { a: text(rule.a), b: text(rule.b) });
    case 'constraint':
      return fill(words.constraint, { a: text(rule.expr) });
    case 'atMost':
    case 'exactly':
      return fill(rule.kind === 'atMost' ? words.atMost : words.exactly, {
        n: String(rule.n ?? 1),
        list: rule.of.map((item) => exprText(item, labelOf, words, true)).join(', '),
      });
    case 'table': {
      const rows = rule.rows
        .map((row) => `(${row.map((cell) => (cell === '*' ? words.any : labelOf(cell))).join(', ')})`)
        .join('; ');
      return fill(rule.mode === 'allowed' ? words.tableAllowed : words.tableForbidden, {
        list: rule.families.map(familyLabelOf).join(' × '),
        a: rows,
      });
    }
  }
}

// The structured form: each side is one option, or any/all of a list of options.
export type SideMode = 'one' | 'any' | 'all';
export type Side = { mode: SideMode; codes: string[] };
export type SimpleKind = 'requires' | 'implies' | 'excludes' | 'atMost' | 'exactly';
export const SIMPLE_KINDS: readonly SimpleKind[] = ['requires', 'implies', 'excludes', 'atMost', 'exactly'];

export type RuleForm = {
  id: string;
  kind: SimpleKind;
  left: Side;
  right: Side;
  n: number;
  message: LocalizedText;
};

export function sideOf(expr: Expr): Side | null {
  if (typeof expr === 'string') return { mode: 'one', codes: expr === '' ? [] : [expr] };
  if ('not' in expr) return null;
  const items = 'all' in expr ? expr.all : expr.any;
  if (!items.every((item): item is string => typeof item === 'string')) return null;
  return { mode: 'all' in expr ? 'all' : 'any', codes: items };
}

export function exprOf(side: Side): Expr {
  if (side.mode === 'one' || side.codes.length === 1) return side.codes[0] ?? '';
  return side.mode === 'all' ? { all: side.codes } : { any: side.codes };
}

const EMPTY_TEXT: LocalizedText = { 'zh-CN': '', en: '' };

/** The structured form of a rule, or null when only the JSON editor can show it. */
export function formOfRule(rule: Rule): RuleForm | null {
  const message = rule.message ?? EMPTY_TEXT;
  switch (rule.kind) {
    case 'requires':
    case 'implies': {
      const left = sideOf(rule.if);
      const right = sideOf(rule.then);
      return left && right ? { id: rule.id, kind: rule.kind, left, right, n: 1, message } : null;
    }
    case 'excludes': {
      const left = sideOf(rule.a);
      const right = sideOf(rule.b);
      return left && right ? { id: rule.id, kind: rule.kind, left, right, n: 1, message } : null;
    }
    case 'atMost':
    case 'exactly': {
      if (!rule.of.every((item): item is string => typeof item === 'string')) return null;
      const left: Side = { mode: 'any', codes: rule.of };
      return {
        id: rule.id,
        kind: rule.kind,
        left,
        right: { mode: 'one', codes: [] },
        n: rule.n ?? 1,
        message,
      };
    }
    default:
      return null;
  }
}

export function ruleOfForm(form: RuleForm): Rule {
  const message =
    form.message['zh-CN'].trim() || form.message.en.trim()
      ? { message: { 'zh-CN': form.message['zh-CN'].trim(), en: form.message.en.trim() } }
      : {};
  const id = form.id.trim();
  switch (form.kind) {
    case 'requires':
    case 'implies':
      return { id, kind: form.kind, if: exprOf(form.left), then: exprOf(form.right), ...message };
    case 'excludes':
      return { id, kind: form.kind, a: exprOf(form.left), b: exprOf(form.right), ...message };
    case 'atMost':
    case 'exactly':
      return { id, kind: form.kind, n: form.n, of: form.left.codes, ...message };
  }
}

export function emptyRuleForm(id: string): RuleForm {
  return {
    id,
    kind: 'requires',
    left: { mode: 'one', codes: [] },
    right: { mode: 'one', codes: [] },
    n: 1,
    message: EMPTY_TEXT,
  };
}
