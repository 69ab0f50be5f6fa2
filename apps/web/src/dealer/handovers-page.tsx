import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import type { Handover, HandoverArrival, OrderSummary } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { formatMoney } from '../orders/money.ts';
import { stateKey } from '../orders/order-logic.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { type Column, DataTable } from '../ui/data-table.tsx';
import { formatDateTime } from '../ui/format.ts';
import { Page } from '../ui/page.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { useApi } from '../ui/use-api.ts';
import {
  type Arrival,
  arrivalOf,
  HANDOVER_FILTERS,
  type HandoverFilter,
  isHandoverFilter,
} from './handover-logic.ts';

type Row = { order: OrderSummary; handover: Handover | null; arrival: HandoverArrival };

/**
 * The rows of a filter in one request, each with the car's arrival from the plant: the cars
 * waiting for an appointment, or the booked / completed hand-overs.
 */
async function loadRows(filter: HandoverFilter): Promise<Row[]> {
  if (filter === 'to_book') {
    const waiting = await unwrap(api.GET('/dealer/handovers/to-book'));
    return waiting.items.map((i) => ({ order: i.order, handover: null, arrival: i.arrival }));
  }
  const list = await unwrap(api.GET('/dealer/handovers', { params: { query: { status: filter } } }));
  return list.items.map((i) => ({ order: i.order, handover: i.handover, arrival: i.arrival }));
}

function ArrivalText({ arrival }: { arrival: Arrival }) {
  const { t, locale } = useI18n();
  switch (arrival.kind) {
    case 'arrived':
      return <>{t('dealer.handovers.arrived', { at: formatDateTime(locale, arrival.at) })}</>;
    case 'eta':
      return <>{t('dealer.handovers.eta', { at: formatDateTime(locale, arrival.at) })}</>;
    case 'eta_date':
      return <>{t('dealer.handovers.eta', { at: arrival.date })}</>;
    default:
      return <span className="muted">{t('dealer.handovers.unknown')}</span>;
  }
}

function HandoverList({ filter }: { filter: HandoverFilter }) {
  const { t, locale } = useI18n();
  const rows = useApi(() => loadRows(filter), [filter]);
  const columns: Column<Row>[] = [
    {
      key: 'vehicle',
      header: t('dealer.handovers.col.vehicle'),
      render: (r) => (
        <Link to={`/dealer/handovers/${r.order.vehicleId}`}>
          <code>{r.order.vehicleId}</code>
        </Link>
      ),
    },
    { key: 'customer', header: t('dealer.handovers.col.customer'), render: (r) => r.order.customer.name },
    {
      key: 'model',
      header: t('dealer.handovers.col.model'),
      render: (r) => pickLocalized(r.order.modelLine.name, locale),
    },
    {
      key: 'arrival',
      header: t('dealer.handovers.col.arrival'),
      render: (r) => <ArrivalText arrival={arrivalOf(r.arrival, r.order.promisedDeliveryDate)} />,
    },
    {
      key: 'balance',
      header: t('dealer.handovers.col.balance'),
      render: (r) =>
        r.order.money.balance > 0
          ? formatMoney(r.order.money.balance, r.order.money.currency, locale)
          : t('dealer.handovers.paid'),
    },
    {
      key: 'slot',
      header: t('dealer.handovers.col.slot'),
      render: (r) =>
        r.handover ? (
          t('dealer.handovers.slot', {
            day: r.handover.day,
            slotStart: r.handover.slotStart,
            slotEnd: r.handover.slotEnd,
          })
        ) : (
          <span className="muted">{t('dealer.handovers.notBooked')}</span>
        ),
    },
    { key: 'state', header: t('dealer.handovers.col.state'), render: (r) => t(stateKey(r.order.state)) },
  ];
  return (
    <AsyncView value={rows} onRetry={rows.reload}>
      {(items) => (
        <div data-testid="handover-list">
          <DataTable
            caption={t(`dealer.handovers.caption.${filter}`)}
            columns={columns}
            rows={items}
            rowKey={(r) => r.order.vehicleId}
            empty={t(`dealer.handovers.none.${filter}`)}
          />
        </div>
      )}
    </AsyncView>
  );
}

/** /dealer/handovers: cars to book, booked and completed hand-overs of the own dealership. */
export function HandoversPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const shown = params.get('show');
  const filter: HandoverFilter = isHandoverFilter(shown) ? shown : 'to_book';
  return (
    <Page title={t('dealer.handovers.title')} intro={t('dealer.handovers.intro')}>
      <div className="form-grid">
        <SelectField
          label={t('dealer.handovers.filter')}
          value={filter}
          onValue={(v) => setParams(v === 'to_book' ? {} : { show: v })}
          options={HANDOVER_FILTERS.map((f) => ({ value: f, label: t(`dealer.handovers.filter.${f}`) }))}
        />
      </div>
      <HandoverList key={filter} filter={filter} />
    </Page>
  );
}
