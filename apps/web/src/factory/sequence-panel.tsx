import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { TextField } from '../ui/text-field.tsx';
import type { CatalogLabels } from './catalog-labels.ts';
import type { PlannedVehicle } from './production-api.ts';
import { getSequenceRun, startSequenceRun } from './production-api.ts';
import {
  formatScore,
  improvementPercent,
  isFinished,
  orderMoves,
  POLL_MS,
  runProgress,
  type SequenceRun,
  trendOf,
  violationRows,
} from './sequence-run.ts';

/** Asks for the run until it is done or failed; `onFinished` once, with the final run. */
function useWatchedRun(initial: SequenceRun | null, onFinished: (run: SequenceRun) => void) {
  const [run, setRun] = useState<SequenceRun | null>(initial);
  const [pollError, setPollError] = useState<unknown>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    if (!run || isFinished(run)) return;
    let current = true;
    const timer = setTimeout(() => {
      getSequenceRun(run.id).then(
        (next) => {
          if (!current) return;
          setPollError(null);
          setRun(next);
          if (isFinished(next)) finished.current(next);
        },
        (err: unknown) => {
          if (!current) return;
          // A lost answer is not a lost run: show it, and ask again (a new object re-runs the effect).
          setPollError(err);
          setRun((r) => (r ? { ...r } : r));
        },
      );
    }, POLL_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [run]);

  return { run, setRun, pollError };
}

/**
 * "Sequence this day": seconds and seed, the background run with a live progress bar, then
 * the result. A run already going when the page opens is watched too.
 */
export function SequencePanel({
  lineId,
  day,
  latestRun,
  vehicles,
  editable,
  labels,
  onFinished,
}: {
  lineId: string;
  day: string;
  latestRun: SequenceRun | null;
  vehicles: PlannedVehicle[];
  editable: boolean;
  labels: CatalogLabels;
  onFinished: () => void;
}) {
  const { t } = useI18n();
  const [seconds, setSeconds] = useState('10');
  const [seed, setSeed] = useState('1');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The order the run started from, to show where each car came from.
  const [before, setBefore] = useState<string[] | null>(null);
  const { run, setRun, pollError } = useWatchedRun(latestRun, () => onFinished());
  const running = run !== null && !isFinished(run);

  async function start(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const started = await startSequenceRun(lineId, day, { seconds: Number(seconds), seed: Number(seed) });
      setBefore(vehicles.map((v) => v.vehicleId));
      setRun(started);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="fw-sequence" data-testid="sequence-panel">
      {editable && (
        <form className="fw-inline-form form-grid" onSubmit={start} aria-label={t('factory.sequence.title')}>
          <TextField
            label={t('factory.sequence.seconds')}
            hint={t('factory.sequence.seconds.hint')}
            type="number"
            min={1}
            max={300}
            required
            value={seconds}
            onValue={setSeconds}
          />
          <TextField
            label={t('factory.sequence.seed')}
            hint={t('factory.sequence.seed.hint')}
            type="number"
            min={0}
            max={2147483647}
            required
            value={seed}
            onValue={setSeed}
          />
          <div className="field fw-field-end">
            <button type="submit" className="button button-primary button-large" disabled={busy || running}>
              {t('factory.sequence.start')}
            </button>
          </div>
        </form>
      )}
      {error !== null && <ErrorAlert error={error} />}
      {run && <RunView run={run} before={before} vehicles={vehicles} labels={labels} />}
      {pollError !== null && running && <ErrorAlert error={pollError} />}
      {!run && <p className="muted">{t('factory.sequence.never')}</p>}
    </div>
  );
}

