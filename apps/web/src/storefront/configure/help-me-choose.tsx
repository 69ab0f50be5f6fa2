import { type CompiledModel, completeSelection, type Model } from '@openc2b/configurator';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import {
  type Answers,
  PRIORITIES,
  type Priority,
  preferenceWeights,
  SEAT_CHOICES,
  type SeatChoice,
  USES,
  type Use,
} from './preferences.ts';
import { formatMoney, type Selection } from './price-breakdown.ts';

type Props = {
  model: Model;
  compiled: CompiledModel;
  onRecommend: (selection: Selection, price: number) => void;
  onClose: () => void;
};

/** 帮我选: a few questions -> preference weights -> the best full configuration within the budget. */
export function HelpMeChoose({ model, compiled, onRecommend, onClose }: Props) {
  const { t, locale } = useI18n();
  const [use, setUse] = useState<Use>('family');
  const [seats, setSeats] = useState<SeatChoice>('any');
  const [budget, setBudget] = useState('');
  const [priorities, setPriorities] = useState<Priority[]>([]);
  const [problem, setProblem] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const yuan = Number(budget.replace(/[,\s]/g, ''));
    const answers: Answers = {
      use,
      seats,
      budget: budget.trim() && Number.isFinite(yuan) && yuan > 0 ? Math.round(yuan * 100) : undefined,
      priorities,
    };
    const weights = preferenceWeights(model, answers);
    const result = completeSelection(
      compiled,
      {},
      {
        kind: 'preferences',
        weights,
        ...(answers.budget !== undefined ? { budget: answers.budget } : {}),
      },
    );
    if (!result.ok) {
      setProblem(
        result.reason === 'over_budget'
          ? t('cfg.help.overBudget', { price: formatMoney(model.basePrice, model.currency, locale) })
          : t('cfg.help.none'),
      );
      return;
    }
    onRecommend(result.selection, result.price);
  }

  return (
    <div className="cfg-backdrop">
      <form
        className="cfg-dialog card form"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onSubmit={submit}
        data-testid="help-dialog"
      >
        <h2 id="help-title">{t('cfg.help.title')}</h2>
        <p className="muted">{t('cfg.help.lead')}</p>
        <fieldset className="cfg-choices">
          <legend>{t('cfg.help.use')}</legend>
          {USES.map((u) => (
            <label key={u} className="chip">
              <input type="radio" name="use" checked={use === u} onChange={() => setUse(u)} />{' '}
              {t(`cfg.help.use.${u}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="cfg-choices">
          <legend>{t('cfg.help.seats')}</legend>
          {SEAT_CHOICES.map((s) => (
            <label key={s} className="chip">
              <input type="radio" name="seats" checked={seats === s} onChange={() => setSeats(s)} />{' '}
              {s === 'any' ? t('cfg.help.seats.any') : t('cfg.help.seats.n', { n: s })}
            </label>
          ))}
        </fieldset>
        <fieldset className="cfg-choices">
          <legend>{t('cfg.help.priorities')}</legend>
          {PRIORITIES.map((p) => (
            <label key={p} className="chip">
              <input
                type="checkbox"
                checked={priorities.includes(p)}
                onChange={(e) =>
                  setPriorities(e.target.checked ? [...priorities, p] : priorities.filter((x) => x !== p))
                }
              />{' '}
              {t(`cfg.help.priority.${p}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('cfg.help.budget')}</span>
          <input
            inputMode="numeric"
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
            placeholder={t('cfg.help.budget.placeholder')}
            data-testid="help-budget"
          />
        </label>
        {problem && (
          <p className="alert alert-error" role="alert">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" data-testid="help-submit">
            {t('cfg.help.submit')}
          </button>
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
