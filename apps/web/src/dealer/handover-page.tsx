import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { api, unwrap } from '../api/client.ts';
import type { ChecklistItem, Handover, Order, VehicleProgress } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { formatMoney } from '../orders/money.ts';
import { OrderStateBadge } from '../orders/order-views.tsx';
import { AsyncView, Spinner } from '../ui/async-view.tsx';
import { DetailsList } from '../ui/details-list.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime } from '../ui/format.ts';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { Page } from '../ui/page.tsx';
import { useApi } from '../ui/use-api.ts';
import {
  addDays,
  canBook,
  canCheck,
  dealerToday,
  handoverStage,
  type SlotBlock,
  slotGrid,
} from './handover-logic.ts';
import './handovers.css';

/** Days of availability shown at once (the server's default window). */
const WINDOW_DAYS = 14;

function StageSection({ order, handover }: { order: Order; handover: Handover | null }) {
  const { t, locale } = useI18n();
  const stage = handoverStage(order, handover);
  const balance = formatMoney(order.money.balance, order.money.currency, locale);
  const done = handover ? handover.checklist.filter((c) => c.checked).length : 0;
  return (
    <section className="card" aria-labelledby="handover-state-title">
      <h2 id="handover-state-title">{t('dealer.handover.section.state')}</h2>
      <p
        className={stage === 'waiting_acceptance' || stage === 'delivered' ? 'alert alert-success' : 'notice'}
      >
        <span data-testid="handover-stage" data-stage={stage}>
          {t(`dealer.handover.stage.${stage}`, { amount: balance })}
        </span>
      </p>
      <DetailsList
        items={[
          {
            label: t('dealer.handover.fact.customer'),
            value: (
              <>
                {order.customer.name}
                {order.customer.phone && (
                  <>
                    {' · '}
                    <a href={`tel:${order.customer.phone}`}>{order.customer.phone}</a>
                  </>
                )}
              </>
            ),
          },
          { label: t('field.status'), value: <OrderStateBadge state={order.state} /> },
          { label: t('dealer.handover.fact.vin'), value: order.vin && <code>{order.vin}</code> },
          {
            label: t('dealer.handover.fact.slot'),
            value: handover
              ? t('dealer.handovers.slot', {
                  day: handover.day,
                  slotStart: handover.slotStart,
                  slotEnd: handover.slotEnd,
                })
              : t('dealer.handovers.notBooked'),
          },
          {
            label: t('dealer.handover.fact.checklist'),
            value: handover
              ? t('dealer.handover.fact.checklistProgress', { done, total: handover.checklist.length })
              : null,
          },
          {
            label: t('dealer.handover.fact.balance'),
            value: order.money.balance > 0 ? balance : t('dealer.handovers.paid'),
          },
          {
            label: t('dealer.handover.fact.completedAt'),
            value: handover?.completedAt ? formatDateTime(locale, handover.completedAt) : null,
          },
          {
            label: t('dealer.handover.fact.keys'),
            value: handover?.keysHandedOver ? (
              <span data-testid="keys-handed-over">
                {t('dealer.handover.fact.keysBy', {
                  at: formatDateTime(locale, handover.keysHandedOver.at),
                  staff: handover.keysHandedOver.staffName,
                })}
              </span>
            ) : null,
          },
        ]}
      />
    </section>
  );
}

const BLOCK_KEYS = {
  full: 'dealer.handover.booking.block.full',
  closed: 'dealer.handover.booking.block.closed',
  current: 'dealer.handover.booking.block.current',
  started: 'dealer.handover.booking.block.started',
} as const satisfies Record<SlotBlock, string>;

