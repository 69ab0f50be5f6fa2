import { Link } from 'react-router';
import './configurator.css';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { Page } from '../../ui/page.tsx';
import { useApi } from '../../ui/use-api.ts';
import { listModelLines, type ModelLineSummary } from './catalog-api.ts';
import { formatCount, formatMoney } from './price-breakdown.ts';
import { configurePath } from './share-link.ts';

/** /models: the model line gallery. */
export function ModelLinesPage() {
  const { t } = useI18n();
  return (
    <Page title={t('cfg.models.title')} intro={t('cfg.models.intro')}>
      <ModelLineCards />
    </Page>
  );
}

export function ModelLineCards() {
  const lines = useApi(listModelLines, []);
  return (
    <AsyncView value={lines} onRetry={lines.reload}>
      {(data) => (
        <ul className="cfg-lines" data-testid="model-lines">
          {data.items.map((line) => (
            <ModelLineCard key={line.code} line={line} />
          ))}
        </ul>
      )}
    </AsyncView>
  );
}

function ModelLineCard({ line }: { line: ModelLineSummary }) {
  const { t, locale } = useI18n();
  return (
    <li className="card cfg-line" data-testid={`model-line-${line.code}`}>
      <span
        className="cfg-line-band"
        style={line.swatch ? { background: line.swatch } : undefined}
        aria-hidden="true"
      />
      <p className="eyebrow">
        {line.modelYear} · {pickLocalized(line.bodyType, locale)}
      </p>
      <h2>{pickLocalized(line.name, locale)}</h2>
      {line.tagline && <p className="muted">{pickLocalized(line.tagline, locale)}</p>}
      <p className="cfg-line-price">
        {t('cfg.models.from', { price: formatMoney(line.minPrice ?? line.basePrice, line.currency, locale) })}
      </p>
      <p className="muted small">
        {t('cfg.models.variants', { count: formatCount(BigInt(line.variantCount), locale) })}
      </p>
      <Link
        className="button button-primary"
        to={configurePath(line.code)}
        data-testid={`configure-${line.code}`}
      >
        {t('cfg.models.configure')}
      </Link>
    </li>
  );
}
