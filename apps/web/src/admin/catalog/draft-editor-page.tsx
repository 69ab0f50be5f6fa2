import type { Model } from '@openc2b/configurator';
import { useCallback, useEffect, useReducer, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Page } from '../../ui/page.tsx';
import { useApi } from '../../ui/use-api.ts';
import { type CheckReport, catalogApi, type Draft, downloadJson, ReportError } from './catalog-api.ts';
import { draftReducer, initialDraft, isDirty } from './draft-state.ts';
import { FamiliesPanel } from './families-panel.tsx';
import { HistoryPanel } from './history-panel.tsx';
import { AdjustmentsPanel, DefaultsPanel } from './pricing-panel.tsx';
import type { EditorTab, Target } from './report-target.ts';
import { ReportView } from './report-view.tsx';
import { RulesPanel } from './rules-panel.tsx';
import './catalog.css';

const TABS: readonly EditorTab[] = ['families', 'rules', 'adjustments', 'defaults', 'history'];

type Busy = 'save' | 'check' | 'publish' | 'import' | null;

function Editor({
  code,
  initial,
  onReloadDraft,
}: {
  code: string;
  initial: Draft;
  onReloadDraft: () => void;
}) {
  const { t, locale } = useI18n();
  const [state, dispatch] = useReducer(draftReducer, initial.model, initialDraft);
  const [tab, setTab] = useState<EditorTab>('families');
  const [family, setFamily] = useState(0);
  const [focus, setFocus] = useState<Target | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<{ report: CheckReport; refused: boolean; imported?: boolean } | null>(
    null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const lines = useApi(() => catalogApi.lines(), []);
  const versions = useApi(() => catalogApi.versions(code), [code]);
  const dirty = isDirty(state);
  const model = state.draft;

  useEffect(() => dispatch({ type: 'loaded', model: initial.model }), [initial]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const line = lines.status === 'ok' ? lines.data.items.find((l) => l.code === code) : undefined;
  const name = (line && pickLocalized(line.name, locale)) || pickLocalized(model.name, locale) || code;
  const live = line?.liveVersion ?? null;

  const jump = useCallback((target: Target) => {
    setTab(target.tab);
    if (target.family !== undefined) setFamily(target.family);
    setFocus(target);
  }, []);

  async function run(kind: Exclude<Busy, null>, work: () => Promise<void>) {
    setBusy(kind);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (caught) {
      if (caught instanceof ReportError) {
        // An import's report is about the file, not the draft on screen: no jumping into the editor.
        setReport({ report: caught.report, refused: kind === 'publish', imported: kind === 'import' });
      }
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  async function saveNow(): Promise<void> {
    const sent = state.draft;
    await catalogApi.saveDraft(code, sent);
    dispatch({ type: 'saved', model: sent });
  }

  const save = () =>
    run('save', async () => {
      await saveNow();
      setNotice(t('admin.catalog.saved'));
    });

  const check = () =>
    run('check', async () => {
      if (dirty) await saveNow();
      setReport({ report: await catalogApi.check(code), refused: false });
    });

  const publish = () =>
    run('publish', async () => {
      if (dirty) await saveNow();
      try {
        const { version } = await catalogApi.publish(code);
        setReport(null);
        setNotice(t('admin.catalog.published', { number: version.number }));
      } finally {
        lines.reload();
        versions.reload();
      }
    });

  const replaceWith = (work: () => Promise<unknown>) =>
    run('import', async () => {
      if (dirty && !window.confirm(t('admin.catalog.transfer.confirmDiscard'))) return;
      await work();
      setNotice(t('admin.catalog.transfer.imported'));
      onReloadDraft();
    });

  const focusOf = (kind: 'option' | 'rule' | 'adjustment'): number | null => focus?.[kind] ?? null;

  return (
    <Page
      title={t('admin.catalog.editor.title', { name })}
      intro={
        <>
          <code>{code}</code> ·{' '}
          <span data-testid="live-version" data-number={live?.number ?? 0}>
            {live ? t('admin.catalog.liveVersion', { number: live.number }) : t('admin.catalog.notPublished')}
          </span>{' '}
          · <Link to="/admin/catalog">{t('admin.catalog.backToLines')}</Link>
        </>
      }
    >
      <div className="cat-bar" data-testid="editor-bar">
        <span
          className={`badge ${dirty ? 'badge-warn' : 'badge-ok'}`}
          data-testid="dirty-state"
          data-dirty={dirty ? 'yes' : 'no'}
          role="status"
        >
          {dirty ? t('admin.catalog.unsaved') : t('admin.catalog.allSaved')}
        </span>
        <span className="actions cat-push">
          <button
            type="button"
            className="button"
            disabled={busy !== null || !dirty}
            data-testid="save-draft"
            onClick={save}
          >
            {busy === 'save' ? t('admin.catalog.saving') : t('admin.catalog.save')}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            data-testid="check-draft"
            onClick={check}
          >
            {busy === 'check' ? t('admin.catalog.checking') : t('admin.catalog.check')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy !== null}
            data-testid="publish-draft"
            onClick={publish}
          >
            {busy === 'publish' ? t('admin.catalog.publishing') : t('admin.catalog.publish')}
          </button>
        </span>
      </div>
      {notice && (
        <div className="alert alert-success" role="status" data-testid="editor-notice">
          <p>{notice}</p>
        </div>
      )}
      {error instanceof SyntaxError ? (
        <div className="alert alert-error" role="alert">
          <p>{t('admin.catalog.json.syntax', { detail: error.message })}</p>
        </div>
      ) : (
        error !== null && <ErrorAlert error={error} />
      )}
      {report && (
        <ReportView
          report={report.report}
          refused={report.refused}
          model={model}
          {...(report.imported ? {} : { onJump: jump })}
          onClose={() => setReport(null)}
        />
      )}

      <div className="cat-tabs" role="tablist" aria-label={t('admin.catalog.editor.sections')}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`cat-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="cat-tabpanel"
            className="cat-tab"
            data-testid={`tab-${name}`}
            onClick={() => {
              setTab(name);
              setFocus(null);
            }}
          >
            {t(`admin.catalog.tab.${name}`)}
          </button>
        ))}
      </div>
      <div id="cat-tabpanel" role="tabpanel" aria-labelledby={`cat-tab-${tab}`} className="cat-tabpanel">
        {tab === 'families' && (
          <FamiliesPanel
            model={model}
            dispatch={dispatch}
            selected={Math.min(family, Math.max(0, model.families.length - 1))}
            onSelect={(index) => {
              setFamily(index);
              setFocus(null);
            }}
            focusOption={focusOf('option')}
          />
        )}
        {tab === 'rules' && <RulesPanel model={model} dispatch={dispatch} focusRule={focusOf('rule')} />}
        {tab === 'adjustments' && (
          <AdjustmentsPanel model={model} dispatch={dispatch} focusAdjustment={focusOf('adjustment')} />
        )}
        {tab === 'defaults' && <DefaultsPanel model={model} dispatch={dispatch} />}
        {tab === 'history' && (
          <HistoryPanel
            code={code}
            versions={versions}
            onExportDraft={() => downloadJson(`${code}-draft.json`, model)}
            onImportModel={async (text) =>
              replaceWith(async () => {
                const parsed = JSON.parse(text) as Model | { model: Model };
                const imported =
                  'model' in parsed && typeof parsed.model === 'object' ? parsed.model : parsed;
                await catalogApi.saveDraft(code, imported as Model);
              })
            }
            onImportXcsp={async (xml) => replaceWith(() => catalogApi.importXcsp(code, xml))}
          />
        )}
      </div>
    </Page>
  );
}

export function DraftEditorPage() {
  const { code = '' } = useParams();
  const draft = useApi(() => catalogApi.draft(code), [code]);
  return (
    <AsyncView value={draft} onRetry={draft.reload}>
      {(data) => <Editor code={code} initial={data} onReloadDraft={draft.reload} />}
    </AsyncView>
  );
}
