import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import type { Order } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatIsoDate } from '../../factory/iso-date.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { DealerDetails, PriceLines } from '../../orders/order-views.tsx';
import { AsyncView, Spinner } from '../../ui/async-view.tsx';
import { DetailsList } from '../../ui/details-list.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { NotFoundPage } from '../../ui/not-found-page.tsx';
import { Page } from '../../ui/page.tsx';
import { useApi } from '../../ui/use-api.ts';
import { getMyOrder, getMyVehicle, listMyVehicles } from '../orders/orders-api.ts';
import { configurationSummary, newestFirst } from './vehicle-summary.ts';
import '../../orders/orders.css';

type Owned = Awaited<ReturnType<typeof listMyVehicles>>['items'][number];

/** Signed-in customers only: anyone else is sent to sign in (or told the page is not theirs). */
function CustomersOnly({ next, children }: { next: string; children: React.ReactNode }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (user === undefined) return <Spinner />;
  if (user === null) return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  if (user.kind !== 'customer') {
    return (
      <Page title={t('myVehicles.title')}>
        <p className="alert alert-error" role="alert">
          {t('myVehicles.customersOnly')}
        </p>
      </Page>
    );
  }
  return <>{children}</>;
}

/** /my/vehicles: the customer's own vehicles (我的车辆), newest delivery first, once accepted. */
export function MyVehiclesPage() {
  const { t } = useI18n();
  return (
    <CustomersOnly next="/my/vehicles">
      <Page title={t('myVehicles.title')} intro={t('myVehicles.intro')}>
        <MyVehiclesList />
      </Page>
    </CustomersOnly>
  );
}

function MyVehiclesList() {
  const { t } = useI18n();
  // Each vehicle with its order: model name, configuration lines and the delivery date.
  const vehicles = useApi(async () => {
    const { items } = await listMyVehicles();
    const orders = await Promise.all(items.map((v) => getMyOrder(v.orderId)));
    return newestFirst(items).map((vehicle) => ({
      vehicle,
      order: orders[items.indexOf(vehicle)] as Order,
    }));
  }, []);
  return (
    <AsyncView value={vehicles} onRetry={vehicles.reload}>
      {(list) =>
        list.length === 0 ? (
          <div className="empty" data-testid="my-vehicles-empty">
            <p>{t('myVehicles.empty')}</p>
            <p>
              <Link to="/orders">{t('myVehicles.toOrders')}</Link>
            </p>
          </div>
        ) : (
          <ul className="my-vehicles" data-testid="my-vehicles">
            {list.map(({ vehicle, order }) => (
              <li key={vehicle.vehicleId} className="card" data-testid={`my-vehicle-${vehicle.vehicleId}`}>
                <VehicleCard vehicle={vehicle} order={order} />
              </li>
            ))}
          </ul>
        )
      }
    </AsyncView>
  );
}

function VehicleCard({ vehicle, order }: { vehicle: Owned; order: Order }) {
  const { t, locale } = useI18n();
  const summary = configurationSummary(order.price.options, locale);
  const model = pickLocalized(order.modelLine.name, locale);
  return (
    <>
      <h2>
        <Link
          to={`/my/vehicles/${encodeURIComponent(vehicle.vehicleId)}`}
          aria-label={t('myVehicles.open', { model, vin: vehicle.vin })}
        >
          {model}
        </Link>
      </h2>
      <DetailsList items={facts(vehicle, order, t, locale)} />
      <p className="muted small" data-testid="configuration-summary">
        {summary.shown.join(locale === 'zh-CN' ? '、' : ', ')}
        {summary.more > 0 && ` ${t('myVehicles.moreOptions', { count: summary.more })}`}
      </p>
    </>
  );
}

function facts(
  vehicle: Owned,
  order: Order,
  t: ReturnType<typeof useI18n>['t'],
  locale: ReturnType<typeof useI18n>['locale'],
) {
  return [
    { label: t('field.vin'), value: <code data-testid="owned-vin">{vehicle.vin}</code> },
    { label: t('field.vehicleId'), value: <code>{vehicle.vehicleId}</code> },
    { label: t('field.modelLine'), value: pickLocalized(order.modelLine.name, locale) },
    { label: t('field.configurationCode'), value: <code>{vehicle.configurationCode}</code> },
    {
      label: t('myVehicles.deliveryDate'),
      value: order.promisedDeliveryDate
        ? formatIsoDate(locale, order.promisedDeliveryDate, { weekday: true, year: true })
        : null,
    },
    { label: t('myVehicles.deliveredAt'), value: formatDateTime(locale, vehicle.deliveredAt) },
  ];
}

/** /my/vehicles/:vehicleId: one own vehicle with its whole configuration, dealer and order. */
export function MyVehiclePage() {
  const { vehicleId = '' } = useParams();
  return (
    <CustomersOnly next={`/my/vehicles/${vehicleId}`}>
      <MyVehicle vehicleId={vehicleId} />
    </CustomersOnly>
  );
}

function MyVehicle({ vehicleId }: { vehicleId: string }) {
  const { t, locale } = useI18n();
  const loaded = useApi(async () => {
    const { vehicle } = await getMyVehicle(vehicleId);
    return { vehicle, order: await getMyOrder(vehicle.orderId) };
  }, [vehicleId]);
  if (loaded.status === 'error' && loaded.error instanceof ApiError && loaded.error.status === 404) {
    return <NotFoundPage home="/my/vehicles" />;
  }
  return (
    <AsyncView value={loaded} onRetry={loaded.reload}>
      {({ vehicle, order }) => (
        <Page
          title={pickLocalized(order.modelLine.name, locale)}
          intro={t('myVehicles.detailIntro', { vin: vehicle.vin })}
        >
          <p>
            <Link to="/my/vehicles">{t('myVehicles.back')}</Link>
          </p>
          <div className="grid-2">
            <section className="card" aria-labelledby="vehicle-facts-title" data-testid="my-vehicle">
              <h2 id="vehicle-facts-title">{t('myVehicles.facts')}</h2>
              <DetailsList items={facts(vehicle, order, t, locale)} />
              <p className="small">
                <Link to={`/orders/${order.id}`}>
                  {t('myVehicles.order', { vehicleId: order.vehicleId })}
                </Link>
              </p>
            </section>
            <section className="card" aria-labelledby="vehicle-dealer-title">
              <h2 id="vehicle-dealer-title">{t('myVehicles.dealer')}</h2>
              <DealerDetails dealer={order.dealer} />
            </section>
          </div>
          <section className="card" aria-labelledby="vehicle-configuration-title">
            <h2 id="vehicle-configuration-title">{t('order.section.configuration')}</h2>
            <PriceLines price={order.price} />
          </section>
        </Page>
      )}
    </AsyncView>
  );
}
