import type { ReactNode } from 'react';
import { formatIsoDate } from '../../factory/iso-date.ts';
import { reasonText } from '../../factory/reason-text.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { AsyncView } from '../../ui/async-view.tsx';
import { useApi } from '../../ui/use-api.ts';
import { getDeliveryCalendar } from '../orders/orders-api.ts';
import { CALENDAR_WEEKS, type DateGone, deliveryWeeks, type PromisedDate } from './delivery-calendar.ts';
import './delivery-picker.css';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * The delivery calendar of one configuration at one dealer (日历订车): the next weeks, each date
 * available or not with every reason in words; the customer picks an available one. Radios in
 * one group (arrow keys move between dates); `refresh` changes ask the server again.
 */
export function DeliveryPicker({
  modelLine,
  configurationCode,
  dealerId,
  selected,
  onSelect,
  refresh = 0,
  current,
}: {
  modelLine: string;
  configurationCode: string;
  dealerId: string;
  selected: string | null;
  onSelect: (date: string, day: PromisedDate) => void;
  /** Bumped to load the calendar again (after a date was taken meanwhile). */
  refresh?: number;
  /** The date the car holds now (changing the date): marked, and not offered again. */
  current?: string | null;
}) {
  const { t, locale } = useI18n();
  const calendar = useApi(
    () => getDeliveryCalendar({ modelLine, configurationCode, dealerId, weeks: CALENDAR_WEEKS }),
    [modelLine, configurationCode, dealerId, refresh],
  );
  const weekdayName = (n: number) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, n)), // 2024-01-01 was a Monday
    );
  return (
    <AsyncView value={calendar} onRetry={calendar.reload}>
      {(data) => {
        const weeks = deliveryWeeks(data.days);
        if (weeks.length === 0 || data.earliest === null) {
          return <p className="empty">{t('delivery.none')}</p>;
        }
        return (
          <fieldset className="delivery-calendar" data-testid="delivery-calendar">
            <legend>
              {t('delivery.legend')}{' '}
              <span className="muted small">
                {t('delivery.earliest', { date: formatIsoDate(locale, data.earliest, { weekday: true }) })}
              </span>
            </legend>
            <div className="delivery-weekdays" aria-hidden="true">
              {WEEKDAYS.map((n) => (
                <span key={n}>{weekdayName(n)}</span>
              ))}
            </div>
            {weeks.map((week) => (
              <div className="delivery-week" key={week[0]?.date}>
                {week.map(({ date, day }) => {
                  if (!day) return <span key={date} className="delivery-day is-outside" aria-hidden="true" />;
                  const label = formatIsoDate(locale, date, { weekday: true });
                  const isCurrent = current === date;
                  const choosable = day.available && !isCurrent;
                  const reasons = day.reasons.map((r) => reasonText(t, locale, r));
                  return (
                    <label
                      key={date}
                      className={`delivery-day ${day.available ? 'is-available' : 'is-unavailable'}${isCurrent ? ' is-current' : ''}`}
                      data-available={day.available}
                    >
                      <span className="delivery-day-head">
                        <input
                          type="radio"
                          name="delivery-date"
                          value={date}
                          checked={selected === date}
                          disabled={!choosable}
                          onChange={() => onSelect(date, day)}
                          aria-describedby={`delivery-${date}-why`}
                          data-testid={`delivery-day-${date}`}
                        />
                        <span className="delivery-day-date">{label}</span>
                      </span>
                      <span id={`delivery-${date}-why`} className="delivery-day-why small">
                        {isCurrent
                          ? t('delivery.current')
                          : day.available
                            ? day.storageDays > 0
                              ? t('delivery.availableStored', { days: day.storageDays })
                              : t('delivery.available')
                            : reasons.join(locale === 'zh-CN' ? '；' : '; ')}
                      </span>
                    </label>
                  );
                })}
              </div>
            ))}
          </fieldset>
        );
      }}
    </AsyncView>
  );
}

/**
 * A date was gone when the customer sent it (placing the order, changing its date): which one,
 * why, and, when the server named one, the next available date as `next` renders it.
 */
export function DateGoneAlert({
  gone,
  next,
  withYear = false,
}: {
  gone: DateGone & { date: string };
  next: (date: string, label: string) => ReactNode;
  /** Dates with their year (the order page's dates are further out than the checkout's). */
  withYear?: boolean;
}) {
  const { t, locale } = useI18n();
  const day = (d: string) => formatIsoDate(locale, d, { weekday: true, year: withYear });
  return (
    <div className="alert alert-error" role="alert" data-testid="delivery-date-gone">
      <p>{t('checkout.delivery.gone', { date: day(gone.date) })}</p>
      {gone.reasons.length > 0 && (
        <ul>
          {gone.reasons.map((r) => (
            <li key={r.code}>{reasonText(t, locale, r)}</li>
          ))}
        </ul>
      )}
      {gone.nextAvailable && <p>{next(gone.nextAvailable, day(gone.nextAvailable))}</p>}
    </div>
  );
}
