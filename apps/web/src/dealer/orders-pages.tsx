import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import type { OrderState } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { StaffOrderList, StaffOrderPage } from '../orders/order-list.tsx';
import { Page } from '../ui/page.tsx';
import { useApi } from '../ui/use-api.ts';

/** /dealer/orders: the orders that name this dealership, with filters; the server keeps out the rest. */
export function DealerOrdersPage() {
  const { t } = useI18n();
  return (
    <Page title={t('dealer.orders.title')} intro={t('dealer.orders.intro')}>
      <StaffOrderList
        load={(filter, cursor) =>
          unwrap(
            api.GET('/dealer/orders', {
              params: {
                query: {
                  ...(filter.state ? { state: filter.state } : {}),
                  ...(filter.q ? { q: filter.q } : {}),
                  ...(cursor ? { cursor } : {}),
                },
              },
            }),
          )
        }
        detailPath={(o) => `/dealer/orders/${o.id}`}
      />
    </Page>
  );
}

/** Orders whose car is on its way, at the dealer or handed over have a hand-over page. */
const HANDOVER_STATES: readonly OrderState[] = ['shipped', 'at_dealer', 'delivered'];

/** /dealer/orders/:id: one of this dealership's orders; any other answers the not-found page. */
export function DealerOrderPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const order = useApi(() => unwrap(api.GET('/dealer/orders/{id}', { params: { path: { id } } })), [id]);
  return (
    <StaffOrderPage order={order} home="/dealer/orders">
      {(o) =>
        HANDOVER_STATES.includes(o.state) || o.build.handover ? (
          <p className="actions">
            <Link className="button button-primary" to={`/dealer/handovers/${o.vehicleId}`}>
              {t('dealer.order.toHandover')}
            </Link>
          </p>
        ) : null
      }
    </StaffOrderPage>
  );
}
