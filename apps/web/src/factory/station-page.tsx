import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { errorMessageKey } from '../i18n/error-message.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { isMessageKey } from '../i18n/translate.ts';
import { DetailsList } from '../ui/details-list.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { Page } from '../ui/page.tsx';
import { problemMember } from './api-problem.ts';
import { useCatalogLabels } from './catalog-labels.ts';
import { getBuildSheet, recordStep } from './production-api.ts';
import {
  type BuildSheet,
  type DefectRow,
  defectsToSend,
  EMPTY_DEFECT,
  isStation,
  normalizeScan,
  parseRecentScans,
  pushRecentScan,
  type RecentScan,
  STATIONS,
  type Station,
  type Step,
  type StepAction,
  type StepState,
  stepActions,
  withProgress,
} from './station-logic.ts';
import './factory.css';

const STATION_KEY = 'c2b.station';
const RECENT_KEY = 'c2b.station.recent';

function readStorage(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(storage: () => Storage, key: string, value: string): void {
  try {
    storage().setItem(key, value);
  } catch {
    // Not remembering is fine: the page still works for this visit.
  }
}

type Feedback =
  | { kind: 'recorded'; step: Step; result: 'pass' | 'fail' | null; vehicleId: string; vin: string | null }
  | { kind: 'error'; error: unknown };

/**
 * The station page on a shop-floor tablet: a barcode scanner types the vehicle id into the
 * field and presses Enter; the car is shown with its options and current step, and one big
 * button records the next step (pass / fail at the quality check). The tablet remembers its
 * station and the last scans.
 */
export function StationPage() {
  const { t } = useI18n();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [station, setStation] = useState<Station>(() => {
    const stored = readStorage(() => localStorage, STATION_KEY);
    return isStation(stored) ? stored : 'auto';
  });
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [sheet, setSheet] = useState<BuildSheet | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [busy, setBusy] = useState(false);
  const [recent, setRecent] = useState<RecentScan[]>(() =>
    parseRecentScans(readStorage(() => sessionStorage, RECENT_KEY)),
  );

  useEffect(() => writeStorage(() => localStorage, STATION_KEY, station), [station]);
  useEffect(() => writeStorage(() => sessionStorage, RECENT_KEY, JSON.stringify(recent)), [recent]);

  const remember = (entry: Omit<RecentScan, 'at'>) =>
    setRecent((list) => pushRecentScan(list, { ...entry, at: new Date().toISOString() }));
  const focusScan = () => input.current?.focus();

  async function lookUp(vehicleId: string) {
    setBusy(true);
    setLookupError(null);
    setFeedback(null);
    try {
      const found = await getBuildSheet(vehicleId);
      setSheet(found);
      remember({ vehicleId: found.vehicleId, recorded: null, error: null, vin: found.vin });
    } catch (err) {
      setSheet(null);
      setLookupError(err);
      remember({ vehicleId, recorded: null, error: err instanceof ApiError ? err.code : 'error', vin: null });
    } finally {
      setBusy(false);
      focusScan();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const vehicleId = normalizeScan(text);
    setInvalid(vehicleId === undefined);
    if (!vehicleId) return;
    // Ready for the next scan: the car stays on screen, the field is empty again.
    setText('');
    void lookUp(vehicleId);
  }

  async function record(step: Step, result: 'pass' | 'fail' | null, defects: DefectRow[] = []) {
    if (!sheet) return;
    setBusy(true);
    setFeedback(null);
    try {
      const progress = await recordStep(sheet.vehicleId, {
        step,
        ...(result ? { result } : {}),
        ...(defects.length > 0 ? { defects } : {}),
      });
      setSheet(withProgress(sheet, progress));
      setFeedback({ kind: 'recorded', step, result, vehicleId: sheet.vehicleId, vin: progress.vin });
      remember({ vehicleId: sheet.vehicleId, recorded: { step, result }, error: null, vin: progress.vin });
    } catch (err) {
      setFeedback({ kind: 'error', error: err });
      remember({
        vehicleId: sheet.vehicleId,
        recorded: null,
        error: err instanceof ApiError ? err.code : 'error',
        vin: sheet.vin,
      });
      // The plant said where the car really is: show that (unless another car was scanned since).
      getBuildSheet(sheet.vehicleId).then(
        (fresh) => setSheet((shown) => (shown?.vehicleId === fresh.vehicleId ? fresh : shown)),
        () => undefined,
      );
    } finally {
      setBusy(false);
      focusScan();
    }
  }

  return (
    <Page title={t('factory.station.title')} intro={t('factory.station.intro')}>
      <div className="fw-station" data-testid="station-page">
        <div className="fw-station-bar">
          <div className="field">
            <label htmlFor={`${inputId}-station`}>{t('factory.station.station')}</label>
            <select
              id={`${inputId}-station`}
              value={station}
              onChange={(e) => {
                if (isStation(e.target.value)) setStation(e.target.value);
                focusScan();
              }}
            >
              {STATIONS.map((s) => (
                <option key={s} value={s}>
                  {s === 'auto' ? t('factory.station.auto') : t(`production.step.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>

        <form className="fw-scan" onSubmit={submit} data-testid="station-scan">
          <label htmlFor={inputId}>{t('factory.station.scan')}</label>
          <div className="fw-scan-row">
            <input
              id={inputId}
              ref={input}
              // A scanner types and presses Enter: no autocorrection, no suggestions.
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="go"
              // biome-ignore lint/a11y/noAutofocus: the tablet's only job is to take the next scan
              autoFocus
              aria-describedby={`${inputId}-hint`}
              aria-invalid={invalid}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button button-primary button-large" disabled={busy}>
              {t('factory.station.lookUp')}
            </button>
          </div>
          <p id={`${inputId}-hint`} className="hint">
            {invalid ? t('factory.station.invalidScan') : t('factory.station.scanHint')}
          </p>
        </form>

        {lookupError !== null && <ErrorAlert error={lookupError} />}
        {feedback?.kind === 'recorded' && (
          <div className="alert alert-success fw-feedback" role="status" data-testid="station-recorded">
            <p>
              {t('factory.station.recorded', {
                vehicleId: feedback.vehicleId,
                step: stepText(t, feedback.step, feedback.result),
              })}
            </p>
            {feedback.step === 'body' && feedback.vin && (
              <p>{t('factory.station.vinAssigned', { vin: feedback.vin })}</p>
            )}
          </div>
        )}
        {feedback?.kind === 'error' && <StepError error={feedback.error} />}

        {sheet && (
          <CarCard
            key={sheet.vehicleId}
            sheet={sheet}
            station={station}
            busy={busy}
            onRecord={(step, result, defects) => void record(step, result, defects)}
          />
        )}

        <RecentScans recent={recent} />
      </div>
    </Page>
  );
}

type TFn = ReturnType<typeof useI18n>['t'];

function stepText(t: TFn, step: Step, result: 'pass' | 'fail' | null): string {
  if (step === 'qc' && result)
    return t(result === 'pass' ? 'factory.station.qcPassed' : 'factory.station.qcFailed');
  return t(`production.step.${step}`);
}

/** An out-of-order step says where the car is and what comes next; anything else as usual. */
function StepError({ error }: { error: unknown }) {
  const { t } = useI18n();
  const current = problemMember(error, 'currentStep');
  const allowed = problemMember(error, 'allowed');
  const stateKey = `production.state.${String(current)}`;
  if (typeof current !== 'string' || !isMessageKey(stateKey)) return <ErrorAlert error={error} />;
  const next = Array.isArray(allowed)
    ? allowed
        .map((s) => `production.step.${String(s)}`)
        .filter(isMessageKey)
        .map((key) => t(key))
    : [];
  return (
    <div className="alert alert-error fw-feedback" role="alert" data-testid="station-error">
      <p>
        <strong>{t(errorMessageKey(error))}</strong>
      </p>
      <p>
        {t('factory.station.currentStep', { state: t(stateKey) })}{' '}
        {next.length > 0
          ? t('factory.station.nextStepIs', { steps: next.join(t('factory.list.or')) })
          : t('factory.station.noNextStep')}
      </p>
    </div>
  );
}

function CarCard({
  sheet,
  station,
  busy,
  onRecord,
}: {
  sheet: BuildSheet;
  station: Station;
  busy: boolean;
  onRecord: (step: Step, result: 'pass' | 'fail' | null, defects?: DefectRow[]) => void;
}) {
  const { t, locale } = useI18n();
  const labels = useCatalogLabels([sheet.modelLine], locale);
  const actions = stepActions(sheet, station);
  const [failing, setFailing] = useState(false);
  const swatch = labels.swatch(sheet.colour);
  const next = sheet.nextSteps.map((s) => t(`production.step.${s}`)).join(t('factory.list.or'));
  return (
    <section className="card fw-car" aria-labelledby="car-title" data-testid="station-car">
      <h2 id="car-title" className="fw-car-id">
        {sheet.vehicleId}
      </h2>
      <div className="fw-car-grid">
        <DetailsList
          items={[
            { label: t('factory.car.modelLine'), value: labels.modelLine(sheet.modelLine) },
            {
              label: t('factory.car.colour'),
              value: (
                <span className="fw-colour">
                  <span
                    className="fw-colour-dot"
                    style={swatch ? { background: swatch } : undefined}
                    aria-hidden="true"
                  />
                  {labels.option(sheet.colour)}
                </span>
              ),
            },
            {
              label: t('factory.car.keyOptions'),
              value:
                sheet.lineRules.length === 0 ? (
                  t('factory.car.noKeyOptions')
                ) : (
                  <span className="chips">
                    {sheet.lineRules.map((r) => (
                      <span key={r.id} className="chip">
                        {pickLocalized(r.name, locale)}
                      </span>
                    ))}
                  </span>
                ),
            },
            {
              label: t('factory.car.state'),
              value: <strong data-testid="car-state">{stateText(t, sheet.state, sheet.status)}</strong>,
            },
            {
              label: t('factory.car.vin'),
              value: sheet.vin ? <code data-testid="car-vin">{sheet.vin}</code> : t('factory.car.vinPending'),
            },
            { label: t('factory.car.nextStep'), value: next || t('factory.station.noNextStep') },
            {
              label: t('factory.car.productionDay'),
              value: sheet.productionDay
                ? t('factory.car.dayAndPosition', {
                    day: sheet.productionDay,
                    position: sheet.sequencePosition ?? '—',
                  })
                : undefined,
            },
            { label: t('factory.car.deliveryDate'), value: sheet.deliveryDate },
          ]}
        />
      </div>

      {actions.length > 0 && !failing && (
        <div className="fw-step-actions">
          {actions.map((a) => (
            <StepButton
              key={actionKey(a)}
              action={a}
              busy={busy}
              onRecord={onRecord}
              onFail={() => setFailing(true)}
            />
          ))}
          {actions.some((a) => !a.expected) && (
            <p className="hint">
              {t('factory.station.notExpected', { steps: next || t('factory.station.noNextStep') })}
            </p>
          )}
        </div>
      )}
      {failing && (
        <DefectForm
          busy={busy}
          onCancel={() => setFailing(false)}
          onSubmit={(defects) => {
            setFailing(false);
            onRecord('qc', 'fail', defects);
          }}
        />
      )}

      <details className="fw-collapsible">
        <summary>{t('factory.car.allOptions')}</summary>
        <DetailsList
          items={Object.entries(sheet.selection)
            .filter(([family, option]) => option !== `${family}:none`)
            .map(([family, option]) => ({ label: labels.family(family), value: labels.option(option) }))}
        />
      </details>
    </section>
  );
}

function stateText(t: TFn, state: StepState, status: BuildSheet['status']): string {
  return status === 'cancelled' ? t('factory.car.cancelled') : t(`production.state.${state}`);
}

const actionKey = (a: StepAction) => (a.kind === 'step' ? a.step : a.kind);

function StepButton({
  action,
  busy,
  onRecord,
  onFail,
}: {
  action: StepAction;
  busy: boolean;
  onRecord: (step: Step, result: 'pass' | 'fail' | null) => void;
  onFail: () => void;
}) {
  const { t } = useI18n();
  if (action.kind === 'qc_pass') {
    return (
      <button
        type="button"
        className="button fw-step fw-step-pass"
        disabled={busy}
        onClick={() => onRecord('qc', 'pass')}
      >
        {t('factory.station.qcPass')}
      </button>
    );
  }
  if (action.kind === 'qc_fail') {
    return (
      <button type="button" className="button fw-step fw-step-fail" disabled={busy} onClick={onFail}>
        {t('factory.station.qcFail')}
      </button>
    );
  }
  return (
    <button
      type="button"
      className={`button fw-step${action.expected ? ' button-primary' : ''}`}
      disabled={busy}
      onClick={() => onRecord(action.step, null)}
    >
      {t('factory.station.record', { step: t(`production.step.${action.step}`) })}
    </button>
  );
}

function DefectForm({
  busy,
  onSubmit,
  onCancel,
}: {
  busy: boolean;
  onSubmit: (defects: DefectRow[]) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState<DefectRow[]>([EMPTY_DEFECT]);
  const [tried, setTried] = useState(false);
  const checked = defectsToSend(rows);
  const set = (i: number, field: keyof DefectRow, value: string) =>
    setRows((all) => all.map((r, k) => (k === i ? { ...r, [field]: value } : r)));
  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (checked.ok) onSubmit(checked.defects);
  }
  return (
    <form className="form fw-defects" onSubmit={submit} aria-label={t('factory.station.defects')}>
      <h3>{t('factory.station.defects')}</h3>
      <p className="muted">{t('factory.station.defectsIntro')}</p>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div key={i} className="form-grid fw-defect-row">
          <div className="field">
            <label htmlFor={`defect-code-${i}`}>{t('factory.station.defectCode', { n: i + 1 })}</label>
            <input
              id={`defect-code-${i}`}
              maxLength={40}
              autoComplete="off"
              value={row.code}
              onChange={(e) => set(i, 'code', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`defect-text-${i}`}>{t('factory.station.defectDescription', { n: i + 1 })}</label>
            <input
              id={`defect-text-${i}`}
              maxLength={500}
              value={row.description}
              onChange={(e) => set(i, 'description', e.target.value)}
            />
          </div>
        </div>
      ))}
      {tried && !checked.ok && (
        <p className="alert alert-error" role="alert">
          {t('factory.station.defectsInvalid')}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button-large"
          onClick={() => setRows((r) => [...r, EMPTY_DEFECT])}
        >
          {t('factory.station.addDefect')}
        </button>
        <button type="submit" className="button button-danger button-large" disabled={busy}>
          {t('factory.station.submitFail')}
        </button>
        <button type="button" className="button button-ghost button-large" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function RecentScans({ recent }: { recent: RecentScan[] }) {
  const { t, locale } = useI18n();
  if (recent.length === 0) return null;
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
      new Date(iso),
    );
  return (
    <section className="section fw-section" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('factory.station.recent')}</h2>
      <ol className="fw-recent" data-testid="recent-scans">
        {recent.map((scan) => {
          const problemKey = scan.error ? `problem.${scan.error}` : null;
          return (
            <li key={`${scan.at}-${scan.vehicleId}`} className={scan.error ? 'fw-recent-error' : undefined}>
              <span className="muted small">{time(scan.at)}</span>
              <code>{scan.vehicleId}</code>
              <span>
                {scan.recorded
                  ? stepText(t, scan.recorded.step, scan.recorded.result)
                  : scan.error
                    ? problemKey && isMessageKey(problemKey)
                      ? t(problemKey)
                      : t('error.unknown')
                    : t('factory.station.lookedUp')}
              </span>
              {scan.vin && <code className="small">{scan.vin}</code>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
