import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useApi } from '../ui/use-api.ts';
import {
  createOptionRule,
  deleteOptionRule,
  listOptionRules,
  type OptionRule,
  updateOptionRule,
} from './production-api.ts';
import { conditionOf, conditionText, optionList, parseOptionCodes } from './rule-condition.ts';

type Draft = {
  code: string;
  zh: string;
  en: string;
  n: string;
  p: string;
  priority: 'high' | 'low';
  options: string;
  active: boolean;
};

const EMPTY: Draft = { code: '', zh: '', en: '', n: '1', p: '3', priority: 'low', options: '', active: true };

function draftOf(rule: OptionRule): Draft {
  return {
    code: rule.code,
    zh: rule.name?.['zh-CN'] ?? '',
    en: rule.name?.en ?? '',
    n: String(rule.n),
    p: String(rule.p),
    priority: rule.priority,
    options: optionList(rule.condition)?.join(', ') ?? '',
    active: rule.active,
  };
}

/** The line's "at most N cars with this option in any P consecutive" rules; planners add, change and delete them. */
export function OptionRulesPanel({
  lineId,
  editable,
  optionLabel,
  onChanged,
}: {
  lineId: string;
  editable: boolean;
  optionLabel: (code: string) => string;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const rules = useApi(() => listOptionRules(lineId), [lineId]);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const words = {
    or: t('factory.rule.or'),
    and: t('factory.rule.and'),
    not: (a: string) => t('factory.rule.not', { a }),
  };

  function changed() {
    setEditing(null);
    setAdding(false);
    rules.reload();
    onChanged();
  }

  async function remove(rule: OptionRule) {
    setError(null);
    try {
      await deleteOptionRule(lineId, rule.id);
      setConfirmDelete(null);
      changed();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <AsyncView value={rules} onRetry={rules.reload}>
      {(items) => (
        <div className="fw-rules" data-testid="option-rules">
          <p className="muted">{t('factory.rule.intro')}</p>
          {error !== null && <ErrorAlert error={error} />}
          {items.length === 0 && <p className="empty">{t('factory.rule.none')}</p>}
          <ul className="fw-rule-list">
            {items.map((rule) =>
              editing === rule.id ? (
                <li key={rule.id}>
                  <RuleForm lineId={lineId} rule={rule} onSaved={changed} onCancel={() => setEditing(null)} />
                </li>
              ) : (
                <li key={rule.id} className={rule.active ? undefined : 'fw-inactive'}>
                  <div className="fw-rule-head">
                    <strong>{pickLocalized(rule.name, locale)}</strong>
                    <span className="badge">{t('factory.rule.ratio', { n: rule.n, p: rule.p })}</span>
                    <span className={rule.priority === 'high' ? 'badge badge-warn' : 'badge badge-muted'}>
                      {t(`factory.rule.priority.${rule.priority}`)}
                    </span>
                    {!rule.active && <span className="badge badge-muted">{t('factory.rule.inactive')}</span>}
                  </div>
                  <p className="small">
                    <code>{rule.code}</code> ·{' '}
                    {t('factory.rule.when', { options: conditionText(rule.condition, optionLabel, words) })}
                  </p>
                  {editable && (
                    <div className="actions">
                      <button type="button" className="button" onClick={() => setEditing(rule.id)}>
                        {t('factory.rule.edit')}
                      </button>
                      {confirmDelete === rule.id ? (
                        <>
                          <button
                            type="button"
                            className="button button-danger"
                            onClick={() => void remove(rule)}
                          >
                            {t('factory.rule.confirmDelete')}
                          </button>
                          <button
                            type="button"
                            className="button button-ghost"
                            onClick={() => setConfirmDelete(null)}
                          >
                            {t('action.cancel')}
                          </button>
                        </>
                      ) : (
                        <button type="button" className="button" onClick={() => setConfirmDelete(rule.id)}>
                          {t('factory.rule.delete')}
                        </button>
                      )}
                    </div>
                  )}
                </li>
              ),
            )}
          </ul>
          {editable &&
            (adding ? (
              <RuleForm lineId={lineId} onSaved={changed} onCancel={() => setAdding(false)} />
            ) : (
              <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
                {t('factory.rule.add')}
              </button>
            ))}
        </div>
      )}
    </AsyncView>
  );
}

function RuleForm({
  lineId,
  rule,
  onSaved,
  onCancel,
}: {
  lineId: string;
  rule?: OptionRule;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => (rule ? draftOf(rule) : EMPTY));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A condition other than "any of these options" is kept as it is; only its figures change here.
  const complex = rule !== undefined && optionList(rule.condition) === null;
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const codes = parseOptionCodes(draft.options);
    const fields = {
      name: { 'zh-CN': draft.zh.trim(), en: draft.en.trim() },
      n: Number(draft.n),
      p: Number(draft.p),
      priority: draft.priority,
      condition: complex && rule ? rule.condition : conditionOf(codes),
    };
    try {
      if (rule) await updateOptionRule(lineId, rule.id, { ...fields, active: draft.active });
      else await createOptionRule(lineId, { ...fields, code: draft.code.trim(), active: draft.active });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="form card fw-rule-form"
      onSubmit={submit}
      aria-label={rule ? t('factory.rule.edit') : t('factory.rule.add')}
    >
      <div className="form-grid">
        {!rule && (
          <TextField
            label={t('factory.rule.code')}
            hint={t('factory.rule.code.hint')}
            required
            pattern="[a-z0-9][a-z0-9\-]{1,47}"
            value={draft.code}
            onValue={set('code')}
          />
        )}
        <TextField
          label={t('factory.rule.nameZh')}
          required
          maxLength={200}
          value={draft.zh}
          onValue={set('zh')}
        />
        <TextField
          label={t('factory.rule.nameEn')}
          required
          maxLength={200}
          lang="en"
          value={draft.en}
          onValue={set('en')}
        />
      </div>
      <div className="form-grid">
        <TextField
          label={t('factory.rule.n')}
          type="number"
          min={1}
          max={99}
          required
          value={draft.n}
          onValue={set('n')}
        />
        <TextField
          label={t('factory.rule.p')}
          type="number"
          min={2}
          max={100}
          required
          value={draft.p}
          onValue={set('p')}
        />
        <div className="field">
          <label htmlFor={`prio-${rule?.id ?? 'new'}`}>{t('factory.rule.priority')}</label>
          <select
            id={`prio-${rule?.id ?? 'new'}`}
            value={draft.priority}
            onChange={(e) =>
              setDraft((d) => ({ ...d, priority: e.target.value === 'high' ? 'high' : 'low' }))
            }
          >
            <option value="high">{t('factory.rule.priority.high')}</option>
            <option value="low">{t('factory.rule.priority.low')}</option>
          </select>
        </div>
      </div>
      {complex ? (
        <p className="muted small">{t('factory.rule.complexKept')}</p>
      ) : (
        <TextField
          label={t('factory.rule.options')}
          hint={t('factory.rule.options.hint')}
          required
          value={draft.options}
          onValue={set('options')}
        />
      )}
      <label className="fw-check">
        <input
          type="checkbox"
          checked={draft.active}
          onChange={(e) => setDraft((d) => ({ ...d, active: e.target.checked }))}
        />
        {t('factory.rule.active')}
      </label>
      {error !== null && <ErrorAlert error={error} />}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('factory.rule.save')}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
