import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import type { Order } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { paymentSettled, paymentsNewestFirst } from '../../orders/order-logic.ts';
import { OrderRecord, OrderStateBadge, StageProgress } from '../../orders/order-views.tsx';
import { returnedOutcome } from '../../pay/sim-pay-logic.ts';
import { Spinner } from '../../ui/async-view.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { NotFoundPage } from '../../ui/not-found-page.tsx';
import { Page } from '../../ui/page.tsx';
import { type Loadable, useApi } from '../../ui/use-api.ts';
import { configurePath } from '../configure/share-link.ts';
import { DeliveryDateCard, HandoverCard, ProgressCard } from './build-panels.tsx';
import { CancelPanel, FinanceEditor, InsuranceEditor } from './order-actions.tsx';
import { getMyOrder } from './orders-api.ts';
import { PayPanel } from './pay-panel.tsx';

/** How long the page waits for the provider's callback after coming back from its page. */
const SETTLE_TIMEOUT_MS = 30_000;
const POLL_EVERY_MS = 1_000;

type Waiting = 'idle' | 'waiting' | 'timeout';

/**
 * Back from the provider's page, the callback is still on its way (through a job): poll the
 * order until its newest payment is no longer pending, or say it is taking long.
 */
function useSettling(order: Loadable<Order>, reload: () => void, expect: boolean) {
  const [waiting, setWaiting] = useState<Waiting>(expect ? 'waiting' : 'idle');
  const started = useRef(Date.now());
  useEffect(() => {
    if (waiting !== 'waiting' || order.status !== 'ok') return;
    if (paymentSettled(order.data)) {
      setWaiting('idle');
      return;
    }
    if (Date.now() - started.current > SETTLE_TIMEOUT_MS) {
      setWaiting('timeout');
      return;
    }
    const timer = setTimeout(reload, POLL_EVERY_MS);
    return () => clearTimeout(timer);
  }, [waiting, order, reload]);
  const retry = () => {
    started.current = Date.now();
    setWaiting('waiting');
  };
  return { waiting, retry };
}

type Panel = 'pay' | 'finance' | 'insurance' | 'cancel' | null;

/** /orders/:id: one own order with everything that can be done to it now. */
export function OrderPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const outcome = returnedOutcome(location.search);
  const order = useApi(() => getMyOrder(id), [id]);
  const settling = useSettling(order, order.reload, outcome === 'succeed' || outcome === 'fail');

  if (order.status === 'loading') return <Spinner />;
  if (order.status === 'error') {
    if (order.error instanceof ApiError && order.error.status === 404) return <NotFoundPage home="/orders" />;
    return (
      <Page title={t('orders.title')}>
        <ErrorAlert error={order.error} onRetry={order.reload} />
      </Page>
    );
  }
  return (
    <OrderView
      order={order.data}
      reload={order.reload}
      outcome={outcome}
      waiting={settling.waiting}
      onCheckAgain={settling.retry}
      notice={(location.state as { notice?: string } | null)?.notice}
    />
  );
}

