import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { translate } from '../../i18n/translate.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useApi } from '../../ui/use-api.ts';
import { catalogApi, type ModelLineItem } from './catalog-api.ts';
import './catalog.css';

const BODY_TYPES = ['suv', 'sedan', 'mpv', 'pickup', 'hatchback', 'wagon', 'coupe'] as const;

function CreateLineForm({ onCreated }: { onCreated: (code: string) => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [bodyType, setBodyType] = useState<(typeof BODY_TYPES)[number]>('suv');
  const [modelYear, setModelYear] = useState(String(new Date().getFullYear() + 1));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const trimmed = code.trim();
      await catalogApi.createLine({
        code: trimmed,
        name: { 'zh-CN': nameZh.trim(), en: nameEn.trim() },
        // The server keeps the body type as bilingual text, as the storefront shows it.
        bodyType: {
          'zh-CN': translate('zh-CN', `admin.catalog.bodyType.${bodyType}`),
          en: translate('en', `admin.catalog.bodyType.${bodyType}`),
        },
        modelYear: Number(modelYear),
      });
      onCreated(trimmed);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit} data-testid="create-line">
      <h2>{t('admin.catalog.lines.create')}</h2>
      <div className="form-grid">
        <TextField
          label={t('admin.catalog.field.code')}
          hint={t('admin.catalog.lines.codeHint')}
          required
          pattern="[A-Za-z0-9_.\-]+"
          spellCheck={false}
          value={code}
          onValue={setCode}
        />
        <TextField label={t('admin.catalog.lines.nameZh')} required value={nameZh} onValue={setNameZh} />
        <TextField
          label={t('admin.catalog.lines.nameEn')}
          required
          lang="en"
          value={nameEn}
          onValue={setNameEn}
        />
        <SelectField
          label={t('admin.catalog.lines.bodyType')}
          value={bodyType}
          onValue={(value) => setBodyType(BODY_TYPES.find((b) => b === value) ?? 'suv')}
          options={BODY_TYPES.map((value) => ({ value, label: t(`admin.catalog.bodyType.${value}`) }))}
        />
        <TextField
          label={t('admin.catalog.lines.modelYear')}
          type="number"
          required
          min={2000}
          max={2100}
          value={modelYear}
          onValue={setModelYear}
        />
      </div>
      {error !== null && <ErrorAlert error={error} />}
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('admin.catalog.lines.createSubmit')}
      </button>
    </form>
  );
}

export function ModelLinesPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const lines = useApi(() => catalogApi.lines(), []);

  const columns: Column<ModelLineItem>[] = [
    {
      key: 'name',
      header: t('admin.catalog.lines.name'),
      render: (l) => (
        <Link to={`/admin/catalog/${encodeURIComponent(l.code)}`} data-testid={`line-${l.code}`}>
          {pickLocalized(l.name, locale) || l.code}
        </Link>
      ),
    },
    { key: 'code', header: t('admin.catalog.field.code'), render: (l) => <code>{l.code}</code> },
    {
      key: 'live',
      header: t('admin.catalog.lines.live'),
      render: (l) =>
        l.liveVersion ? (
          <span>
            <strong>v{l.liveVersion.number}</strong>{' '}
            <span className="muted small">{formatDateTime(locale, l.liveVersion.publishedAt)}</span>
          </span>
        ) : (
          <span className="badge badge-muted">{t('admin.catalog.notPublished')}</span>
        ),
    },
    {
      key: 'draft',
      header: t('admin.catalog.lines.draft'),
      render: (l) => (
        <span>
          {l.draftDiffersFromLive ? (
            <span className="badge badge-warn">{t('admin.catalog.lines.draftChanged')}</span>
          ) : (
            <span className="badge badge-ok">{t('admin.catalog.lines.draftSame')}</span>
          )}{' '}
          {l.draftUpdatedAt && (
            <span className="muted small">{formatDateTime(locale, l.draftUpdatedAt)}</span>
          )}
        </span>
      ),
    },
    {
      key: 'open',
      header: t('field.actions'),
      render: (l) => (
        <Link className="button" to={`/admin/catalog/${encodeURIComponent(l.code)}`}>
          {t('admin.catalog.lines.open')}
        </Link>
      ),
    },
  ];

  return (
    <Page title={t('admin.catalog.lines.title')} intro={t('admin.catalog.lines.intro')}>
      <AsyncView value={lines} onRetry={lines.reload}>
        {(data) => (
          <div data-testid="model-lines">
            <DataTable
              caption={t('admin.catalog.lines.title')}
              columns={columns}
              rows={data.items}
              rowKey={(l) => l.code}
              empty={t('admin.catalog.lines.none')}
            />
          </div>
        )}
      </AsyncView>
      <CreateLineForm onCreated={(code) => navigate(`/admin/catalog/${encodeURIComponent(code)}`)} />
    </Page>
  );
}
