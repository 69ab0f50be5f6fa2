import type { Repair } from '@openc2b/configurator';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { ModelLookup } from './model-labels.ts';
import { formatMoneyRange, type Selection } from './price-breakdown.ts';
import type { PendingConflict } from './selection-state.ts';

type Props = {
  conflict: PendingConflict;
  selection: Selection;
  currency: string;
  lookup: ModelLookup;
  onAccept: (selection: Selection) => void;
  onDismiss: () => void;
};

/** A pick that breaks earlier choices: the exact repairs, to accept one or keep the car as it was. */
export function ConflictDialog({ conflict, selection, currency, lookup, onAccept, onDismiss }: Props) {
  const { t, locale } = useI18n();
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    keepRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onDismiss();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onDismiss]);
  const picked = `${lookup.familyLabel(conflict.pick.family)}：${lookup.optionLabel(conflict.pick.family, conflict.pick.option)}`;
  return (
    <div className="cfg-backdrop">
      <div
        className="cfg-dialog card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="conflict-title"
        data-testid="conflict-dialog"
      >
        <h2 id="conflict-title">{t('cfg.conflict.title', { option: picked })}</h2>
        {conflict.kind === 'impossible' ? (
          <p>{t('cfg.conflict.impossible')}</p>
        ) : (
          <>
            <p className="muted">{t('cfg.conflict.lead')}</p>
            <section className="cfg-repair" data-testid="repair-cheapest-card">
              <h3>{t('cfg.conflict.cheapest')}</h3>
              <RepairChanges
                repair={conflict.cheapest}
                before={selection}
                lookup={lookup}
                pick={conflict.pick.family}
              />
              <p className="cfg-repair-price">
                {t('cfg.conflict.resultPrice', {
                  price: formatMoneyRange(conflict.cheapest.price, currency, locale),
                })}
              </p>
              <button
                type="button"
                className="button button-primary"
                data-testid="repair-cheapest"
                onClick={() => onAccept(conflict.cheapest.selection)}
              >
                {t('cfg.conflict.acceptCheapest')}
              </button>
            </section>
            {conflict.fewestChanges.slice(0, 3).map((repair, index) => (
              <section
                className="cfg-repair"
                key={repair.changed.join(',')}
                data-testid={`repair-fewest-card-${index}`}
              >
                <h3>
                  {t('cfg.conflict.fewest', { count: repair.changed.length })}
                  {conflict.fewestChanges.length > 1 ? ` · ${index + 1}` : ''}
                </h3>
                <RepairChanges
                  repair={repair}
                  before={selection}
                  lookup={lookup}
                  pick={conflict.pick.family}
                />
                <p className="cfg-repair-price">
                  {t('cfg.conflict.resultRange', { price: formatMoneyRange(repair.price, currency, locale) })}
                </p>
                <button
                  type="button"
                  className="button"
                  data-testid={`repair-fewest-${index}`}
                  onClick={() => onAccept(repair.selection)}
                >
                  {t('cfg.conflict.acceptFewest')}
                </button>
              </section>
            ))}
          </>
        )}
        <div className="actions">
          <button
            type="button"
            className="button button-ghost"
            ref={keepRef}
            data-testid="repair-cancel"
            onClick={onDismiss}
          >
            {t('cfg.conflict.keep')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** What a repair changes: each family's earlier choice and what it becomes (or "choose again"). */
function RepairChanges({
  repair,
  before,
  lookup,
  pick,
}: {
  repair: Repair;
  before: Selection;
  lookup: ModelLookup;
  pick: string;
}) {
  const { t } = useI18n();
  const changed = repair.changed.filter((f) => f !== pick);
  return (
    <ul className="cfg-changes">
      {changed.map((family) => {
        const after = repair.selection[family];
        return (
          <li key={family}>
            <span className="cfg-change-family">{lookup.familyLabel(family)}</span>
            <span className="cfg-change-from">{lookup.optionLabel(family, before[family])}</span>
            <span aria-hidden="true"> → </span>
            <span className="cfg-change-to">
              {after ? lookup.optionLabel(family, after) : t('cfg.conflict.chooseAgain')}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
