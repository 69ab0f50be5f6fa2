import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Order } from '../../api/types.ts';
import { formatIsoDate } from '../../factory/iso-date.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { type AcceptanceBlock, acceptance, deliveryDateChange } from '../../orders/build-logic.ts';
import { formatMoney } from '../../orders/money.ts';
import { HandoverDetails, PlantProgress } from '../../orders/order-views.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { type DateGone, dateGoneOf } from '../checkout/delivery-calendar.ts';
import { DateGoneAlert, DeliveryPicker } from '../checkout/delivery-picker.tsx';
import { acceptDelivery, changeDeliveryDate } from './orders-api.ts';

type Done = (notice: string) => void;

const CHANGE_BLOCKED_KEYS = {
  no_car: 'build.date.blocked.no_car',
  frozen: 'build.date.blocked.frozen',
  in_build: 'build.date.blocked.in_build',
  delivered: 'build.date.blocked.delivered',
  cancelled: 'build.date.blocked.cancelled',
} as const;

/** The promised delivery date, and another one from the calendar while the plan allows it. */
export function DeliveryDateCard({ order, onDone }: { order: Order; onDone: Done }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [gone, setGone] = useState<(DateGone & { date: string }) | null>(null);
  const [refresh, setRefresh] = useState(0);
  const change = deliveryDateChange(order);
  const day = (d: string) => formatIsoDate(locale, d, { weekday: true, year: true });
  const promised = order.promisedDeliveryDate;

  async function save() {
    if (!picked) return;
    setBusy(true);
    setError(null);
    setGone(null);
    try {
      await changeDeliveryDate(order.vehicleId, picked);
      setOpen(false);
      setPicked(null);
      onDone(t('build.date.changed', { date: day(picked) }));
    } catch (caught) {
      const why = dateGoneOf(caught);
      if (why) {
        setGone({ ...why, date: picked });
        setPicked(null);
        setRefresh((n) => n + 1);
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="order-delivery-title" data-testid="order-delivery">
      <h2 id="order-delivery-title">{t('build.date.title')}</h2>
      <p className="order-quote-title" data-testid="promised-date">
        {promised ? day(promised) : t('build.date.none')}
      </p>
      <p className="muted small">
        {t('build.date.at', { dealer: pickLocalized(order.dealer.name, locale) ?? '—' })}
      </p>
      {change.allowed ? (
        <button
          type="button"
          className="button"
          aria-expanded={open}
          onClick={() => {
            setOpen(!open);
            setGone(null);
            setError(null);
          }}
          data-testid="change-delivery-date"
        >
          {promised ? t('build.date.change') : t('build.date.pick')}
        </button>
      ) : (
        <p className="muted small" data-testid="delivery-date-fixed">
          {t(CHANGE_BLOCKED_KEYS[change.reason])}
        </p>
      )}
      {open && change.allowed && (
        <div className="order-panel form">
          {gone && (
            <DateGoneAlert gone={gone} withYear next={(_, label) => t('build.date.next', { date: label })} />
          )}
          <DeliveryPicker
            modelLine={order.modelLine.code}
            configurationCode={order.configuration.code}
            dealerId={order.dealer.id}
            selected={picked}
            current={promised}
            refresh={refresh}
            onSelect={(date) => {
              setPicked(date);
              setGone(null);
            }}
          />
          {error !== null && <ErrorAlert error={error} showFields={false} />}
          <div className="checkout-nav">
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('build.date.keep')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={!picked || busy}
              onClick={save}
              data-testid="confirm-delivery-date"
            >
              {picked ? t('build.date.confirm', { date: day(picked) }) : t('build.date.pickFirst')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** The car at the plant (from the order's build: the same shape as /store/vehicles/{id}/progress). */
export function ProgressCard({ order }: { order: Order }) {
  const { t } = useI18n();
  const vehicle = order.build.vehicle;
  return (
    <section className="card" aria-labelledby="order-build-title" data-testid="order-build">
      <h2 id="order-build-title">{t('build.progress.title')}</h2>
      {vehicle ? <PlantProgress vehicle={vehicle} /> : <p className="muted">{t('build.progress.noCar')}</p>}
    </section>
  );
}

function blockText(
  block: AcceptanceBlock,
  t: ReturnType<typeof useI18n>['t'],
  locale: ReturnType<typeof useI18n>['locale'],
): string {
  switch (block.code) {
    case 'not_at_dealer':
      return t('build.accept.block.not_at_dealer');
    case 'delivered':
      return t('build.accept.block.delivered');
    case 'cancelled':
      return t('build.accept.block.cancelled');
    case 'no_handover':
      return t('build.accept.block.no_handover');
    case 'checklist_open':
      return t('build.accept.block.checklist_open', { count: block.left.length });
    case 'balance_due':
      return t('build.accept.block.balance_due', {
        amount: formatMoney(block.amount, block.currency, locale),
      });
  }
}

/**
 * The hand-over as the dealer booked it, and "accept delivery": offered only at the dealer with
 * the checklist complete and the balance paid, behind a confirmation; otherwise why not (and
 * the balance can be paid first through the pay panel).
 */
export function HandoverCard({
  order,
  onPayBalance,
  onDone,
}: {
  order: Order;
  onPayBalance: () => void;
  onDone: Done;
}) {
  const { t, locale } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const can = acceptance(order);
  const handover = order.build.handover;

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (confirming && !el.open) el.showModal();
    if (!confirming && el.open) el.close();
  }, [confirming]);

  if (
    order.state === 'cancelled' ||
    (!handover && order.state !== 'at_dealer' && order.state !== 'delivered')
  ) {
    return null;
  }

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      await acceptDelivery(order.id);
      setConfirming(false);
      onDone(t('build.accept.done'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="order-handover-title" data-testid="order-handover">
      <h2 id="order-handover-title">{t('build.handover.title')}</h2>
      {handover ? (
        <HandoverDetails handover={handover} />
      ) : (
        <p className="muted">{t('build.handover.none')}</p>
      )}
      {order.state === 'delivered' ? (
        <p>
          <Link to={`/my/vehicles/${encodeURIComponent(order.vehicleId)}`} data-testid="owned-vehicle-link">
            {t('build.accept.ownedLink')}
          </Link>
        </p>
      ) : can.allowed ? (
        <button
          type="button"
          className="button button-primary"
          onClick={() => setConfirming(true)}
          data-testid="accept-delivery"
        >
          {t('build.accept.action')}
        </button>
      ) : (
        <div data-testid="accept-delivery-blocked">
          <p className="muted">{t('build.accept.notYet')}</p>
          <ul>
            {can.blocks.map((b) => (
              <li key={b.code}>{blockText(b, t, locale)}</li>
            ))}
          </ul>
          {can.payBalanceFirst && (
            <button type="button" className="button" onClick={onPayBalance} data-testid="pay-balance-first">
              {t('build.accept.payFirst')}
            </button>
          )}
        </div>
      )}
      <dialog
        ref={dialog}
        className="build-accept-dialog"
        aria-labelledby="accept-dialog-title"
        onClose={() => setConfirming(false)}
        data-testid="accept-delivery-dialog"
      >
        <h2 id="accept-dialog-title">{t('build.accept.confirmTitle')}</h2>
        <p>{t('build.accept.confirmBody', { vehicleId: order.vehicleId, vin: order.vin ?? '—' })}</p>
        {error !== null && <ErrorAlert error={error} showFields={false} />}
        <div className="checkout-nav">
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('build.accept.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={accept}
            data-testid="accept-delivery-confirm"
          >
            {busy ? t('build.accept.accepting') : t('build.accept.confirm')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
