import { type FormEvent, useId, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { api, unwrap } from '../../api/client.ts';
import { asOrder, type Order } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { createIdempotentAttempts, sendIdempotently } from '../../orders/idempotency.ts';
import { formatMoney } from '../../orders/money.ts';
import { StaffOrderList, StaffOrderPage } from '../../orders/order-list.tsx';
import { AsyncView } from '../../ui/async-view.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Page } from '../../ui/page.tsx';
import { useApi } from '../../ui/use-api.ts';

/** /admin/orders: every order, by state, dealer or search (admin and support). */
export function AdminOrdersPage() {
  const { t, locale } = useI18n();
  // The public directory names the dealers; HQ filters the list by them.
  const dealers = useApi(() => unwrap(api.GET('/store/dealers', { params: { query: {} } })), []);
  return (
    <Page title={t('admin.orders.title')} intro={t('admin.orders.intro')}>
      <StaffOrderList
        load={(filter, cursor) =>
          unwrap(
            api.GET('/admin/orders', {
              params: {
                query: {
                  ...(filter.state ? { state: filter.state } : {}),
                  ...(filter.q ? { q: filter.q } : {}),
                  ...(filter.dealerId ? { dealerId: filter.dealerId } : {}),
                  ...(cursor ? { cursor } : {}),
                },
              },
            }),
          )
        }
        detailPath={(o) => `/admin/orders/${o.id}`}
        dealers={
          dealers.status === 'ok'
            ? dealers.data.items.map((d) => ({ value: d.id, label: pickLocalized(d.name, locale) ?? d.code }))
            : []
        }
      />
    </Page>
  );
}

/** /admin/orders/:id: any order; admins can cancel it on behalf of the brand (full refund). */
export function AdminOrderPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const order = useApi(
    () => unwrap(api.GET('/admin/orders/{id}', { params: { path: { id } } })).then(asOrder),
    [id],
  );
  const canCancel = user?.role === 'admin';
  return (
    <StaffOrderPage order={order} home="/admin/orders">
      {(o) =>
        canCancel && o.state !== 'cancelled' && o.state !== 'delivered' ? (
          <BrandCancel order={o} onDone={order.reload} />
        ) : null
      }
    </StaffOrderPage>
  );
}

function BrandCancel({ order, onDone }: { order: Order; onDone: () => void }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <section className="card" aria-labelledby="brand-cancel-title">
      <h2 id="brand-cancel-title">{t('admin.orders.cancel.title')}</h2>
      <p className="muted">{t('admin.orders.cancel.intro')}</p>
      {open ? (
        <BrandCancelForm
          order={order}
          onDone={onDone}
          onClose={() => setOpen(false)}
          money={(fen) => formatMoney(fen, order.currency, locale)}
        />
      ) : (
        <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
          {t('admin.orders.cancel.title')}
        </button>
      )}
    </section>
  );
}

function BrandCancelForm({
  order,
  onDone,
  onClose,
  money,
}: {
  order: Order;
  onDone: () => void;
  onClose: () => void;
  money: (fen: number) => string;
}) {
  const { t } = useI18n();
  const reasonId = useId();
  const preview = useApi(
    () => unwrap(api.GET('/admin/orders/{id}/cancellation', { params: { path: { id: order.id } } })),
    [order.id],
  );
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const attempts = useRef(createIdempotentAttempts());

  async function confirm(event: FormEvent, expectedRefund: number) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = { reason: reason.trim(), expectedRefund };
    try {
      await sendIdempotently(attempts.current, { order: order.id, ...body }, (key) =>
        unwrap(
          api.POST('/admin/orders/{id}/cancel', {
            params: { path: { id: order.id }, header: { 'idempotency-key': key } },
            body,
          }),
        ),
      );
      onDone();
    } catch (caught) {
      setError(caught);
      setBusy(false);
      if (caught instanceof ApiError && caught.code === 'ordering.refund_changed') preview.reload();
    }
  }

  return (
    <AsyncView value={preview} onRetry={preview.reload}>
      {(p) =>
        !p.allowed ? (
          <p>{t('admin.orders.cancel.notAllowed')}</p>
        ) : (
          <form className="form" onSubmit={(e) => confirm(e, p.refund)}>
            <p className="alert alert-error">
              {t('admin.orders.cancel.preview', { paid: money(p.paid), refund: money(p.refund) })}
            </p>
            <div className="field">
              <label htmlFor={reasonId}>{t('admin.orders.cancel.reason')}</label>
              <input
                id={reasonId}
                required
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            {error !== null && <ErrorAlert error={error} showFields={false} />}
            <div className="actions">
              <button type="submit" className="button button-danger" disabled={busy || reason.trim() === ''}>
                {busy ? t('cancel.confirming') : t('admin.orders.cancel.confirm')}
              </button>
              <button type="button" className="button" onClick={onClose}>
                {t('cancel.keep')}
              </button>
            </div>
          </form>
        )
      }
    </AsyncView>
  );
}
