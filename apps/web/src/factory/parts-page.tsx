import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { unitKey } from '../partner/call-off-logic.ts';
import { Spinner } from '../ui/async-view.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { Page } from '../ui/page.tsx';
import { usePaged } from '../ui/use-paged.ts';
import { listParts } from './bom-api.ts';
import './factory.css';

/** The parts of the super-BOM, in part-number order, searchable by number or name. */
export function PartsPage() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  function search(event: FormEvent) {
    event.preventDefault();
    setQ(text.trim());
  }
  return (
    <Page title={t('factory.parts.title')} intro={t('factory.parts.intro')}>
      <form className="fw-inline-form form-grid" onSubmit={search}>
        <div className="field">
          <label htmlFor="parts-q">{t('factory.parts.search')}</label>
          <input id="parts-q" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field fw-field-end">
          <button type="submit" className="button">
            {t('factory.parts.find')}
          </button>
        </div>
      </form>
      {/* A new search is a new list from its first page. */}
      <PartsList key={q} q={q} />
    </Page>
  );
}

function PartsList({ q }: { q: string }) {
  const { t, locale } = useI18n();
  const parts = usePaged((cursor) => listParts({ q, ...(cursor ? { cursor } : {}) }));
  const unit = (u: string) => {
    const key = unitKey(u);
    return key ? t(key) : u;
  };
  return (
    <>
      {parts.status === 'error' && <ErrorAlert error={parts.error} onRetry={parts.reload} />}
      {parts.items.length === 0 && parts.status === 'ok' ? (
        <p className="empty">{t('factory.parts.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="parts">
            <caption className="visually-hidden">{t('factory.parts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('factory.bom.part')}</th>
                <th scope="col">{t('factory.parts.unit')}</th>
                <th scope="col">{t('factory.bom.leadTime')}</th>
                <th scope="col">{t('factory.parts.supply')}</th>
                <th scope="col">{t('field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {parts.items.map((p) => (
                <tr key={p.id} className={p.active ? undefined : 'fw-inactive'}>
                  <td data-label={t('factory.bom.part')}>
                    <code>{p.partNumber}</code> {pickLocalized(p.name, locale)}
                  </td>
                  <td data-label={t('factory.parts.unit')}>{unit(p.unit)}</td>
                  <td data-label={t('factory.bom.leadTime')}>
                    {t('factory.bom.days', { days: p.leadTimeDays })}
                  </td>
                  <td data-label={t('factory.parts.supply')}>
                    {p.sequenced
                      ? t('production.calloff.kind.sequenced')
                      : t('production.calloff.kind.daily')}
                  </td>
                  <td data-label={t('field.status')}>
                    {p.active ? t('factory.parts.active') : t('factory.parts.inactive')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {parts.status === 'loading' && <Spinner />}
      {parts.hasMore && parts.status === 'ok' && (
        <button type="button" className="button" onClick={parts.loadMore}>
          {t('action.loadMore')}
        </button>
      )}
    </>
  );
}
