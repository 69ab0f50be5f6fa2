import { type ChangeEvent, useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { AsyncView } from '../../ui/async-view.tsx';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import type { Loadable } from '../../ui/use-api.ts';
import { catalogApi, downloadJson, type Version } from './catalog-api.ts';

export function HistoryPanel({
  code,
  versions,
  onExportDraft,
  onImportModel,
  onImportXcsp,
}: {
  code: string;
  versions: Loadable<{ items: Version[] }> & { reload: () => void };
  onExportDraft: () => void;
  onImportModel: (text: string) => Promise<void>;
  onImportXcsp: (xml: string) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const [error, setError] = useState<unknown>(null);

  async function exportVersion(version: Version) {
    setError(null);
    try {
      downloadJson(`${code}-v${version.number}.json`, await catalogApi.versionModel(code, version.id));
    } catch (caught) {
      setError(caught);
    }
  }

  function reader(handle: (text: string) => Promise<void>) {
    return async (event: ChangeEvent<HTMLInputElement>) => {
      const input = event.currentTarget;
      const file = input.files?.[0];
      if (!file) return;
      setError(null);
      try {
        await handle(await file.text());
      } catch (caught) {
        setError(caught);
      } finally {
        input.value = '';
      }
    };
  }

  const columns: Column<Version>[] = [
    { key: 'number', header: t('admin.catalog.history.number'), render: (v) => <strong>v{v.number}</strong> },
    {
      key: 'published',
      header: t('admin.catalog.history.publishedAt'),
      render: (v) => formatDateTime(locale, v.publishedAt),
    },
    { key: 'by', header: t('admin.catalog.history.publishedBy'), render: (v) => v.publishedBy ?? '—' },
    {
      key: 'variants',
      header: t('admin.catalog.report.variants'),
      render: (v) => {
        try {
          return new Intl.NumberFormat(locale).format(BigInt(v.variantCount));
        } catch {
          return v.variantCount;
        }
      },
    },
    {
      key: 'hash',
      header: t('admin.catalog.history.hash'),
      render: (v) => <code>{v.modelHash.slice(0, 12)}</code>,
    },
    {
      key: 'export',
      header: t('field.actions'),
      render: (v) => (
        <button
          type="button"
          className="button"
          data-testid={`export-v${v.number}`}
          aria-label={t('admin.catalog.history.exportNamed', { number: v.number })}
          onClick={() => exportVersion(v)}
        >
          {t('admin.catalog.history.export')}
        </button>
      ),
    },
  ];

  return (
    <section aria-labelledby="cat-history-title">
      <h2 id="cat-history-title">{t('admin.catalog.history.title')}</h2>
      {error !== null && <ErrorAlert error={error} />}
      <AsyncView value={versions} onRetry={versions.reload}>
        {(data) => (
          <div data-testid="version-history">
            <DataTable
              caption={t('admin.catalog.history.title')}
              columns={columns}
              rows={[...data.items].sort((a, b) => b.number - a.number)}
              rowKey={(v) => v.id}
              empty={t('admin.catalog.history.none')}
            />
          </div>
        )}
      </AsyncView>
      <h2 className="cat-subtitle">{t('admin.catalog.transfer.title')}</h2>
      <div className="grid-2">
        <div className="card">
          <h3>{t('admin.catalog.transfer.export')}</h3>
          <p className="muted">{t('admin.catalog.transfer.exportIntro')}</p>
          <button type="button" className="button" onClick={onExportDraft}>
            {t('admin.catalog.transfer.exportDraft')}
          </button>
        </div>
        <div className="card">
          <h3>{t('admin.catalog.transfer.import')}</h3>
          <p className="muted">{t('admin.catalog.transfer.importIntro')}</p>
          <div className="field">
            <label htmlFor="cat-import-json">{t('admin.catalog.transfer.importJson')}</label>
            <input
              id="cat-import-json"
              type="file"
              accept="application/json,.json"
              data-testid="import-json"
              onChange={reader(onImportModel)}
            />
          </div>
          <div className="field">
            <label htmlFor="cat-import-xcsp">{t('admin.catalog.transfer.importXcsp')}</label>
            <input
              id="cat-import-xcsp"
              type="file"
              accept=".xml,.xcsp,text/xml,application/xml"
              data-testid="import-xcsp"
              onChange={reader(onImportXcsp)}
            />
          </div>
        </div>
      </div>
    </section>
  );
}
