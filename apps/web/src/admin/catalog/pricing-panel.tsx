import {
  type Expr,
  type Model,
  type ModelIssue,
  type PriceAdjustment,
  validateModel,
} from '@openc2b/configurator';
import { type Dispatch, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { DraftAction } from './draft-state.ts';
import { BilingualField, PriceField } from './fields.tsx';
import { formatFen } from './money.ts';
import { exprOf, exprText, optionLabeller, sideOf } from './rule-text.ts';
import { ruleWords, SideEditor } from './rules-panel.tsx';

function WhenJson({ when, onWhen }: { when: Expr; onWhen: (when: Expr) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(() => JSON.stringify(when));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor="cat-when-json">{t('admin.catalog.adjustments.whenJson')}</label>
      <textarea
        id="cat-when-json"
        className="cat-json"
        rows={3}
        spellCheck={false}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          try {
            onWhen(JSON.parse(event.target.value) as Expr);
            setProblem(null);
          } catch (error) {
            setProblem(error instanceof Error ? error.message : String(error));
          }
        }}
      />
      {problem && (
        <p className="hint cat-error-text">{t('admin.catalog.json.syntax', { detail: problem })}</p>
      )}
    </div>
  );
}

function AdjustmentCard({
  model,
  adjustment,
  index,
  focused,
  issues,
  dispatch,
}: {
  model: Model;
  adjustment: PriceAdjustment;
  index: number;
  focused: boolean;
  issues: ModelIssue[];
  dispatch: Dispatch<DraftAction>;
}) {
  const { t, locale } = useI18n();
  const set = (patch: Partial<PriceAdjustment>) =>
    dispatch({ type: 'replaceAdjustment', index, adjustment: { ...adjustment, ...patch } });
  const side = sideOf(adjustment.when);
  const labelOf = optionLabeller(model, locale, t('admin.catalog.none'));
  const path = `adjustments[${index}]`;
  const problems = issues
    .filter((e) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`))
    .map((e) => `${e.path}: ${e.message}`);
  return (
    <li
      id={`cat-adjustment-${index}`}
      className={`card cat-option${focused ? ' cat-focused' : ''}`}
      data-testid={`adjustment-${adjustment.id}`}
    >
      <div className="cat-option-head">
        <strong>{adjustment.label?.[locale] || adjustment.id}</strong>
        <span className={adjustment.amount < 0 ? 'cat-discount' : ''}>
          {formatFen(adjustment.amount, locale, model.currency)}
        </span>
        <span className="actions cat-push">
          <button
            type="button"
            className="button button-danger"
            aria-label={t('admin.catalog.removeNamed', { name: adjustment.id })}
            onClick={() => dispatch({ type: 'removeAdjustment', index })}
          >
            {t('admin.catalog.remove')}
          </button>
        </span>
      </div>
      <p className="cat-rule-text">
        {t('admin.catalog.adjustments.when', { a: exprText(adjustment.when, labelOf, ruleWords(t)) })}
      </p>
      <div className="cat-grid">
        <TextField
          label={t('admin.catalog.field.adjustmentId')}
          value={adjustment.id}
          spellCheck={false}
          onValue={(id) => set({ id })}
        />
        <PriceField
          label={t('admin.catalog.field.amount')}
          fen={adjustment.amount}
          onFen={(amount) => set({ amount })}
        />
      </div>
      <BilingualField
        label={t('admin.catalog.field.label')}
        value={adjustment.label}
        onValue={(label) => {
          if (label) set({ label });
          else {
            const { label: _removed, ...rest } = adjustment;
            dispatch({ type: 'replaceAdjustment', index, adjustment: rest });
          }
        }}
      />
      {side ? (
        <SideEditor
          label={t('admin.catalog.adjustments.whenLabel')}
          side={side}
          onSide={(next) => set({ when: exprOf(next) })}
          model={model}
        />
      ) : (
        <WhenJson when={adjustment.when} onWhen={(when) => set({ when })} />
      )}
      {problems.length > 0 && (
        <ul className="field-errors cat-error-text">
          {problems.map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function AdjustmentsPanel({
  model,
  dispatch,
  focusAdjustment,
}: {
  model: Model;
  dispatch: Dispatch<DraftAction>;
  focusAdjustment: number | null;
}) {
  const { t } = useI18n();
  const adjustments = model.adjustments ?? [];
  const issues = useMemo(() => {
    const result = validateModel(model);
    return result.ok ? [] : result.errors;
  }, [model]);
  useEffect(() => {
    if (focusAdjustment === null) return;
    document.getElementById(`cat-adjustment-${focusAdjustment}`)?.scrollIntoView({ block: 'center' });
  }, [focusAdjustment]);
  return (
    <section aria-labelledby="cat-adjustments-title">
      <div className="cat-toolbar">
        <h2 id="cat-adjustments-title">
          {t('admin.catalog.adjustments.title', { count: adjustments.length })}
        </h2>
        <button type="button" className="button" onClick={() => dispatch({ type: 'addAdjustment' })}>
          {t('admin.catalog.adjustments.add')}
        </button>
      </div>
      <p className="muted">{t('admin.catalog.adjustments.intro')}</p>
      {adjustments.length === 0 ? (
        <p className="empty">{t('admin.catalog.adjustments.none')}</p>
      ) : (
        <ol className="cat-options">
          {adjustments.map((adjustment, index) => (
            <AdjustmentCard
              // biome-ignore lint/suspicious/noArrayIndexKey: codes may repeat while being edited; the position is the identity
              key={`${index}-${adjustment.id}`}
              model={model}
              adjustment={adjustment}
              index={index}
              focused={focusAdjustment === index}
              issues={issues}
              dispatch={dispatch}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

export function DefaultsPanel({ model, dispatch }: { model: Model; dispatch: Dispatch<DraftAction> }) {
  const { t, locale } = useI18n();
  const labelOf = optionLabeller(model, locale, t('admin.catalog.none'));
  return (
    <section aria-labelledby="cat-defaults-title">
      <h2 id="cat-defaults-title">{t('admin.catalog.defaults.title')}</h2>
      <p className="muted">{t('admin.catalog.defaults.intro')}</p>
      <div className="card cat-defaults">
        {model.families.map((family) => {
          const id = `cat-default-${family.code}`;
          return (
            <div key={family.code} className="field cat-default-row">
              <label htmlFor={id}>
                {family.label?.[locale] || family.code} <code className="small">{family.code}</code>
              </label>
              <select
                id={id}
                value={model.defaults?.[family.code] ?? ''}
                onChange={(event) =>
                  dispatch({ type: 'setDefault', family: family.code, option: event.target.value || null })
                }
              >
                <option value="">{t('admin.catalog.defaults.unset')}</option>
                {family.options.map((option) => (
                  <option key={option.code} value={option.code}>
                    {labelOf(option.code)} · {formatFen(option.price ?? 0, locale, model.currency)}
                  </option>
                ))}
                {family.optional && (
                  <option value={`${family.code}:none`}>{labelOf(`${family.code}:none`)}</option>
                )}
              </select>
            </div>
          );
        })}
      </div>
    </section>
  );
}
