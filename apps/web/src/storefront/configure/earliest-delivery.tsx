import { useEffect, useState } from 'react';
import { formatIsoDate } from '../../factory/iso-date.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { useApi } from '../../ui/use-api.ts';
import { getEarliestDelivery, listDealers } from '../orders/orders-api.ts';
import { dealerFor, EARLIEST_DEBOUNCE_MS, earliestQuery, queryKey } from './earliest-delivery.ts';

type Answer = { key: string; earliest: string | null };

/**
 * "Earliest delivery" in the configurator's summary: asked of the server a moment after the
 * last click, for a complete configuration at a dealer the customer may pick; a quiet dash while
 * unknown (incomplete, loading, or no date within the calendar's weeks).
 */
export function EarliestDelivery({ modelLine, code }: { modelLine: string; code: string | undefined }) {
  const { t, locale } = useI18n();
  const dealers = useApi(() => listDealers({}), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = dealers.status === 'ok' ? dealers.data.items : [];
  const dealerId = dealerFor(chosen, list);
  const query = earliestQuery(modelLine, code, dealerId);
  const key = queryKey(query);
  const [answer, setAnswer] = useState<Answer | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the query
  useEffect(() => {
    if (!query) return;
    let current = true;
    const timer = setTimeout(() => {
      getEarliestDelivery(query).then(
        (r) => current && setAnswer({ key, earliest: r.earliest }),
        () => current && setAnswer({ key, earliest: null }),
      );
    }, EARLIEST_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  const earliest = answer && answer.key === key ? answer.earliest : null;
  return (
    <div className="cfg-earliest" data-testid="earliest-delivery">
      <dl className="cfg-summary-stats">
        <div>
          <dt>{t('cfg.earliest.label')}</dt>
          <dd data-testid="earliest-delivery-date" aria-live="polite">
            {query && earliest ? formatIsoDate(locale, earliest, { weekday: true, year: true }) : '—'}
          </dd>
        </div>
      </dl>
      {list.length > 1 && (
        <label className="cfg-earliest-dealer small">
          <span className="muted">{t('cfg.earliest.dealer')}</span>{' '}
          <select value={dealerId ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {list.map((d) => (
              <option key={d.id} value={d.id}>
                {pickLocalized(d.name, locale)}
              </option>
            ))}
          </select>
        </label>
      )}
      {!code && <p className="muted small cfg-earliest-hint">{t('cfg.earliest.incomplete')}</p>}
    </div>
  );
}
