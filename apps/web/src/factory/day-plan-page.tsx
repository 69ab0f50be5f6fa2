import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime } from '../ui/format.ts';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { Page } from '../ui/page.tsx';
import { useApi } from '../ui/use-api.ts';
import { type CatalogLabels, useCatalogLabels } from './catalog-labels.ts';
import { DayCallOffs } from './day-call-offs.tsx';
import { dayLabel } from './day-label.ts';
import { canEditPlan } from './factory-roles.ts';
import { isIsoDate } from './iso-date.ts';
import {
  type DayPlan,
  freezeDay,
  getDayPlan,
  type Line,
  listLines,
  type MoveResult,
  moveVehicle,
  type PlannedVehicle,
} from './production-api.ts';
import { reasonsOf, reasonText } from './reason-text.ts';
import { SequencePanel } from './sequence-panel.tsx';
import './factory.css';

type Loaded = { plan: DayPlan; line: Line | undefined };

/** One production day of a line: its cars in line order, sequencing, freezing, and its call-offs once frozen. */
export function DayPlanPage() {
  const { lineId = '', day = '' } = useParams();
  const { t } = useI18n();
  const valid = isIsoDate(day);
  const loaded = useApi<Loaded>(async () => {
    const [plan, lines] = await Promise.all([getDayPlan(lineId, day), listLines()]);
    return { plan, line: lines.find((l) => l.id === lineId) };
  }, [lineId, day]);
  if (!valid) return <NotFoundPage home="/factory" />;
  if (loaded.status === 'error' && loaded.error instanceof ApiError && loaded.error.status === 404) {
    return <NotFoundPage home="/factory" />;
  }
  return (
    <Page title={t('factory.dayPlan.title', { day: dayLabel(t, day) })}>
      <AsyncView value={loaded} onRetry={loaded.reload}>
        {(data) => <DayPlanView plan={data.plan} line={data.line} reload={loaded.reload} />}
      </AsyncView>
    </Page>
  );
}