function OrderView({
  order,
  reload,
  outcome,
  waiting,
  onCheckAgain,
  notice: initialNotice,
}: {
  order: Order;
  reload: () => void;
  outcome: ReturnType<typeof returnedOutcome>;
  waiting: Waiting;
  onCheckAgain: () => void;
  notice: string | undefined;
}) {
  const { t, locale } = useI18n();
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | undefined>(initialNotice);
  const newest = paymentsNewestFirst(order.payments)[0];
  const { actions } = order;
  const done = (_next: Order, text: string) => {
    setPanel(null);
    setNotice(text);
    reload();
  };
  const toggle = (next: Panel) => {
    setNotice(undefined);
    setPanel(panel === next ? null : next);
  };
  const built = (text: string) => {
    setPanel(null);
    setNotice(text);
    reload();
  };
  const actionsCard = useRef<HTMLElement>(null);

  const returned =
    waiting !== 'idle' || !outcome
      ? undefined
      : outcome === 'timeout'
        ? t('order.returned.timeout')
        : outcome === 'closed'
          ? t('order.returned.closed')
          : newest?.status === 'succeeded'
            ? t('order.returned.succeed')
            : t('order.returned.fail');

  return (
    <Page
      title={t('order.title', { vehicleId: order.vehicleId })}
      intro={pickLocalized(order.modelLine.name, locale)}
    >
      <div className="order-head">
        <OrderStateBadge state={order.state} />
        <span className="muted">{t('order.placedAt', { at: formatDateTime(locale, order.placedAt) })}</span>
      </div>
      <StageProgress state={order.state} />

      {waiting === 'waiting' && <Spinner label={t('order.waiting')} />}
      {waiting === 'timeout' && (
        <div className="alert alert-error" role="alert">
          <p>{t('order.waitingTimeout')}</p>
          <button type="button" className="button" onClick={onCheckAgain}>
            {t('order.checkAgain')}
          </button>
        </div>
      )}
      {returned && (
        <p
          className={`alert ${newest?.status === 'succeeded' ? 'alert-success' : 'alert-error'}`}
          role="status"
          data-testid="payment-returned"
        >
          {returned}
        </p>
      )}
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      {order.cancellation && (
        <p className="alert alert-error">
          {t('order.cancelledInfo', {
            at: formatDateTime(locale, order.cancellation.at),
            by: order.cancellation.by === 'brand' ? t('order.by.brand') : t('order.by.customer'),
          })}
          {order.cancellation.reason &&
            ` ${t('order.timeline.reason', { reason: order.cancellation.reason })}`}
        </p>
      )}

      <section
        className="card"
        aria-labelledby="order-actions-title"
        data-testid="order-actions"
        ref={actionsCard}
      >
        <h2 id="order-actions-title">{t('order.section.actions')}</h2>
        <div className="order-actions">
          {actions.pay && waiting !== 'waiting' && (
            <button
              type="button"
              className="button button-primary"
              aria-expanded={panel === 'pay'}
              onClick={() => toggle('pay')}
            >
              {t(`order.action.pay.${actions.pay}`)}
            </button>
          )}
          {actions.changeConfiguration && (
            <Link
              className="button"
              to={`${configurePath(order.modelLine.code, order.configuration.code)}&order=${encodeURIComponent(order.id)}`}
            >
              {t('order.action.changeConfiguration')}
            </Link>
          )}
          {actions.changeFinance && (
            <>
              <button
                type="button"
                className="button"
                aria-expanded={panel === 'finance'}
                onClick={() => toggle('finance')}
              >
                {t('order.action.changeFinance')}
              </button>
              <button
                type="button"
                className="button"
                aria-expanded={panel === 'insurance'}
                onClick={() => toggle('insurance')}
              >
                {t('order.action.changeInsurance')}
              </button>
            </>
          )}
          {actions.cancel && (
            <button
              type="button"
              className="button button-ghost"
              aria-expanded={panel === 'cancel'}
              onClick={() => toggle('cancel')}
            >
              {t('order.action.cancel')}
            </button>
          )}
        </div>
        {!actions.pay && !actions.changeConfiguration && !actions.changeFinance && !actions.cancel && (
          <p className="muted">{t('order.action.none')}</p>
        )}
        {panel === 'pay' && actions.pay && (
          <div className="order-panel">
            <PayPanel order={order} purpose={actions.pay} offerResume={outcome !== 'timeout'} />
          </div>
        )}
        {panel === 'finance' && (
          <div className="order-panel">
            <FinanceEditor order={order} onDone={done} />
          </div>
        )}
        {panel === 'insurance' && (
          <div className="order-panel">
            <InsuranceEditor order={order} onDone={done} />
          </div>
        )}
        {panel === 'cancel' && (
          <div className="order-panel">
            <h3>{t('cancel.title')}</h3>
            <CancelPanel order={order} onDone={done} onKeep={() => setPanel(null)} />
          </div>
        )}
      </section>

      {order.state !== 'cancelled' && (
        <div className="grid-2">
          <DeliveryDateCard order={order} onDone={built} />
          <ProgressCard order={order} />
        </div>
      )}
      <HandoverCard
        order={order}
        onDone={built}
        onPayBalance={() => {
          setNotice(undefined);
          setPanel('pay');
          actionsCard.current?.scrollIntoView({ block: 'start' });
        }}
      />

      <OrderRecord order={order} />
    </Page>
  );
}
