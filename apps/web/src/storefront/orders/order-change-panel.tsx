import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-provider.tsx';

/** The order being changed, for the configurator opened from an order (it replaces saving). */
export type OrderBeingChanged = { id: string; vehicleId: string; code: string };

/** In the configurator's aside: go on to the re-priced quote once the car is complete. */
export function OrderChangePanel({ order, code }: { order: OrderBeingChanged; code: string | undefined }) {
  const { t } = useI18n();
  const unchanged = code !== undefined && code === order.code;
  return (
    <div className="cfg-save" data-testid="order-change">
      <p className="cfg-share-title">{t('cfg.order.title', { vehicleId: order.vehicleId })}</p>
      {code && !unchanged ? (
        <Link
          className="button button-primary button-block"
          to={`/orders/${encodeURIComponent(order.id)}/change?code=${encodeURIComponent(code)}`}
        >
          {t('cfg.order.review')}
        </Link>
      ) : (
        <p className="hint">{unchanged ? t('change.unchanged') : t('cfg.order.incomplete')}</p>
      )}
      <p className="cfg-share-more">
        <Link to={`/orders/${encodeURIComponent(order.id)}`}>{t('cfg.order.back')}</Link>
      </p>
    </div>
  );
}
