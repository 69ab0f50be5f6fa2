import { Link, useParams } from 'react-router';
import './configurator.css';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { useApi } from '../../ui/use-api.ts';
import {
  getConfiguration,
  getModelLine,
  type ModelLineDetail,
  type SavedConfiguration,
} from './catalog-api.ts';
import { groupSteps, modelLookup } from './model-labels.ts';
import { formatMoney } from './price-breakdown.ts';
import { sharePath } from './share-link.ts';

/** /c/:code/spec: the printable spec sheet (配置单) of a saved car. */
export function SpecPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const loaded = useApi(async () => {
    const saved = await getConfiguration(code);
    return { saved, detail: await getModelLine(saved.modelLine) };
  }, [code]);
  return (
    <Page title={t('cfg.spec.title')}>
      <AsyncView value={loaded} onRetry={loaded.reload}>
        {(data) => <SpecSheet {...data} />}
      </AsyncView>
    </Page>
  );
}

function SpecSheet({ saved, detail }: { saved: SavedConfiguration; detail: ModelLineDetail }) {
  const { t, locale } = useI18n();
  const lookup = modelLookup(detail.model, locale, t('cfg.option.none'));
  const money = (minor: number) => formatMoney(minor, saved.currency, locale);
  const priceOf = (family: string) => saved.breakdown.options.find((o) => o.family === family)?.price;
  return (
    <article className="cfg-spec" data-testid="spec-sheet">
      <header className="cfg-spec-head">
        <h2>{pickLocalized(detail.line.name, locale)}</h2>
        <p>
          {t('cfg.save.code')} <code data-testid="spec-code">{saved.code}</code> ·{' '}
          {t('cfg.spec.version', { number: saved.versionNumber })} · {formatDateTime(locale, saved.createdAt)}
        </p>
        <div className="actions no-print">
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            {t('cfg.spec.print')}
          </button>
          <Link className="button" to={sharePath(saved.code)}>
            {t('cfg.spec.open')}
          </Link>
        </div>
      </header>
      {groupSteps(detail.model).map((step) => (
        <section key={step.category} className="cfg-spec-section">
          <h3>{t(`cfg.category.${step.category}` as 'cfg.category.other')}</h3>
          <table className="data-table">
            <tbody>
              {step.families.map((family) => {
                const price = priceOf(family.code);
                return (
                  <tr key={family.code}>
                    <th scope="row">{lookup.familyLabel(family.code)}</th>
                    <td>{lookup.optionLabel(family.code, saved.selection[family.code])}</td>
                    <td className="cfg-num">{price ? money(price) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
      <section className="cfg-spec-section">
        <h3>{t('cfg.spec.price')}</h3>
        <table className="data-table">
          <tbody>
            <tr>
              <th scope="row">{t('cfg.breakdown.base')}</th>
              <td className="cfg-num">{money(saved.breakdown.base)}</td>
            </tr>
            <tr>
              <th scope="row">{t('cfg.breakdown.options', { count: saved.breakdown.options.length })}</th>
              <td className="cfg-num">{money(saved.breakdown.options.reduce((s, o) => s + o.price, 0))}</td>
            </tr>
            {saved.breakdown.adjustments.map((a) => (
              <tr key={a.id}>
                <th scope="row">{pickLocalized(a.label, locale) ?? a.id}</th>
                <td className="cfg-num">{money(a.amount)}</td>
              </tr>
            ))}
            <tr className="cfg-breakdown-total">
              <th scope="row">{t('cfg.breakdown.total')}</th>
              <td className="cfg-num" data-testid="spec-total">
                {money(saved.total)}
              </td>
            </tr>
          </tbody>
        </table>
      </section>
    </article>
  );
}
