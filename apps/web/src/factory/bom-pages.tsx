import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { unitKey } from '../partner/call-off-logic.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime } from '../ui/format.ts';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { Page } from '../ui/page.tsx';
import { useApi } from '../ui/use-api.ts';
import {
  type BomLine,
  type BomReport,
  checkDraft,
  getDraft,
  getVersion,
  listBoms,
  listVersions,
  publishDraft,
} from './bom-api.ts';
import { findingText, groupDigits, refusedReport } from './bom-report.ts';
import { type CatalogLabels, useCatalogLabels } from './catalog-labels.ts';
import { canEditBom } from './factory-roles.ts';
import { conditionText } from './rule-condition.ts';
import './factory.css';

/** Every model line with its current super-BOM version and its draft. */
export function BomListPage() {
  const { t, locale } = useI18n();
  const boms = useApi(listBoms, []);
  return (
    <Page title={t('factory.bom.title')} intro={t('factory.bom.intro')}>
      <AsyncView value={boms} onRetry={boms.reload}>
        {(items) =>
          items.length === 0 ? (
            <p className="empty">{t('factory.bom.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table" data-testid="bom-list">
                <caption className="visually-hidden">{t('factory.bom.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('factory.car.modelLine')}</th>
                    <th scope="col">{t('factory.bom.current')}</th>
                    <th scope="col">{t('factory.bom.draft')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((b) => (
                    <tr key={b.modelLine}>
                      <td data-label={t('factory.car.modelLine')}>
                        <Link to={`/factory/bom/${encodeURIComponent(b.modelLine)}`}>
                          {pickLocalized(b.name, locale) ?? b.modelLine}
                        </Link>
                      </td>
                      <td data-label={t('factory.bom.current')}>
                        {b.current ? (
                          <>
                            {t('factory.bom.versionLines', {
                              number: b.current.number,
                              lines: b.current.lineCount,
                            })}{' '}
                            <span className={b.upToDate ? 'badge badge-ok' : 'badge badge-warn'}>
                              {t(b.upToDate ? 'factory.bom.upToDate' : 'factory.bom.stale')}
                            </span>
                          </>
                        ) : (
                          <span className="badge badge-warn">{t('factory.bom.notPublished')}</span>
                        )}
                      </td>
                      <td data-label={t('factory.bom.draft')}>
                        {t('factory.bom.draftLines', { lines: b.draftLineCount })}
                        {b.draftUpdatedAt && (
                          <span className="muted small"> · {formatDateTime(locale, b.draftUpdatedAt)}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </AsyncView>
    </Page>
  );
}

/**
 * One model line's super-BOM: the current version's lines or the draft's, each with its part,
 * quantity, station, alternative group and option condition; check the draft against the
 * live catalogue and publish it.
 */
export function BomPage() {
  const { modelLine = '' } = useParams();
  const { t, locale } = useI18n();
  const { user } = useSession();
  const editable = canEditBom(user?.role ?? null);
  const labels = useCatalogLabels([modelLine], locale);
  const [view, setView] = useState<'current' | 'draft'>('current');
  const versions = useApi(() => listVersions(modelLine), [modelLine]);
  if (versions.status === 'error' && versions.error instanceof ApiError && versions.error.status === 404) {
    return <NotFoundPage home="/factory/bom" />;
  }
  return (
    <Page title={t('factory.bom.lineTitle', { modelLine: labels.modelLine(modelLine) })}>
      <p>
        <Link to="/factory/bom">← {t('factory.bom.title')}</Link>
      </p>
      <AsyncView value={versions} onRetry={versions.reload}>
        {(items) => {
          const current = items[0];
          return (
            <>
              {current ? (
                <p className="muted">
                  {t('factory.bom.currentIs', {
                    number: current.number,
                    lines: current.lineCount,
                    at: formatDateTime(locale, current.publishedAt),
                  })}
                </p>
              ) : (
                <p className="alert alert-error">{t('factory.bom.notPublished')}</p>
              )}
              {editable && <CheckAndPublish modelLine={modelLine} onPublished={versions.reload} />}
              <div className="fw-line-picker">
                <button
                  type="button"
                  className={view === 'current' ? 'button button-primary' : 'button'}
                  aria-pressed={view === 'current'}
                  onClick={() => setView('current')}
                  disabled={!current}
                >
                  {t('factory.bom.showCurrent')}
                </button>
                <button
                  type="button"
                  className={view === 'draft' ? 'button button-primary' : 'button'}
                  aria-pressed={view === 'draft'}
                  onClick={() => setView('draft')}
                >
                  {t('factory.bom.showDraft')}
                </button>
              </div>
              {view === 'current' && current ? (
                <VersionLines key={current.id} modelLine={modelLine} versionId={current.id} labels={labels} />
              ) : (
                <DraftLines key={`draft-${items.length}`} modelLine={modelLine} labels={labels} />
              )}
            </>
          );
        }}
      </AsyncView>
    </Page>
  );
}

function VersionLines({
  modelLine,
  versionId,
  labels,
}: {
  modelLine: string;
  versionId: string;
  labels: CatalogLabels;
}) {
  const version = useApi(() => getVersion(modelLine, versionId), [modelLine, versionId]);
  return (
    <AsyncView value={version} onRetry={version.reload}>
      {(v) => <LinesTable lines={v.lines} labels={labels} />}
    </AsyncView>
  );
}

function DraftLines({ modelLine, labels }: { modelLine: string; labels: CatalogLabels }) {
  const draft = useApi(() => getDraft(modelLine), [modelLine]);
  return (
    <AsyncView value={draft} onRetry={draft.reload}>
      {(d) => <LinesTable lines={d.lines} labels={labels} />}
    </AsyncView>
  );
}

function LinesTable({ lines, labels }: { lines: BomLine[]; labels: CatalogLabels }) {
  const { t, locale } = useI18n();
  const words = {
    or: t('factory.rule.or'),
    and: t('factory.rule.and'),
    not: (a: string) => t('factory.rule.not', { a }),
  };
  if (lines.length === 0) return <p className="empty">{t('factory.bom.noLines')}</p>;
  const unit = (u: string) => {
    const key = unitKey(u);
    return key ? t(key) : u;
  };
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="bom-lines">
        <caption className="visually-hidden">{t('factory.bom.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('factory.bom.part')}</th>
            <th scope="col">{t('partner.callOff.quantity')}</th>
            <th scope="col">{t('factory.bom.station')}</th>
            <th scope="col">{t('factory.bom.group')}</th>
            <th scope="col">{t('factory.bom.condition')}</th>
            <th scope="col">{t('factory.bom.leadTime')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.lineNo}>
              <td data-label="#">{l.lineNo}</td>
              <td data-label={t('factory.bom.part')}>
                <code>{l.part.partNumber}</code> {pickLocalized(l.part.name, locale)}
                {l.part.sequenced && <span className="badge"> {t('factory.bom.jis')}</span>}
              </td>
              <td data-label={t('partner.callOff.quantity')}>
                {l.quantity} {unit(l.part.unit)}
              </td>
              <td data-label={t('factory.bom.station')}>{t(`bom.station.${l.station}`)}</td>
              <td data-label={t('factory.bom.group')}>{l.group ?? '—'}</td>
              <td data-label={t('factory.bom.condition')}>
                {l.condition === null ? (
                  <span className="muted">{t('factory.bom.always')}</span>
                ) : (
                  conditionText(l.condition, labels.option, words)
                )}
              </td>
              <td data-label={t('factory.bom.leadTime')}>
                {t('factory.bom.days', { days: l.part.leadTimeDays })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CheckAndPublish({ modelLine, onPublished }: { modelLine: string; onPublished: () => void }) {
  const { t } = useI18n();
  const [report, setReport] = useState<BomReport | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setPublished(null);
    try {
      await action();
    } catch (err) {
      const refused = refusedReport(err);
      if (refused) setReport(refused);
      setError(err);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <section className="card" aria-labelledby="bom-check-title">
      <h2 id="bom-check-title">{t('factory.bom.checkTitle')}</h2>
      <p className="muted">{t('factory.bom.checkIntro')}</p>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(async () => setReport(await checkDraft(modelLine)))}
        >
          {t('factory.bom.check')}
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  const version = await publishDraft(modelLine);
                  setReport(version.report);
                  setPublished(version.number);
                  onPublished();
                })
              }
            >
              {t('factory.bom.confirmPublish')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
              {t('action.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            {t('factory.bom.publish')}
          </button>
        )}
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {published !== null && (
        <p className="alert alert-success" role="status">
          {t('factory.bom.published', { number: published })}
        </p>
      )}
      {report && <ReportView report={report} />}
    </section>
  );
}

function ReportView({ report }: { report: BomReport }) {
  const { t } = useI18n();
  return (
    <div className="fw-result" data-testid="bom-report">
      <p>
        <span className={report.ok ? 'badge badge-ok' : 'badge badge-warn'}>
          {t(report.ok ? 'factory.bom.reportOk' : 'factory.bom.reportRefused')}
        </span>{' '}
        {t('factory.bom.reportFigures', {
          version: report.catalogVersionNumber,
          variants: groupDigits(report.variantCount),
          lines: report.lineCount,
          groups: report.groups.length,
        })}
      </p>
      {report.findings.length > 0 && (
        <ul className="fw-reasons">
          {report.findings.map((f) => {
            const { key, params } = findingText(f);
            return <li key={`${f.kind}-${JSON.stringify(params)}`}>{t(key, params)}</li>;
          })}
        </ul>
      )}
    </div>
  );
}