function DayPlanView({ plan, line, reload }: { plan: DayPlan; line: Line | undefined; reload: () => void }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const editable = canEditPlan(user?.role ?? null);
  const frozen = plan.frozenAt !== null;
  const labels = useCatalogLabels(line?.modelLines ?? plan.vehicles.map((v) => v.modelLine), locale);
  const ruleNames = new Map(plan.optionLoads.map((l) => [l.rule.code, pickLocalized(l.rule.name, locale)]));
  const ruleName = (code: string) => ruleNames.get(code) ?? code;
  const [moved, setMoved] = useState<{ vehicleId: string; from: PlannedVehicle; result: MoveResult } | null>(
    null,
  );
  const active = plan.vehicles.filter((v) => v.status === 'active');

  return (
    <div data-testid="day-plan">
      <p>
        <Link to={`/factory?line=${encodeURIComponent(plan.lineId)}`}>
          ← {line ? `${line.code} · ${pickLocalized(line.name, locale)}` : t('factory.nav.planning')}
        </Link>
      </p>

      {frozen && plan.frozenAt && (
        <p className="alert alert-success" role="status" data-testid="day-frozen">
          {t('factory.dayPlan.frozenAt', { at: formatDateTime(locale, plan.frozenAt) })}
        </p>
      )}
      {!plan.working && <p className="alert alert-error">{t('factory.dayPlan.notWorking')}</p>}

      <ul className="stats">
        <li className="card stat">
          <span className="stat-value">
            {plan.reserved}/{plan.capacity}
          </span>
          <span className="stat-label">{t('factory.dayPlan.load')}</span>
        </li>
        <li className="card stat">
          <span className="stat-value">
            {frozen
              ? t('factory.dayKind.frozen')
              : plan.needsSequencing
                ? t('factory.dayPlan.needsSequencing')
                : active.length > 0
                  ? t('factory.dayPlan.sequenced')
                  : '—'}
          </span>
          <span className="stat-label">{t('factory.day.status')}</span>
        </li>
        <li className="card stat">
          <span className="stat-value">
            {plan.insideHorizon ? t('factory.dayPlan.insideHorizon') : t('factory.dayPlan.open')}
          </span>
          <span className="stat-label">{t('factory.dayPlan.horizon')}</span>
        </li>
      </ul>

      {plan.optionLoads.length > 0 && (
        <details className="card fw-collapsible">
          <summary>{t('factory.day.optionLimits')}</summary>
          <ul className="fw-loads">
            {plan.optionLoads.map((load) => (
              <li key={load.rule.id}>
                <span>
                  {pickLocalized(load.rule.name, locale)}{' '}
                  <span className="muted small">
                    {t('factory.rule.ratio', { n: load.rule.n, p: load.rule.p })} ·{' '}
                    {t(`factory.rule.priority.${load.rule.priority}`)}
                  </span>
                </span>
                <span className={load.reserved >= load.maxCars ? 'fw-warn' : undefined}>
                  {load.reserved}/{load.maxCars}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}

      {moved && <MoveOutcome moved={moved} onDismiss={() => setMoved(null)} />}

      <section className="section fw-section" aria-labelledby="cars-title">
        <h2 id="cars-title">{t('factory.dayPlan.cars', { count: active.length })}</h2>
        {active.length === 0 ? (
          <p className="empty">{t('factory.dayPlan.noCars')}</p>
        ) : (
          <VehiclesTable
            vehicles={plan.vehicles}
            labels={labels}
            ruleName={ruleName}
            canMove={editable && !frozen}
            onMoved={(from, result) => {
              setMoved({ vehicleId: from.vehicleId, from, result });
              reload();
            }}
          />
        )}
      </section>

      {active.length > 0 && !frozen && (editable || plan.latestRun) && (
        <section className="section fw-section" aria-labelledby="sequence-title">
          <h2 id="sequence-title">{t('factory.sequence.title')}</h2>
          <p className="muted">{t('factory.sequence.intro')}</p>
          <SequencePanel
            lineId={plan.lineId}
            day={plan.day}
            latestRun={plan.latestRun}
            vehicles={plan.vehicles}
            editable={editable}
            labels={labels}
            onFinished={reload}
          />
        </section>
      )}
      {frozen && plan.latestRun?.result && (
        <section className="section fw-section" aria-labelledby="sequence-title">
          <h2 id="sequence-title">{t('factory.sequence.title')}</h2>
          <SequencePanel
            lineId={plan.lineId}
            day={plan.day}
            latestRun={plan.latestRun}
            vehicles={plan.vehicles}
            editable={false}
            labels={labels}
            onFinished={reload}
          />
        </section>
      )}

      {editable && !frozen && active.length > 0 && <FreezePanel plan={plan} onFrozen={reload} />}

      {frozen && (
        <section className="section fw-section" aria-labelledby="calloffs-title">
          <h2 id="calloffs-title">{t('factory.callOffs.title')}</h2>
          <DayCallOffs lineId={plan.lineId} day={plan.day} />
        </section>
      )}
    </div>
  );
}

function VehiclesTable({
  vehicles,
  labels,
  ruleName,
  canMove,
  onMoved,
}: {
  vehicles: PlannedVehicle[];
  labels: CatalogLabels;
  ruleName: (code: string) => string;
  canMove: boolean;
  onMoved: (from: PlannedVehicle, result: MoveResult) => void;
}) {
  const { t } = useI18n();
  const [moving, setMoving] = useState<string | null>(null);
  return (
    <div className="table-wrap">
      <table className="data-table fw-cars" data-testid="day-cars">
        <caption className="visually-hidden">{t('factory.dayPlan.carsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('factory.car.position')}</th>
            <th scope="col">{t('factory.car.vehicleId')}</th>
            <th scope="col">{t('factory.car.modelLine')}</th>
            <th scope="col">{t('factory.car.colour')}</th>
            <th scope="col">{t('factory.car.options')}</th>
            <th scope="col">{t('factory.car.deliveryDate')}</th>
            <th scope="col">{t('factory.car.state')}</th>
            {canMove && <th scope="col">{t('field.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {vehicles.map((v) => {
            const swatch = labels.swatch(v.colour);
            return (
              <tr key={v.vehicleId} className={v.status === 'cancelled' ? 'fw-inactive' : undefined}>
                <td data-label={t('factory.car.position')}>{v.sequencePosition ?? '—'}</td>
                <td data-label={t('factory.car.vehicleId')}>
                  <code>{v.vehicleId}</code>
                </td>
                <td data-label={t('factory.car.modelLine')}>{labels.modelLine(v.modelLine)}</td>
                <td data-label={t('factory.car.colour')}>
                  <span className="fw-colour">
                    <span
                      className="fw-colour-dot"
                      style={swatch ? { background: swatch } : undefined}
                      aria-hidden="true"
                    />
                    {labels.option(v.colour)}
                  </span>
                </td>
                <td data-label={t('factory.car.options')}>
                  {v.ruleCodes.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <span className="chips">
                      {v.ruleCodes.map((code) => (
                        <span key={code} className="chip">
                          {ruleName(code)}
                        </span>
                      ))}
                    </span>
                  )}
                </td>
                <td data-label={t('factory.car.deliveryDate')}>{v.deliveryDate ?? '—'}</td>
                <td data-label={t('factory.car.state')}>
                  {v.status === 'cancelled' ? t('factory.car.cancelled') : t(`production.state.${v.state}`)}
                </td>
                {canMove && (
                  <td data-label={t('field.actions')}>
                    {v.status === 'active' &&
                      v.state === 'planned' &&
                      (moving === v.vehicleId ? (
                        <MoveForm
                          vehicle={v}
                          onCancel={() => setMoving(null)}
                          onMoved={(result) => {
                            setMoving(null);
                            onMoved(v, result);
                          }}
                        />
                      ) : (
                        <button type="button" className="button" onClick={() => setMoving(v.vehicleId)}>
                          {t('factory.move.action')}
                        </button>
                      ))}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function MoveForm({
  vehicle,
  onMoved,
  onCancel,
}: {
  vehicle: PlannedVehicle;
  onMoved: (result: MoveResult) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [date, setDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const reasons = reasonsOf(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onMoved(await moveVehicle(vehicle.vehicleId, date));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="fw-move"
      onSubmit={submit}
      aria-label={t('factory.move.title', { vehicleId: vehicle.vehicleId })}
    >
      <div className="field">
        <label htmlFor={`move-${vehicle.vehicleId}`}>{t('factory.move.day')}</label>
        <input
          id={`move-${vehicle.vehicleId}`}
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {reasons.length > 0 && (
        <ul className="fw-reasons">
          {reasons.map((r) => (
            <li key={JSON.stringify(r)}>{reasonText(t, locale, r)}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('factory.move.submit')}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

/** What a move did: the new production day, and the delivery date (re-promised or kept). */
function MoveOutcome({
  moved,
  onDismiss,
}: {
  moved: { vehicleId: string; from: PlannedVehicle; result: MoveResult };
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  const v = moved.result.vehicle;
  return (
    <div className="alert alert-success" role="status" data-testid="move-outcome">
      <p>
        {t('factory.move.done', {
          vehicleId: moved.vehicleId,
          day: v.productionDay ? dayLabel(t, v.productionDay) : '—',
        })}
      </p>
      <p>
        {moved.result.repromised
          ? t('factory.move.repromised', { from: moved.from.deliveryDate ?? '—', to: v.deliveryDate ?? '—' })
          : t('factory.move.kept', { date: v.deliveryDate ?? '—' })}
      </p>
      <button type="button" className="button button-ghost" onClick={onDismiss}>
        {t('factory.move.dismiss')}
      </button>
    </div>
  );
}

/** Freezing asks first: afterwards the plan and sequence cannot change and the call-offs go out. */
function FreezePanel({ plan, onFrozen }: { plan: DayPlan; onFrozen: () => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function freeze() {
    setBusy(true);
    setError(null);
    try {
      await freezeDay(plan.lineId, plan.day);
      setConfirming(false);
      onFrozen();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section fw-section" aria-labelledby="freeze-title">
      <h2 id="freeze-title">{t('factory.freeze.title')}</h2>
      <p className="muted">{t('factory.freeze.intro')}</p>
      {plan.needsSequencing && <p className="alert alert-error">{t('factory.freeze.notSequenced')}</p>}
      {error !== null && <ErrorAlert error={error} />}
      {confirming ? (
        <div className="card fw-confirm" role="alertdialog" aria-labelledby="freeze-confirm">
          <p id="freeze-confirm">
            {t('factory.freeze.confirmText', { day: plan.day, count: plan.reserved })}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => void freeze()}
            >
              {t('factory.freeze.confirm')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
              {t('action.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button-large" onClick={() => setConfirming(true)}>
          {t('factory.freeze.action')}
        </button>
      )}
    </section>
  );
}
