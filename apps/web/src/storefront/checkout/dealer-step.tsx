import { useState } from 'react';
import type { Dealer } from '../../api/types.ts';
import { useBrand } from '../../app/brand.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { formatOpeningHours } from '../../orders/opening-hours.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { useApi } from '../../ui/use-api.ts';
import { listDealers } from '../orders/orders-api.ts';

type Where = { mode: 'city'; city: string } | { mode: 'near'; lat: number; lng: number };

function locate(): Promise<{ lat: number; lng: number }> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('no geolocation'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      reject,
      { timeout: 10_000, maximumAge: 600_000 },
    );
  });
}

/** The dealer directory: by city, or nearest first when the browser may share its location. */
export function DealerStep({
  dealerId,
  onChoose,
}: {
  dealerId: string | null;
  onChoose: (dealer: Dealer) => void;
}) {
  const { t, locale } = useI18n();
  const brand = useBrand();
  const [where, setWhere] = useState<Where>({ mode: 'city', city: '' });
  const [locating, setLocating] = useState<'idle' | 'busy' | 'denied'>('idle');
  const dealers = useApi(
    () =>
      listDealers(
        where.mode === 'near'
          ? { near: { lat: where.lat, lng: where.lng } }
          : { city: where.city || undefined },
      ),
    [where],
  );
  const cities = brand.status === 'ok' ? brand.data.dealerCities : [];

  async function nearMe() {
    setLocating('busy');
    try {
      const at = await locate();
      setWhere({ mode: 'near', ...at });
      setLocating('idle');
    } catch {
      setLocating('denied');
    }
  }

  return (
    <div className="form">
      <p className="muted">{t('checkout.dealer.intro')}</p>
      <div className="order-toolbar">
        <SelectField
          label={t('checkout.dealer.city')}
          value={where.mode === 'city' ? where.city : ''}
          onValue={(city) => setWhere({ mode: 'city', city })}
          options={[
            { value: '', label: t('checkout.dealer.allCities') },
            ...cities.flatMap((c) => (c ? [{ value: c.en, label: pickLocalized(c, locale) }] : [])),
          ]}
        />
        <button type="button" className="button" onClick={nearMe} disabled={locating === 'busy'}>
          {locating === 'busy' ? t('checkout.dealer.locating') : t('checkout.dealer.nearMe')}
        </button>
      </div>
      {locating === 'denied' && (
        <p className="alert alert-error" role="alert">
          {t('checkout.dealer.locationDenied')}
        </p>
      )}
      <AsyncView value={dealers} onRetry={dealers.reload}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{t('checkout.dealer.none')}</p>
          ) : (
            <fieldset className="choice-list" data-testid="dealers">
              <legend className="visually-hidden">{t('checkout.dealer.list')}</legend>
              {data.items.map((d) => (
                <label key={d.id} className="choice">
                  <input
                    type="radio"
                    name="dealer"
                    value={d.id}
                    checked={dealerId === d.id}
                    onChange={() => onChoose(d)}
                    aria-describedby={`dealer-${d.id}`}
                  />
                  <span className="choice-body">
                    <span className="choice-title">
                      <span>{pickLocalized(d.name, locale)}</span>
                      {d.distanceKm !== null && (
                        <span className="badge badge-muted">
                          {t('dealer.distance', { km: d.distanceKm })}
                        </span>
                      )}
                    </span>
                    <span id={`dealer-${d.id}`} className="muted small">
                      <span className="choice-line">{pickLocalized(d.address, locale)}</span>
                      <span className="choice-line">
                        {[formatOpeningHours(d.openingHours, locale), d.phone].filter(Boolean).join(' · ')}
                      </span>
                      <span className="choice-line">
                        {d.services
                          .map((s) => t(`dealer.service.${s}`))
                          .join(locale === 'zh-CN' ? '、' : ', ')}
                      </span>
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
          )
        }
      </AsyncView>
    </div>
  );
}
