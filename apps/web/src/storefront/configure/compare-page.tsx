import { type FormEvent, useState } from 'react';
import './configurator.css';
import { Link, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { Page } from '../../ui/page.tsx';
import { useApi } from '../../ui/use-api.ts';
import {
  getConfiguration,
  getModelLine,
  type ModelLineDetail,
  type SavedConfiguration,
} from './catalog-api.ts';
import { modelLookup } from './model-labels.ts';
import { formatMoney } from './price-breakdown.ts';
import { compareRows } from './saved-view.ts';
import { codeFromInput, compareCodes, comparePath, sharePath } from './share-link.ts';

/** /compare?a=<code>&b=<code>: two saved cars side by side, differences highlighted. */
export function ComparePage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const { a, b } = compareCodes(search);
  return (
    <Page title={t('cfg.compare.title')} intro={t('cfg.compare.intro')}>
      <CompareForm a={a} b={b} />
      {a && b && <Comparison a={a} b={b} />}
    </Page>
  );
}

function CompareForm({ a, b }: { a: string | undefined; b: string | undefined }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [left, setLeft] = useState(a ?? '');
  const [right, setRight] = useState(b ?? '');
  function submit(event: FormEvent) {
    event.preventDefault();
    const x = codeFromInput(left);
    const y = codeFromInput(right);
    if (x) navigate(comparePath(x, y));
  }
  return (
    <form className="form cfg-compare-form" onSubmit={submit}>
      <label className="field">
        <span>{t('cfg.compare.a')}</span>
        <input
          value={left}
          onChange={(e) => setLeft(e.target.value)}
          placeholder={t('cfg.compare.placeholder')}
        />
      </label>
      <label className="field">
        <span>{t('cfg.compare.b')}</span>
        <input
          value={right}
          onChange={(e) => setRight(e.target.value)}
          placeholder={t('cfg.compare.placeholder')}
        />
      </label>
      <button type="submit" className="button button-primary">
        {t('cfg.compare.submit')}
      </button>
    </form>
  );
}

function Comparison({ a, b }: { a: string; b: string }) {
  const loaded = useApi(async () => {
    const [left, right] = await Promise.all([getConfiguration(a), getConfiguration(b)]);
    const lines = [...new Set([left.modelLine, right.modelLine])];
    const details = await Promise.all(lines.map(getModelLine));
    return { left, right, details };
  }, [a, b]);
  return <AsyncView value={loaded}>{(data) => <CompareTable {...data} />}</AsyncView>;
}

function CompareTable({
  left,
  right,
  details,
}: {
  left: SavedConfiguration;
  right: SavedConfiguration;
  details: ModelLineDetail[];
}) {
  const { t, locale } = useI18n();
  const [onlyDiff, setOnlyDiff] = useState(false);
  const detailOf = (line: string) => details.find((d) => d.line.code === line) ?? details[0];
  const leftLookup = modelLookup(detailOf(left.modelLine)!.model, locale, t('cfg.option.none'));
  const rightLookup = modelLookup(detailOf(right.modelLine)!.model, locale, t('cfg.option.none'));
  const rows = compareRows(
    details.map((d) => d.model),
    left.selection,
    right.selection,
  );
  const shown = onlyDiff ? rows.filter((r) => r.differs) : rows;
  const price = (saved: SavedConfiguration, family: string, option: string | undefined) => {
    const line = saved.breakdown.options.find((o) => o.family === family && o.option === option);
    return line ? formatMoney(line.price, saved.currency, locale) : '';
  };
  return (
    <div className="cfg-compare" data-testid="compare">
      <label className="cfg-only-diff">
        <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} />{' '}
        {t('cfg.compare.onlyDiff', { count: rows.filter((r) => r.differs).length })}
      </label>
      <div className="table-wrap">
        <table className="data-table cfg-compare-table">
          <thead>
            <tr>
              <th scope="col">{t('cfg.spec.family')}</th>
              {[left, right].map((saved) => (
                <th scope="col" key={saved.code}>
                  <Link to={sharePath(saved.code)}>
                    {pickLocalized(detailOf(saved.modelLine)!.line.name, locale)}
                  </Link>
                  <br />
                  <code className="small">{saved.code}</code>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr
                key={row.family}
                className={row.differs ? 'cfg-differs' : undefined}
                data-differs={row.differs ? 'true' : 'false'}
              >
                <th scope="row">{leftLookup.familyLabel(row.family)}</th>
                <td>
                  {leftLookup.optionLabel(row.family, row.a)}{' '}
                  <span className="muted small">{price(left, row.family, row.a)}</span>
                </td>
                <td>
                  {rightLookup.optionLabel(row.family, row.b)}{' '}
                  <span className="muted small">{price(right, row.family, row.b)}</span>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('cfg.breakdown.total')}</th>
              <td data-testid="compare-total-a">
                <strong>{formatMoney(left.total, left.currency, locale)}</strong>
              </td>
              <td data-testid="compare-total-b">
                <strong>{formatMoney(right.total, right.currency, locale)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
