import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { useApi } from '../ui/use-api.ts';
import {
  type Dealer,
  deleteTransportDays,
  listDealers,
  listTransportRoutes,
  setTransportDays,
  type TransportRoute,
} from './production-api.ts';

type Loaded = { routes: TransportRoute[]; dealers: Dealer[] };

/** Calendar days by truck from the plant to each dealer; a dealer without a route gets no dates. */
export function TransportDaysPanel({ editable, onChanged }: { editable: boolean; onChanged: () => void }) {
  const data = useApi<Loaded>(async () => {
    const [routes, dealers] = await Promise.all([listTransportRoutes(), listDealers()]);
    return { routes, dealers };
  }, []);
  return (
    <AsyncView value={data} onRetry={data.reload}>
      {(loaded) => (
        <Routes
          loaded={loaded}
          editable={editable}
          onChanged={() => {
            data.reload();
            onChanged();
          }}
        />
      )}
    </AsyncView>
  );
}

function Routes({
  loaded,
  editable,
  onChanged,
}: {
  loaded: Loaded;
  editable: boolean;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [addDealer, setAddDealer] = useState('');
  const [addDays, setAddDays] = useState('1');
  const dealerOf = new Map(loaded.dealers.map((d) => [d.id, d]));
  const served = new Set(loaded.routes.map((r) => r.dealerId));
  const unserved = loaded.dealers.filter((d) => !served.has(d.id));
  const name = (id: string) => pickLocalized(dealerOf.get(id)?.name, locale) ?? id;
  const city = (id: string) => pickLocalized(dealerOf.get(id)?.city, locale) ?? '';

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      setConfirm(null);
      onChanged();
    } catch (err) {
      setError(err);
    }
  }

  function add(event: FormEvent) {
    event.preventDefault();
    if (!addDealer) return;
    void run(async () => {
      await setTransportDays(addDealer, Number(addDays));
      setAddDealer('');
    });
  }

  return (
    <div data-testid="transport-days">
      <p className="muted">{t('factory.transport.intro')}</p>
      {error !== null && <ErrorAlert error={error} />}
      {loaded.routes.length === 0 ? (
        <p className="empty">{t('factory.transport.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('factory.settings.tab.transport')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('factory.transport.dealer')}</th>
                <th scope="col">{t('field.city')}</th>
                <th scope="col">{t('factory.transport.days')}</th>
                {editable && <th scope="col">{t('field.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {[...loaded.routes]
                .sort((a, b) => a.days - b.days || name(a.dealerId).localeCompare(name(b.dealerId)))
                .map((route) => (
                  <tr key={route.dealerId}>
                    <td data-label={t('factory.transport.dealer')}>{name(route.dealerId)}</td>
                    <td data-label={t('field.city')}>{city(route.dealerId)}</td>
                    <td data-label={t('factory.transport.days')}>
                      {editable ? (
                        <DaysInput
                          label={t('factory.transport.daysFor', { dealer: name(route.dealerId) })}
                          days={route.days}
                          onSave={(days) => void run(() => setTransportDays(route.dealerId, days))}
                        />
                      ) : (
                        t('factory.transport.daysValue', { days: route.days })
                      )}
                    </td>
                    {editable && (
                      <td data-label={t('field.actions')}>
                        {confirm === route.dealerId ? (
                          <span className="actions">
                            <button
                              type="button"
                              className="button button-danger"
                              onClick={() => void run(() => deleteTransportDays(route.dealerId))}
                            >
                              {t('factory.transport.confirmRemove')}
                            </button>
                            <button
                              type="button"
                              className="button button-ghost"
                              onClick={() => setConfirm(null)}
                            >
                              {t('action.cancel')}
                            </button>
                          </span>
                        ) : (
                          <button type="button" className="button" onClick={() => setConfirm(route.dealerId)}>
                            {t('factory.transport.remove')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && unserved.length > 0 && (
        <form className="form-grid fw-inline-form" onSubmit={add}>
          <div className="field">
            <label htmlFor="route-dealer">{t('factory.transport.addDealer')}</label>
            <select
              id="route-dealer"
              value={addDealer}
              required
              onChange={(e) => setAddDealer(e.target.value)}
            >
              <option value="">{t('factory.transport.chooseDealer')}</option>
              {unserved.map((d) => (
                <option key={d.id} value={d.id}>
                  {pickLocalized(d.name, locale)} · {pickLocalized(d.city, locale)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="route-days">{t('factory.transport.days')}</label>
            <input
              id="route-days"
              type="number"
              min={0}
              max={60}
              required
              value={addDays}
              onChange={(e) => setAddDays(e.target.value)}
            />
          </div>
          <div className="field fw-field-end">
            <button type="submit" className="button button-primary">
              {t('factory.transport.add')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function DaysInput({ label, days, onSave }: { label: string; days: number; onSave: (days: number) => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(String(days));
  const changed = Number(value) !== days && value !== '';
  return (
    <span className="fw-days-input">
      <input
        type="number"
        min={0}
        max={60}
        aria-label={label}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      {changed && (
        <button type="button" className="button" onClick={() => onSave(Number(value))}>
          {t('factory.transport.save')}
        </button>
      )}
    </span>
  );
}
