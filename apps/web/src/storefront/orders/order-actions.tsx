import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import type { Order } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { createIdempotentAttempts, sendIdempotently } from '../../orders/idempotency.ts';
import { formatMoney } from '../../orders/money.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useApi } from '../../ui/use-api.ts';
import { FinancePicker, type FinanceSelection } from '../checkout/finance-picker.tsx';
import { InsurancePicker } from '../checkout/insurance-picker.tsx';
import {
  cancelOrder,
  listFinanceOffers,
  listInsuranceProducts,
  previewCancellation,
  quoteOrderFinance,
  removeOrderFinance,
  setOrderFinance,
  setOrderInsurance,
} from './orders-api.ts';

type Done = (order: Order, notice: string) => void;

/** Attach, change or remove the finance: quoted on the order's own price before saving. */
export function FinanceEditor({ order, onDone }: { order: Order; onDone: Done }) {
  const { t } = useI18n();
  const offers = useApi(() => listFinanceOffers(order.modelLine.code), [order.modelLine.code]);
  const [selection, setSelection] = useState<FinanceSelection>(
    order.finance ? { kind: 'loan', choice: null, quote: null } : { kind: 'cash' },
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const unchanged = selection.kind === 'cash' && order.finance === null;
  const ready = selection.kind === 'cash' || (selection.choice !== null && selection.quote !== null);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const next =
        selection.kind === 'cash'
          ? await removeOrderFinance(order.id)
          : selection.choice
            ? await setOrderFinance(order.id, selection.choice)
            : order;
      onDone(next, t('financeEditor.saved'));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <AsyncView value={offers} onRetry={offers.reload}>
      {(data) => (
        <div className="form" data-testid="finance-editor">
          <FinancePicker
            offers={data.items}
            price={order.total}
            currency={order.currency}
            lockDeposit={order.terms.lockDeposit}
            initial={
              order.finance
                ? {
                    offerId: order.finance.offerId,
                    downPayment: order.finance.downPayment,
                    termMonths: order.finance.termMonths,
                  }
                : null
            }
            quote={async (choice) => (await quoteOrderFinance(order.id, choice)).quote}
            onChange={setSelection}
          />
          {error !== null && <ErrorAlert error={error} showFields={false} />}
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy || !ready || unchanged}
              onClick={save}
            >
              {selection.kind === 'cash' && order.finance
                ? t('financeEditor.remove')
                : t('financeEditor.save')}
            </button>
          </div>
        </div>
      )}
    </AsyncView>
  );
}

/** Choose the insurance again; premiums are quoted on the order's price when saved. */
export function InsuranceEditor({ order, onDone }: { order: Order; onDone: Done }) {
  const { t } = useI18n();
  const products = useApi(() => listInsuranceProducts(), []);
  const [chosen, setChosen] = useState<string[]>(order.insurance?.items.map((i) => i.code) ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const premiums = new Map((order.insurance?.items ?? []).map((i) => [i.code, i.premium]));

  async function save() {
    setBusy(true);
    setError(null);
    try {
      onDone(await setOrderInsurance(order.id, chosen), t('insuranceEditor.saved'));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <AsyncView value={products} onRetry={products.reload}>
      {(data) => (
        <div className="form" data-testid="insurance-editor">
          <p className="muted small">{t('insurance.payableTo')}</p>
          <InsurancePicker products={data.items} chosen={chosen} premiums={premiums} onChange={setChosen} />
          {error !== null && <ErrorAlert error={error} showFields={false} />}
          <div className="actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={save}>
              {t('insuranceEditor.save')}
            </button>
          </div>
        </div>
      )}
    </AsyncView>
  );
}

/** Cancel by the order terms: the refund (and what is kept) shown before confirming. */
export function CancelPanel({ order, onDone, onKeep }: { order: Order; onDone: Done; onKeep: () => void }) {
  const { t, locale } = useI18n();
  const preview = useApi(() => previewCancellation(order.id), [order.id]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const attempts = useRef(createIdempotentAttempts());
  const reasonId = useId();
  const money = (fen: number) => formatMoney(fen, order.currency, locale);

  async function confirm(event: FormEvent, expectedRefund: number) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = { ...(reason.trim() ? { reason: reason.trim() } : {}), expectedRefund };
    try {
      const done = await sendIdempotently(attempts.current, { order: order.id, ...body }, (key) =>
        cancelOrder(order.id, body, key),
      );
      onDone(
        done.order,
        done.refund > 0 ? t('cancel.done', { refund: money(done.refund) }) : t('cancel.doneNoRefund'),
      );
    } catch (caught) {
      setError(caught);
      setBusy(false);
      // The refund changed meanwhile (a payment settled): show the new figures.
      if (caught instanceof ApiError && caught.code === 'ordering.refund_changed') preview.reload();
    }
  }

  return (
    <AsyncView value={preview} onRetry={preview.reload}>
      {(p) =>
        !p.allowed ? (
          <p>{t('cancel.notAllowed')}</p>
        ) : (
          <form className="form" onSubmit={(e) => confirm(e, p.refund)} data-testid="cancel-panel">
            <div className="alert alert-error" data-testid="cancel-preview">
              <p>
                {p.paid > 0
                  ? t('cancel.preview', { paid: money(p.paid), refund: money(p.refund) })
                  : t('cancel.nothingPaid')}
              </p>
              {p.forfeited > 0 && <p>{t('cancel.forfeited', { forfeited: money(p.forfeited) })}</p>}
            </div>
            <div className="field">
              <label htmlFor={reasonId}>{t('cancel.reason')}</label>
              <input
                id={reasonId}
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            {error !== null && <ErrorAlert error={error} showFields={false} />}
            <div className="actions">
              <button type="submit" className="button button-danger" disabled={busy}>
                {busy ? t('cancel.confirming') : t('cancel.confirm')}
              </button>
              <button type="button" className="button" onClick={onKeep}>
                {t('cancel.keep')}
              </button>
            </div>
          </form>
        )
      }
    </AsyncView>
  );
}
