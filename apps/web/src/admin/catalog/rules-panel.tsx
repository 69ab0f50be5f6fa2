import { type Model, type Rule, validateModel } from '@openc2b/configurator';
import { type Dispatch, useEffect, useId, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { TextField } from '../../ui/text-field.tsx';
import { type DraftAction, freshCode } from './draft-state.ts';
import { BilingualField } from './fields.tsx';
import {
  emptyRuleForm,
  formOfRule,
  optionLabeller,
  type RuleForm,
  type RuleWords,
  ruleOfForm,
  ruleOptionCodes,
  ruleText,
  SIMPLE_KINDS,
  type Side,
  type SideMode,
} from './rule-text.ts';

export function ruleWords(t: Translate): RuleWords {
  return {
    and: t('admin.catalog.words.and'),
    or: t('admin.catalog.words.or'),
    not: t('admin.catalog.words.not'),
    ifThen: t('admin.catalog.words.ifThen'),
    excludes: t('admin.catalog.words.excludes'),
    constraint: t('admin.catalog.words.constraint'),
    atMost: t('admin.catalog.words.atMost'),
    exactly: t('admin.catalog.words.exactly'),
    tableAllowed: t('admin.catalog.words.tableAllowed'),
    tableForbidden: t('admin.catalog.words.tableForbidden'),
    any: t('admin.catalog.words.any'),
  };
}

/** Problems the engine's validator finds in one rule (or adjustment) placed in the model. */
export function problemsOf(model: Model, path: string, id: string): string[] {
  const result = validateModel(model);
  if (result.ok) return [];
  return result.errors
    .filter(
      (e) =>
        e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`) || e.rule === id,
    )
    .map((e) => `${e.path}: ${e.message}`);
}

/** One option, or any/all of several, picked from the model's options grouped by family. */
export function SideEditor({
  label,
  side,
  onSide,
  model,
  modes = ['one', 'any', 'all'],
  testId,
}: {
  label: string;
  side: Side;
  onSide: (side: Side) => void;
  model: Model;
  modes?: SideMode[];
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const labelOf = optionLabeller(model, locale, t('admin.catalog.none'));
  const single = side.mode === 'one';
  const add = (code: string) => {
    if (!code) return;
    onSide({ ...side, codes: single ? [code] : [...side.codes.filter((c) => c !== code), code] });
  };
  return (
    <fieldset className="cat-side" data-testid={testId}>
      <legend>{label}</legend>
      {modes.length > 1 && (
        <div className="cat-side-modes">
          {modes.map((mode) => (
            <label key={mode} className="cat-check">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={side.mode === mode}
                onChange={() => onSide({ mode, codes: mode === 'one' ? side.codes.slice(0, 1) : side.codes })}
              />
              {t(`admin.catalog.side.${mode}`)}
            </label>
          ))}
        </div>
      )}
      {side.codes.length > 0 && (
        <ul className="chips">
          {side.codes.map((code) => (
            <li key={code} className="chip cat-chip">
              {labelOf(code)} <code>{code}</code>
              <button
                type="button"
                className="cat-chip-remove"
                aria-label={t('admin.catalog.removeNamed', { name: code })}
                onClick={() => onSide({ ...side, codes: side.codes.filter((c) => c !== code) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="visually-hidden" htmlFor={`${id}-add`}>
        {t('admin.catalog.side.addNamed', { name: label })}
      </label>
      <select id={`${id}-add`} value="" onChange={(event) => add(event.target.value)}>
        <option value="">{single ? t('admin.catalog.side.choose') : t('admin.catalog.side.add')}</option>
        {model.families.map((family) => (
          <optgroup key={family.code} label={family.label?.[locale] || family.code}>
            {family.options.map((option) => (
              <option key={option.code} value={option.code}>
                {labelOf(option.code)} ({option.code})
              </option>
            ))}
            {family.optional && (
              <option value={`${family.code}:none`}>{labelOf(`${family.code}:none`)}</option>
            )}
          </optgroup>
        ))}
      </select>
    </fieldset>
  );
}

function RuleFormEditor({
  form,
  onForm,
  model,
}: {
  form: RuleForm;
  onForm: (form: RuleForm) => void;
  model: Model;
}) {
  const { t } = useI18n();
  const counting = form.kind === 'atMost' || form.kind === 'exactly';
  const [leftLabel, rightLabel] =
    form.kind === 'excludes'
      ? [t('admin.catalog.rule.a'), t('admin.catalog.rule.b')]
      : [t('admin.catalog.rule.if'), t('admin.catalog.rule.then')];
  return (
    <>
      <div className="cat-grid">
        <TextField
          label={t('admin.catalog.field.ruleId')}
          value={form.id}
          required
          spellCheck={false}
          onValue={(id) => onForm({ ...form, id })}
        />
        <div className="field">
          <label htmlFor="cat-rule-kind">{t('admin.catalog.field.kind')}</label>
          <select
            id="cat-rule-kind"
            value={form.kind}
            onChange={(event) => {
              const kind = event.target.value as RuleForm['kind'];
              const nowCounting = kind === 'atMost' || kind === 'exactly';
              onForm({
                ...form,
                kind,
                left: nowCounting && !counting ? { mode: 'any', codes: form.left.codes } : form.left,
              });
            }}
          >
            {SIMPLE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`admin.catalog.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        {counting && (
          <TextField
            label={t('admin.catalog.field.n')}
            type="number"
            min={0}
            value={String(form.n)}
            onValue={(n) => onForm({ ...form, n: Math.max(0, Math.trunc(Number(n) || 0)) })}
          />
        )}
      </div>
      {counting ? (
        <SideEditor
          label={t('admin.catalog.rule.of')}
          side={{ mode: 'any', codes: form.left.codes }}
          onSide={(left) => onForm({ ...form, left })}
          model={model}
          modes={['any']}
        />
      ) : (
        <div className="cat-grid-2">
          <SideEditor
            label={leftLabel}
            side={form.left}
            onSide={(left) => onForm({ ...form, left })}
            model={model}
          />
          <SideEditor
            label={rightLabel}
            side={form.right}
            onSide={(right) => onForm({ ...form, right })}
            model={model}
          />
        </div>
      )}
      <BilingualField
        label={t('admin.catalog.field.message')}
        value={form.message}
        onValue={(message) => onForm({ ...form, message: message ?? { 'zh-CN': '', en: '' } })}
      />
    </>
  );
}

/** Edits one rule: the structured form for the simple kinds, JSON for any rule. */
function RuleEditor({
  model,
  index,
  rule,
  onSave,
  onCancel,
  startAsJson,
}: {
  model: Model;
  index: number | null;
  rule: Rule;
  onSave: (rule: Rule) => void;
  onCancel: () => void;
  startAsJson?: boolean;
}) {
  const { t } = useI18n();
  const initialForm = formOfRule(rule);
  const [mode, setMode] = useState<'form' | 'json'>(initialForm && !startAsJson ? 'form' : 'json');
  const [form, setForm] = useState<RuleForm>(initialForm ?? emptyRuleForm(rule.id));
  const [json, setJson] = useState(() => JSON.stringify(rule, null, 2));
  const [problems, setProblems] = useState<string[]>([]);

  function candidate(): Rule | string {
    if (mode === 'form') return ruleOfForm(form);
    try {
      const parsed: unknown = JSON.parse(json);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return t('admin.catalog.json.notObject');
      return parsed as Rule;
    } catch (error) {
      return t('admin.catalog.json.syntax', {
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  }

  function apply() {
    const next = candidate();
    if (typeof next === 'string') {
      setProblems([next]);
      return;
    }
    const position = index ?? model.rules.length;
    const rules = [...model.rules];
    rules.splice(position, index === null ? 0 : 1, next);
    const found = problemsOf({ ...model, rules }, `rules[${position}]`, next.id);
    setProblems(found);
    if (found.length === 0) onSave(next);
  }

  function switchTo(next: 'form' | 'json') {
    if (next === 'json') {
      setJson(JSON.stringify(ruleOfForm(form), null, 2));
      setMode('json');
      return;
    }
    const parsed = candidate();
    const asForm = typeof parsed === 'string' ? null : formOfRule(parsed);
    if (!asForm) {
      setProblems([t('admin.catalog.json.notSimple')]);
      return;
    }
    setForm(asForm);
    setProblems([]);
    setMode('form');
  }

  return (
    <div className="cat-rule-editor" data-testid="rule-editor">
      <fieldset className="cat-side-modes cat-plain">
        <legend className="visually-hidden">{t('admin.catalog.rule.editAs')}</legend>
        <button
          type="button"
          className={`button${mode === 'form' ? ' button-primary' : ''}`}
          aria-pressed={mode === 'form'}
          onClick={() => switchTo('form')}
        >
          {t('admin.catalog.rule.asForm')}
        </button>
        <button
          type="button"
          className={`button${mode === 'json' ? ' button-primary' : ''}`}
          aria-pressed={mode === 'json'}
          data-testid="rule-as-json"
          onClick={() => switchTo('json')}
        >
          {t('admin.catalog.rule.asJson')}
        </button>
      </fieldset>
      {mode === 'form' ? (
        <RuleFormEditor form={form} onForm={setForm} model={model} />
      ) : (
        <div className="field">
          <label htmlFor="cat-rule-json">{t('admin.catalog.rule.json')}</label>
          <textarea
            id="cat-rule-json"
            className="cat-json"
            rows={12}
            spellCheck={false}
            value={json}
            data-testid="rule-json"
            onChange={(event) => setJson(event.target.value)}
          />
          <p className="hint">{t('admin.catalog.rule.jsonHint')}</p>
        </div>
      )}
      {problems.length > 0 && (
        <div className="alert alert-error" role="alert" data-testid="rule-problems">
          <p>{t('admin.catalog.rule.problems')}</p>
          <ul className="field-errors">
            {problems.map((problem) => (
              <li key={problem}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button button-primary" data-testid="rule-apply" onClick={apply}>
          {t('admin.catalog.rule.apply')}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}

export function RulesPanel({
  model,
  dispatch,
  focusRule,
}: {
  model: Model;
  dispatch: Dispatch<DraftAction>;
  focusRule: number | null;
}) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState<number | 'new' | 'new-json' | null>(null);
  const [filter, setFilter] = useState('');
  const labelOf = useMemo(() => optionLabeller(model, locale, t('admin.catalog.none')), [model, locale, t]);
  const familyLabelOf = (code: string) => {
    const family = model.families.find((f) => f.code === code);
    return family?.label?.[locale] || code;
  };
  const words = ruleWords(t);

  useEffect(() => {
    if (focusRule === null) return;
    setFilter('');
    document.getElementById(`cat-rule-${focusRule}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focusRule]);

  const newId = freshCode(
    'rule',
    model.rules.map((r) => r.id),
  );
  const needle = filter.trim().toLowerCase();
  const shown = model.rules
    .map((rule, index) => ({ rule, index, text: ruleText(rule, labelOf, words, familyLabelOf) }))
    .filter(
      ({ rule, text }) =>
        !needle ||
        rule.id.toLowerCase().includes(needle) ||
        text.toLowerCase().includes(needle) ||
        ruleOptionCodes(rule).some((code) => code.toLowerCase().includes(needle)),
    );

  return (
    <section aria-labelledby="cat-rules-title">
      <div className="cat-toolbar">
        <h2 id="cat-rules-title">{t('admin.catalog.rules.title', { count: model.rules.length })}</h2>
        <input
          type="search"
          className="cat-search"
          placeholder={t('admin.catalog.rules.filter')}
          aria-label={t('admin.catalog.rules.filter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <button type="button" className="button" data-testid="add-rule" onClick={() => setEditing('new')}>
          {t('admin.catalog.rules.add')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="add-rule-json"
          onClick={() => setEditing('new-json')}
        >
          {t('admin.catalog.rules.addJson')}
        </button>
      </div>
      {(editing === 'new' || editing === 'new-json') && (
        <div className="card">
          <h3>{t('admin.catalog.rules.new')}</h3>
          <RuleEditor
            model={model}
            index={null}
            rule={
              editing === 'new'
                ? ruleOfForm(emptyRuleForm(newId))
                : { id: newId, kind: 'constraint', expr: { any: [] }, message: { 'zh-CN': '', en: '' } }
            }
            startAsJson={editing === 'new-json'}
            onSave={(rule) => {
              dispatch({ type: 'addRule', rule });
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        </div>
      )}
      {shown.length === 0 ? (
        <p className="empty">{t('admin.catalog.rules.none')}</p>
      ) : (
        <ol className="cat-rules">
          {shown.map(({ rule, index, text }) => (
            <li
              key={`${index}-${rule.id}`}
              id={`cat-rule-${index}`}
              className={`card cat-rule${focusRule === index ? ' cat-focused' : ''}`}
              data-testid={`rule-${rule.id}`}
            >
              <div className="cat-option-head">
                <span className="badge badge-muted">{t(`admin.catalog.kind.${rule.kind}`)}</span>
                <code>{rule.id}</code>
                <span className="actions cat-push">
                  <button
                    type="button"
                    className="button"
                    aria-label={t('admin.catalog.editNamed', { name: rule.id })}
                    onClick={() => setEditing(index)}
                  >
                    {t('admin.catalog.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button-danger"
                    data-testid={`remove-rule-${rule.id}`}
                    aria-label={t('admin.catalog.removeNamed', { name: rule.id })}
                    onClick={() => {
                      dispatch({ type: 'removeRule', index });
                      if (editing === index) setEditing(null);
                    }}
                  >
                    {t('admin.catalog.remove')}
                  </button>
                </span>
              </div>
              <p className="cat-rule-text">{text}</p>
              {rule.message && <p className="muted">“{rule.message[locale] || rule.message['zh-CN']}”</p>}
              {editing === index && (
                <RuleEditor
                  model={model}
                  index={index}
                  rule={rule}
                  onSave={(next) => {
                    dispatch({ type: 'replaceRule', index, rule: next });
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
