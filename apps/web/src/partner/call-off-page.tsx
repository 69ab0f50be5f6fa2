import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { dayLabel } from '../factory/day-label.ts';
import { addDays } from '../factory/iso-date.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { AsyncView } from '../ui/async-view.tsx';
import { DetailsList } from '../ui/details-list.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime } from '../ui/format.ts';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { Page } from '../ui/page.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useApi } from '../ui/use-api.ts';
import { CallOffItems } from './call-off-items.tsx';
import { type CallOff, callOffTotals, canRespond, checkDelay } from './call-off-logic.ts';
import { confirmShipment, type DelayAnswer, getCallOff, reportDelay } from './call-offs-api.ts';
import { StatusBadge } from './call-offs-page.tsx';
import './partner.css';

/** One call-off: what to deliver (per car in line order, or daily totals), confirm shipment, report a delay. */
export function CallOffPage() {
  const { callOffId = '' } = useParams();
  const { t } = useI18n();
  const callOff = useApi(() => getCallOff(callOffId), [callOffId]);
  // Another supplier's call-off is not found, exactly like one that does not exist.
  if (callOff.status === 'error' && callOff.error instanceof ApiError && callOff.error.status === 404) {
    return <NotFoundPage home="/partner/call-offs" />;
  }
  return (
    <Page title={t('partner.callOff.title')}>
      <p>
        <Link to="/partner/call-offs">← {t('partner.callOff.back')}</Link>
      </p>
      <AsyncView value={callOff} onRetry={callOff.reload}>
        {(data) => <CallOffView callOff={data} onChanged={callOff.reload} />}
      </AsyncView>
    </Page>
  );
}

function CallOffView({ callOff, onChanged }: { callOff: CallOff; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const totals = callOffTotals(callOff);
  const [delayed, setDelayed] = useState<DelayAnswer | null>(null);
  return (
    <div data-testid="call-off">
      <div className="card">
        <h2>
          {t(`production.calloff.kind.${callOff.kind}`)} <StatusBadge status={callOff.status} />
        </h2>
        <DetailsList
          items={[
            { label: t('partner.callOff.dueDate'), value: dayLabel(t, callOff.dueDate) },
            { label: t('partner.callOff.productionDay'), value: dayLabel(t, callOff.day) },
            {
              label: t('partner.callOff.totals'),
              value:
                callOff.kind === 'sequenced'
                  ? t('partner.callOffs.sequencedTotals', {
                      vehicles: totals.vehicles,
                      quantity: totals.quantity,
                    })
                  : t('partner.callOffs.dailyTotals', { parts: totals.parts, quantity: totals.quantity }),
            },
            {
              label: t('partner.callOff.shippedAt'),
              value: callOff.shippedAt ? formatDateTime(locale, callOff.shippedAt) : undefined,
            },
            {
              label: t('partner.callOff.delay'),
              value: callOff.delayedUntil
                ? `${t('partner.callOffs.delayedUntil', { day: callOff.delayedUntil })}${callOff.delayReason ? ` · ${callOff.delayReason}` : ''}`
                : undefined,
            },
          ]}
        />
        <p className="muted small">
          {callOff.kind === 'sequenced' ? t('partner.callOff.sequencedHint') : t('partner.callOff.dailyHint')}
        </p>
      </div>

      {delayed && (
        <p className="alert alert-success" role="status">
          {delayed.repromisedVehicleIds.length > 0
            ? t('partner.callOff.delayRecorded', {
                day: delayed.callOff.delayedUntil ?? '—',
                count: delayed.repromisedVehicleIds.length,
              })
            : t('partner.callOff.delayRecordedNoChange', { day: delayed.callOff.delayedUntil ?? '—' })}
        </p>
      )}

      {canRespond(callOff) && (
        <Respond
          callOff={callOff}
          onShipped={onChanged}
          onDelayed={(answer) => {
            setDelayed(answer);
            onChanged();
          }}
        />
      )}

      <section className="section" aria-labelledby="items-title">
        <h2 id="items-title">{t('partner.callOff.items')}</h2>
        <CallOffItems callOff={callOff} testId="call-off-items" />
      </section>
    </div>
  );
}

function Respond({
  callOff,
  onShipped,
  onDelayed,
}: {
  callOff: CallOff;
  onShipped: () => void;
  onDelayed: (answer: DelayAnswer) => void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [newDate, setNewDate] = useState(callOff.delayedUntil ?? addDays(callOff.dueDate, 1));
  const [reason, setReason] = useState('');
  const [check, setCheck] = useState<ReturnType<typeof checkDelay> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function submitDelay(event: FormEvent) {
    event.preventDefault();
    const checked = checkDelay({ newDate, reason }, callOff.dueDate);
    setCheck(checked);
    if (!checked.ok) return;
    void run(async () => {
      const answer = await reportDelay(callOff.id, { newDate, reason: reason.trim() });
      setReporting(false);
      onDelayed(answer);
    });
  }

  return (
    <section className="card pw-respond" aria-labelledby="respond-title">
      <h2 id="respond-title">{t('partner.callOff.respond')}</h2>
      {error !== null && <ErrorAlert error={error} />}
      <div className="actions">
        {confirming ? (
          <>
            <span>{t('partner.callOff.confirmShipText')}</span>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await confirmShipment(callOff.id);
                  setConfirming(false);
                  onShipped();
                })
              }
            >
              {t('partner.callOff.confirmShip')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
              {t('action.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-primary button-large"
            onClick={() => setConfirming(true)}
          >
            {t('partner.callOff.ship')}
          </button>
        )}
        {!reporting && (
          <button type="button" className="button button-large" onClick={() => setReporting(true)}>
            {t('partner.callOff.reportDelay')}
          </button>
        )}
      </div>
      {reporting && (
        <form className="form pw-delay" onSubmit={submitDelay} aria-label={t('partner.callOff.reportDelay')}>
          <p className="muted">{t('partner.callOff.delayIntro')}</p>
          <div className="form-grid">
            <TextField
              label={t('partner.callOff.newDate')}
              type="date"
              required
              min={addDays(callOff.dueDate, 1)}
              value={newDate}
              onValue={setNewDate}
            />
            <TextField
              label={t('partner.callOff.reason')}
              required
              maxLength={500}
              value={reason}
              onValue={setReason}
            />
          </div>
          {check && !check.ok && (
            <p className="alert alert-error" role="alert">
              {t(
                check.problem === 'not_later'
                  ? 'partner.callOff.dateNotLater'
                  : check.field === 'reason'
                    ? 'partner.callOff.reasonRequired'
                    : 'partner.callOff.dateRequired',
              )}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button button-danger" disabled={busy}>
              {t('partner.callOff.sendDelay')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setReporting(false)}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
