import type { ClickResult, Model } from '@openc2b/configurator';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { EarliestDelivery } from './earliest-delivery.tsx';
import type { ModelLookup } from './model-labels.ts';
import { formatCount, formatMoney, formatMoneyRange, type PriceBreakdown } from './price-breakdown.ts';

type Props = {
  model: Model;
  result: ClickResult;
  breakdown: PriceBreakdown;
  lookup: ModelLookup;
  chosen: number;
  total: number;
  /** The model line and, once complete, the configuration's code: for the earliest delivery date. */
  modelLine: string;
  code: string | undefined;
};

/** The live summary: price (exact when complete), its breakdown, variants left and the price range. */
export function SummaryPanel({ model, result, breakdown, lookup, chosen, total, modelLine, code }: Props) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const money = (minor: number) => formatMoney(minor, model.currency, locale);
  return (
    <div className="cfg-summary" data-testid="summary">
      <div className="cfg-summary-total">
        <span className="stat-label">{result.complete ? t('cfg.summary.total') : t('cfg.summary.from')}</span>
        <strong className="cfg-total" data-testid="summary-total">
          {result.current !== null ? money(result.current) : result.price ? money(result.price.min) : '—'}
        </strong>
        {result.complete ? (
          <span className="badge badge-ok" data-testid="summary-complete">
            {t('cfg.summary.complete')}
          </span>
        ) : (
          <span className="badge badge-muted" data-testid="summary-progress">
            {t('cfg.summary.progress', { chosen, total })}
          </span>
        )}
      </div>
      <dl className="cfg-summary-stats">
        <div>
          <dt>{t('cfg.summary.variants')}</dt>
          <dd data-testid="summary-variants">{formatCount(result.count, locale)}</dd>
        </div>
        <div>
          <dt>{t('cfg.summary.range')}</dt>
          <dd data-testid="summary-range">
            {result.price ? formatMoneyRange(result.price, model.currency, locale) : '—'}
          </dd>
        </div>
      </dl>
      <EarliestDelivery modelLine={modelLine} code={code} />
      <button
        type="button"
        className="button button-ghost cfg-breakdown-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? t('cfg.summary.hideBreakdown') : t('cfg.summary.showBreakdown')}
      </button>
      <dl className="cfg-breakdown" data-testid="summary-breakdown" hidden={!open}>
        <div>
          <dt>{t('cfg.breakdown.base')}</dt>
          <dd>{money(breakdown.base)}</dd>
        </div>
        <div>
          <dt>{t('cfg.breakdown.options', { count: breakdown.options.length })}</dt>
          <dd>{money(breakdown.optionsTotal)}</dd>
        </div>
        {breakdown.options.map((line) => (
          <div key={line.family} className="cfg-breakdown-sub">
            <dt>{lookup.optionLabel(line.family, line.option)}</dt>
            <dd>{money(line.price)}</dd>
          </div>
        ))}
        <div>
          <dt>{t('cfg.breakdown.adjustments')}</dt>
          <dd>{money(breakdown.adjustmentsTotal)}</dd>
        </div>
        {breakdown.adjustments.map((line) => (
          <div key={line.id} className="cfg-breakdown-sub">
            <dt>{pickLocalized(line.label, locale) ?? line.id}</dt>
            <dd>{money(line.amount)}</dd>
          </div>
        ))}
        <div className="cfg-breakdown-total">
          <dt>{t('cfg.breakdown.total')}</dt>
          <dd>{money(breakdown.total)}</dd>
        </div>
      </dl>
    </div>
  );
}
