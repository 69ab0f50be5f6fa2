import { useParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { asOrder } from '../api/types.ts';
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

/** /dealer/orders/:id: one of this dealership's orders; any other answers the not-found page. */
export function DealerOrderPage() {
  const { id = '' } = useParams();
  const order = useApi(
    () => unwrap(api.GET('/dealer/orders/{id}', { params: { path: { id } } })).then(asOrder),
    [id],
  );
  return <StaffOrderPage order={order} home="/dealer/orders" />;
}
