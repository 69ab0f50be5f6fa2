import type { Model } from '@openc2b/configurator';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useApi } from '../../ui/use-api.ts';
import { listPopular } from './catalog-api.ts';
import { modelLookup } from './model-labels.ts';
import { formatMoney } from './price-breakdown.ts';
import { sharePath, specPath } from './share-link.ts';

const HEADLINE_FAMILIES = ['trim', 'engine', 'paint'];

/** 热门配置: what other customers saved most, each one click from opening. */
export function PopularList({ line, model }: { line: string; model: Model }) {
  const { t, locale } = useI18n();
  const lookup = modelLookup(model, locale, t('cfg.option.none'));
  // The families that tell two cars apart at a glance, where the model has them.
  const headline = HEADLINE_FAMILIES.filter((f) => lookup.family(f));
  const popular = useApi(() => listPopular(line), [line]);
  if (popular.status !== 'ok' || popular.data.items.length === 0) return null;
  return (
    <section className="section cfg-popular" aria-labelledby="popular-title" data-testid="popular">
      <h2 id="popular-title">{t('cfg.popular.title')}</h2>
      <ul className="cfg-popular-list">
        {popular.data.items.slice(0, 8).map((item) => (
          <li key={item.code} className="card">
            <Link to={sharePath(item.code)} className="cfg-popular-code">
              <code>{item.code}</code>
            </Link>
            <span>{headline.map((f) => lookup.optionLabel(f, item.selection[f])).join(' · ')}</span>
            <strong>{formatMoney(item.total, model.currency, locale)}</strong>
            <span className="muted small">{t('cfg.popular.saves', { count: item.saves })}</span>
            <Link to={specPath(item.code)} className="small">
              {t('cfg.save.spec')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
