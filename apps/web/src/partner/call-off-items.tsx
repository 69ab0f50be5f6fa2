import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { type CallOff, type CallOffItem, itemsByVehicle, itemsInOrder, unitKey } from './call-off-logic.ts';

const STATIONS = ['stamping', 'body', 'paint', 'assembly'] as const;

/**
 * What a call-off asks for: just-in-sequence, one row per car in line order with its parts;
 * daily totals, one row per part. Shown to the supplier and to the plant's planner.
 */
export function CallOffItems({
  callOff,
  testId,
}: {
  callOff: Pick<CallOff, 'kind' | 'items'>;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const unitOf = (unit: string) => {
    const key = unitKey(unit);
    return key ? t(key) : unit;
  };
  const stationOf = (station: string | null) => {
    const known = STATIONS.find((s) => s === station);
    return known ? t(`bom.station.${known}`) : (station ?? '—');
  };
  const part = (item: CallOffItem) => (
    <>
      <code>{item.partNumber}</code> {pickLocalized(item.name, locale)}
    </>
  );
  if (callOff.kind === 'sequenced') {
    return (
      <div className="table-wrap">
        <table className="data-table pw-items" data-testid={testId}>
          <caption className="visually-hidden">{t('partner.callOff.items')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('partner.callOff.position')}</th>
              <th scope="col">{t('partner.callOff.vehicle')}</th>
              <th scope="col">{t('partner.callOff.parts')}</th>
            </tr>
          </thead>
          <tbody>
            {itemsByVehicle(callOff).map((group) => (
              <tr key={`${group.sequencePosition}-${group.vehicleId}`}>
                <td data-label={t('partner.callOff.position')} className="pw-position">
                  {group.sequencePosition ?? '—'}
                </td>
                <td data-label={t('partner.callOff.vehicle')}>
                  <code>{group.vehicleId}</code>
                </td>
                <td data-label={t('partner.callOff.parts')}>
                  <ul className="pw-parts">
                    {group.items.map((item) => (
                      <li key={item.itemNo}>
                        {part(item)}{' '}
                        <span className="muted small">
                          × {item.quantity} {unitOf(item.unit)} · {stationOf(item.station)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data-table pw-items" data-testid={testId}>
        <caption className="visually-hidden">{t('partner.callOff.items')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('partner.callOff.part')}</th>
            <th scope="col">{t('partner.callOff.quantity')}</th>
            <th scope="col">{t('partner.callOff.cars')}</th>
            <th scope="col">{t('partner.callOff.station')}</th>
          </tr>
        </thead>
        <tbody>
          {itemsInOrder(callOff).map((item) => (
            <tr key={item.itemNo}>
              <td data-label={t('partner.callOff.part')}>{part(item)}</td>
              <td data-label={t('partner.callOff.quantity')}>
                {item.quantity} {unitOf(item.unit)}
              </td>
              <td data-label={t('partner.callOff.cars')}>{item.vehicles}</td>
              <td data-label={t('partner.callOff.station')}>{stationOf(item.station)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