function RunView({
  run,
  before,
  vehicles,
  labels,
}: {
  run: SequenceRun;
  before: string[] | null;
  vehicles: PlannedVehicle[];
  labels: CatalogLabels;
}) {
  const { t, locale } = useI18n();
  const progress = runProgress(run);
  const score = (n: number) => formatScore(locale, n);
  return (
    <div className="fw-run" data-testid="sequence-run">
      {!isFinished(run) && (
        <div className="fw-progress" aria-live="polite">
          <p>
            <strong>{t(`factory.sequence.status.${run.status}`)}</strong>{' '}
            <span className="muted">
              {t('factory.sequence.runOf', { seconds: run.seconds, seed: run.seed })}
            </span>
          </p>
          <div
            className={`fw-progress-bar${progress.percent === null ? ' fw-progress-waiting' : ''}`}
            role="progressbar"
            aria-label={t('factory.sequence.progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            {...(progress.percent !== null ? { 'aria-valuenow': progress.percent } : {})}
          >
            <span style={{ width: `${progress.percent ?? 100}%` }} />
          </div>
          <p className="small" data-testid="sequence-progress">
            {t('factory.sequence.progressFigures', {
              percent: progress.percent ?? 0,
              iterations: score(progress.iterations),
              seconds: progress.seconds.toFixed(1),
            })}
            {progress.bestScore !== null && progress.components && (
              <>
                {' · '}
                {t('factory.sequence.bestScore', {
                  score: score(progress.bestScore),
                  hprc: progress.components.hprc,
                  pcc: progress.components.pcc,
                  lprc: progress.components.lprc,
                })}
              </>
            )}
          </p>
        </div>
      )}
      {run.status === 'failed' && (
        <div className="alert alert-error" role="alert">
          <p>{t('factory.sequence.failed')}</p>
          {run.error && <p className="small">{run.error}</p>}
        </div>
      )}
      {run.status === 'done' && run.result && (
        <RunResultView run={run} before={before} vehicles={vehicles} labels={labels} />
      )}
    </div>
  );
}

function RunResultView({
  run,
  before,
  vehicles,
  labels,
}: {
  run: SequenceRun;
  before: string[] | null;
  vehicles: PlannedVehicle[];
  labels: CatalogLabels;
}) {
  const { t, locale } = useI18n();
  const result = run.result;
  if (!result) return null;
  const score = (n: number) => formatScore(locale, n);
  const rows = violationRows(result);
  const byId = new Map(vehicles.map((v) => [v.vehicleId, v]));
  const moves = orderMoves(before ?? [], result.order);
  const c = result.components;
  return (
    <section className="fw-result" aria-labelledby="run-result-title" data-testid="sequence-result">
      <h3 id="run-result-title">{t('factory.sequence.result')}</h3>
      <p className="muted small">
        {t('factory.sequence.runOf', { seconds: run.seconds, seed: run.seed })}
        {run.finishedAt && ` · ${new Date(run.finishedAt).toLocaleString(locale)}`}
      </p>
      {!result.applied && (
        <p className="alert alert-error" role="alert">
          {t(
            result.notApplied === 'day_frozen'
              ? 'factory.sequence.notApplied.day_frozen'
              : 'factory.sequence.notApplied.plan_changed',
          )}
        </p>
      )}
      <ul className="stats fw-objective">
        <li className="card stat">
          <span className="stat-value">{score(result.objective.before)}</span>
          <span className="stat-label">{t('factory.sequence.objectiveBefore')}</span>
        </li>
        <li className="card stat">
          <span className="stat-value">{score(result.objective.after)}</span>
          <span className="stat-label">{t('factory.sequence.objectiveAfter')}</span>
        </li>
        <li className="card stat">
          <span className="stat-value">
            {t('factory.sequence.improvementValue', {
              percent: improvementPercent(result.objective.before, result.objective.after),
            })}
          </span>
          <span className="stat-label">{t('factory.sequence.improvement')}</span>
        </li>
      </ul>
      <p className="small muted">
        {t('factory.sequence.components', {
          hprcBefore: c.before.hprc,
          hprcAfter: c.after.hprc,
          pccBefore: c.before.pcc,
          pccAfter: c.after.pcc,
          lprcBefore: c.before.lprc,
          lprcAfter: c.after.lprc,
        })}
      </p>

      <h4>{t('factory.sequence.violations')}</h4>
      <div className="table-wrap">
        <table className="data-table" data-testid="violations-table">
          <caption className="visually-hidden">{t('factory.sequence.violations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('factory.sequence.constraint')}</th>
              <th scope="col">{t('factory.sequence.limit')}</th>
              <th scope="col">{t('factory.sequence.before')}</th>
              <th scope="col">{t('factory.sequence.after')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const trend = trendOf(row);
              return (
                <tr key={row.key} className={`fw-trend-${trend}`}>
                  <th scope="row" data-label={t('factory.sequence.constraint')}>
                    {row.kind === 'rule' && (
                      <>
                        {pickLocalized(row.name, locale)}{' '}
                        <span className={row.priority === 'high' ? 'badge badge-warn' : 'badge badge-muted'}>
                          {t(`factory.rule.priority.${row.priority}`)}
                        </span>
                      </>
                    )}
                    {row.kind === 'colour_changes' && t('factory.sequence.colourChanges')}
                    {row.kind === 'batch_limit' && t('factory.sequence.batchLimit')}
                  </th>
                  <td data-label={t('factory.sequence.limit')}>
                    {row.kind === 'rule' && t('factory.rule.ratio', { n: row.n, p: row.p })}
                    {row.kind === 'colour_changes' && '—'}
                    {row.kind === 'batch_limit' &&
                      t('factory.sequence.batchLimitValue', { limit: row.limit })}
                  </td>
                  <td data-label={t('factory.sequence.before')}>
                    {row.kind === 'batch_limit'
                      ? t(
                          row.keptBefore
                            ? 'factory.sequence.longestRunKept'
                            : 'factory.sequence.longestRunBroken',
                          {
                            cars: row.before,
                          },
                        )
                      : row.before}
                  </td>
                  <td data-label={t('factory.sequence.after')}>
                    {row.kind === 'batch_limit'
                      ? t(
                          row.keptAfter
                            ? 'factory.sequence.longestRunKept'
                            : 'factory.sequence.longestRunBroken',
                          {
                            cars: row.after,
                          },
                        )
                      : row.after}{' '}
                    {trend !== 'same' && (
                      <span className="visually-hidden">{t(`factory.sequence.trend.${trend}`)}</span>
                    )}
                    {trend === 'better' && <span aria-hidden="true">↓</span>}
                    {trend === 'worse' && <span aria-hidden="true">↑</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h4>{t('factory.sequence.newOrder')}</h4>
      <ol className="fw-order" data-testid="new-order">
        {moves.map((m) => {
          const car = byId.get(m.vehicleId);
          const swatch = car ? labels.swatch(car.colour) : undefined;
          return (
            <li key={m.vehicleId} title={car ? labels.option(car.colour) : undefined}>
              <span className="fw-order-pos">{m.to}</span>
              <span
                className="fw-colour-dot"
                style={swatch ? { background: swatch } : undefined}
                aria-hidden="true"
              />
              <span className="fw-order-id">{m.vehicleId}</span>
              {car && <span className="small muted">{labels.option(car.colour)}</span>}
              {m.from !== null && m.from !== m.to && (
                <span className="small muted">{t('factory.sequence.wasAt', { position: m.from })}</span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