function BookingSection({
  order,
  handover,
  onBooked,
}: {
  order: Order;
  handover: Handover | null;
  onBooked: () => void;
}) {
  const { t } = useI18n();
  const today = dealerToday(new Date());
  const [from, setFrom] = useState(today);
  const to = addDays(from, WINDOW_DAYS - 1);
  const availability = useApi(
    () => unwrap(api.GET('/dealer/handovers/availability', { params: { query: { from, to } } })),
    [from, to],
  );
  const [chosen, setChosen] = useState<{ day: string; slotStart: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [booked, setBooked] = useState<Handover | null>(null);
  const bookable = canBook(order, handover);

  const book = async () => {
    if (!chosen || saving) return;
    setSaving(true);
    setError(null);
    setBooked(null);
    try {
      const result = await unwrap(
        api.PUT('/dealer/handovers/{vehicleId}', {
          params: { path: { vehicleId: order.vehicleId } },
          body: chosen,
        }),
      );
      setBooked(result.handover);
      setChosen(null);
      availability.reload();
      onBooked();
    } catch (cause) {
      setError(cause);
      // A day that filled meanwhile shows as full after a fresh read.
      availability.reload();
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card" aria-labelledby="handover-booking-title" data-testid="handover-booking">
      <h2 id="handover-booking-title">{t('dealer.handover.section.booking')}</h2>
      {!bookable ? (
        <p className="muted">
          {order.state === 'delivered' || handover?.status === 'completed'
            ? t('dealer.handover.stage.delivered')
            : t('dealer.handover.booking.notYet')}
        </p>
      ) : (
        <>
          <p className="muted">{t('dealer.handover.booking.intro')}</p>
          <div className="actions">
            <button
              type="button"
              className="button button-ghost"
              onClick={() => setFrom(addDays(from, -WINDOW_DAYS))}
              disabled={from <= today}
            >
              {t('dealer.handover.booking.earlier')}
            </button>
            <span>{t('dealer.handover.booking.range', { from, to })}</span>
            <button
              type="button"
              className="button button-ghost"
              onClick={() => setFrom(addDays(from, WINDOW_DAYS))}
            >
              {t('dealer.handover.booking.later')}
            </button>
          </div>
          <AsyncView value={availability} onRetry={availability.reload}>
            {(data) => {
              const grid = slotGrid(data.items, handover);
              return (
                <div className="table-wrap">
                  <table className="data-table slot-grid" data-testid="slot-grid">
                    <caption className="visually-hidden">{t('dealer.handover.booking.grid')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('dealer.handover.booking.day')}</th>
                        {grid.times.map((time) => (
                          <th key={time} scope="col">
                            {time}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {grid.days.map((day) => (
                        <tr key={day.day} data-day={day.day} data-full={day.full || undefined}>
                          <th scope="row">
                            {day.day}
                            <br />
                            <span className="muted small">
                              {day.full
                                ? t('dealer.handover.booking.block.full')
                                : day.left === null
                                  ? t('dealer.handover.booking.unlimited')
                                  : t('dealer.handover.booking.left', { left: day.left })}
                            </span>
                          </th>
                          {day.cells.map((cell) => {
                            const label = t('dealer.handover.booking.slot', {
                              day: day.day,
                              slotStart: cell.slotStart,
                            });
                            if (cell.block === 'closed' || cell.block === 'started') {
                              const why = t(BLOCK_KEYS[cell.block]);
                              return (
                                <td
                                  key={cell.slotStart}
                                  className="muted"
                                  title={why}
                                  data-block={cell.block}
                                >
                                  <span aria-hidden="true">—</span>
                                  <span className="visually-hidden">{why}</span>
                                </td>
                              );
                            }
                            const selected = chosen?.day === day.day && chosen.slotStart === cell.slotStart;
                            const reason = cell.block ? t(BLOCK_KEYS[cell.block]) : undefined;
                            return (
                              <td key={cell.slotStart}>
                                <button
                                  type="button"
                                  className={`button${selected ? ' button-primary' : ''}${cell.block === 'current' ? ' button-light' : ''}`}
                                  aria-label={reason ? `${label} · ${reason}` : label}
                                  aria-pressed={selected}
                                  title={reason}
                                  disabled={cell.block !== null || saving}
                                  onClick={() => setChosen({ day: day.day, slotStart: cell.slotStart })}
                                >
                                  {cell.block === 'current' ? `✓ ${cell.slotStart}` : cell.slotStart}
                                </button>
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              );
            }}
          </AsyncView>
          <p aria-live="polite">
            {chosen
              ? t('dealer.handover.booking.selected', chosen)
              : t('dealer.handover.booking.chooseFirst')}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              onClick={book}
              disabled={!chosen || saving}
            >
              {saving
                ? t('dealer.handover.booking.saving')
                : handover?.status === 'booked'
                  ? t('dealer.handover.booking.move')
                  : t('dealer.handover.booking.book')}
            </button>
          </div>
        </>
      )}
      {booked && (
        <p className="alert alert-success" role="status" data-testid="handover-booked">
          {t('dealer.handover.booking.booked', {
            day: booked.day,
            slotStart: booked.slotStart,
            slotEnd: booked.slotEnd,
          })}
        </p>
      )}
      {error !== null &&
        (error instanceof ApiError && error.code === 'ordering.illegal_transition' ? (
          <p className="alert alert-error" role="alert">
            {t('dealer.handover.booking.notYet')}
          </p>
        ) : (
          <ErrorAlert error={error} showFields={false} />
        ))}
    </section>
  );
}

function ChecklistRow({
  vehicleId,
  entry,
  open,
  onSaved,
}: {
  vehicleId: string;
  entry: Handover['checklist'][number];
  open: boolean;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const label = t(`handover.checklist.${entry.item}`);
  // The box follows the click at once and the server's answer after it.
  const [pending, setPending] = useState<boolean | null>(null);
  const [note, setNote] = useState(entry.note ?? '');
  const [error, setError] = useState<unknown>(null);
  const checked = pending ?? entry.checked;

  const save = async (next: boolean) => {
    setPending(next);
    setError(null);
    try {
      const trimmed = note.trim();
      await unwrap(
        api.PUT('/dealer/handovers/{vehicleId}/checklist/{item}', {
          params: { path: { vehicleId, item: entry.item as ChecklistItem } },
          body: { checked: next, ...(trimmed ? { note: trimmed } : {}) },
        }),
      );
      onSaved();
    } catch (cause) {
      setError(cause);
      setPending(null);
    }
  };

  return (
    <li className="checklist-item" data-item={entry.item} data-checked={entry.checked || undefined}>
      <div className="field field-inline">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={!open || (pending !== null && pending !== entry.checked)}
          onChange={(e) => save(e.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {entry.checked && entry.checkedAt && (
        <p className="muted small">
          {t('dealer.handover.checklist.checkedAt', { at: formatDateTime(locale, entry.checkedAt) })}
          {entry.note && ` · ${t('dealer.handover.checklist.note')}: ${entry.note}`}
        </p>
      )}
      {open && !entry.checked && (
        <div className="field">
          <label htmlFor={`${id}-note`} className="visually-hidden">
            {t('dealer.handover.checklist.noteFor', { item: label })}
          </label>
          <input
            id={`${id}-note`}
            type="text"
            maxLength={500}
            placeholder={t('dealer.handover.checklist.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      )}
      {error !== null && <ErrorAlert error={error} showFields={false} />}
    </li>
  );
}

function ChecklistSection({
  order,
  handover,
  onSaved,
}: {
  order: Order;
  handover: Handover | null;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const open = canCheck(order, handover);
  return (
    <section className="card" aria-labelledby="handover-checklist-title" data-testid="handover-checklist">
      <h2 id="handover-checklist-title">{t('dealer.handover.section.checklist')}</h2>
      {!handover ? (
        <p className="muted">{t('dealer.handover.checklist.notBooked')}</p>
      ) : (
        <>
          {!open && <p className="muted">{t('dealer.handover.checklist.closed')}</p>}
          <ul className="checklist">
            {handover.checklist.map((entry) => (
              <ChecklistRow
                // A new answer from the server starts the row afresh (its pending tick is settled).
                key={`${entry.item}:${entry.checked}:${entry.checkedAt ?? ''}`}
                vehicleId={order.vehicleId}
                entry={entry}
                open={open}
                onSaved={onSaved}
              />
            ))}
          </ul>
          {handover.checklistComplete && (
            <p className="alert alert-success" data-testid="checklist-complete">
              {t('dealer.handover.checklist.complete')}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** The car's plant progress, as the dealer order carries it (null: no car at the plant). */
function ProgressSection({ vehicle: p }: { vehicle: VehicleProgress | null }) {
  const { t, locale } = useI18n();
  return (
    <section className="card" aria-labelledby="handover-progress-title" data-testid="handover-progress">
      <h2 id="handover-progress-title">{t('dealer.handover.section.progress')}</h2>
      {p === null ? (
        <p className="muted">{t('dealer.handover.progress.none')}</p>
      ) : (
        <>
          <DetailsList
            items={[
              {
                label: t('dealer.handover.progress.state'),
                value: <span data-testid="plant-state">{t(`production.state.${p.state}`)}</span>,
              },
              { label: t('dealer.handover.fact.vin'), value: p.vin && <code>{p.vin}</code> },
              { label: t('dealer.handover.progress.productionDay'), value: p.productionDay },
              { label: t('dealer.handover.progress.position'), value: p.sequencePosition },
              { label: t('dealer.handover.progress.deliveryDate'), value: p.deliveryDate },
            ]}
          />
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('dealer.handover.progress.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dealer.handover.progress.step')}</th>
                  <th scope="col">{t('dealer.handover.progress.estimated')}</th>
                  <th scope="col">{t('dealer.handover.progress.actual')}</th>
                </tr>
              </thead>
              <tbody>
                {p.steps.map((s) => {
                  const failedOnce = p.history.some((h) => h.step === s.step && h.result === 'fail');
                  return (
                    <tr key={s.step} data-step={s.step} data-done={s.actualAt ? true : undefined}>
                      <th scope="row">
                        {t(`production.step.${s.step}`)}
                        {failedOnce && ` ${t('dealer.handover.progress.qcFailed')}`}
                      </th>
                      <td data-label={t('dealer.handover.progress.estimated')}>
                        {s.estimatedAt ? formatDateTime(locale, s.estimatedAt) : '—'}
                      </td>
                      <td data-label={t('dealer.handover.progress.actual')}>
                        {s.actualAt ? formatDateTime(locale, s.actualAt) : '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/**
 * /dealer/handovers/:vehicleId: the hand-over of one of the own dealership's cars: where it
 * stands, the booking grid, the pre-delivery checklist and the car's plant progress. Another
 * dealer's car answers the not-found page (the server says 404).
 */
export function HandoverPage() {
  const { t, locale } = useI18n();
  const { vehicleId = '' } = useParams();
  const order = useApi(
    () => unwrap(api.GET('/dealer/orders/{id}', { params: { path: { id: vehicleId } } })),
    [vehicleId],
  );
  if (order.status === 'loading') return <Spinner />;
  if (order.status === 'error') {
    if (order.error instanceof ApiError && order.error.status === 404) {
      return <NotFoundPage home="/dealer/handovers" />;
    }
    return (
      <Page title={t('dealer.handovers.title')}>
        <ErrorAlert error={order.error} onRetry={order.reload} />
      </Page>
    );
  }
  const o = order.data;
  const handover = o.build.handover;
  return (
    <Page
      title={t('dealer.handover.title', { vehicleId: o.vehicleId })}
      intro={pickLocalized(o.modelLine.name, locale)}
    >
      <StageSection order={o} handover={handover} />
      <BookingSection order={o} handover={handover} onBooked={order.reload} />
      <ChecklistSection order={o} handover={handover} onSaved={order.reload} />
      <ProgressSection vehicle={o.build.vehicle} />
      <p className="actions">
        <Link to={`/dealer/orders/${o.id}`}>{t('dealer.handover.toOrder')}</Link>
        <Link to="/dealer/handovers">{t('dealer.handover.back')}</Link>
      </p>
    </Page>
  );
}
