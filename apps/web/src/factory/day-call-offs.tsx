import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { CallOffItems } from '../partner/call-off-items.tsx';
import { callOffTotals } from '../partner/call-off-logic.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { useApi } from '../ui/use-api.ts';
import { listDayCallOffs } from './production-api.ts';

/** The call-offs a frozen day issued: per supplier, just-in-sequence per car or daily totals. */
export function DayCallOffs({ lineId, day }: { lineId: string; day: string }) {
  const { t, locale } = useI18n();
  const callOffs = useApi(() => listDayCallOffs(lineId, day), [lineId, day]);
  return (
    <AsyncView value={callOffs} onRetry={callOffs.reload}>
      {(items) =>
        items.length === 0 ? (
          <p className="empty">{t('factory.callOffs.none')}</p>
        ) : (
          <ul className="fw-calloffs" data-testid="day-call-offs">
            {[...items]
              .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'sequenced' ? -1 : 1))
              .map((c) => {
                const totals = callOffTotals(c);
                return (
                  <li key={c.id} className="card">
                    <details>
                      <summary>
                        <strong>{pickLocalized(c.supplierName, locale) ?? c.supplierId}</strong>{' '}
                        <span className="badge">{t(`production.calloff.kind.${c.kind}`)}</span>{' '}
                        <span
                          className={
                            c.status === 'delayed'
                              ? 'badge badge-warn'
                              : c.status === 'shipped'
                                ? 'badge badge-ok'
                                : 'badge badge-muted'
                          }
                        >
                          {t(`production.calloff.status.${c.status}`)}
                        </span>
                        <span className="muted small">
                          {' '}
                          · {t('factory.callOffs.due', { date: c.dueDate })} ·{' '}
                          {t('factory.callOffs.totals', { lines: totals.lines, quantity: totals.quantity })}
                          {c.delayedUntil &&
                            ` · ${t('factory.callOffs.delayedUntil', { date: c.delayedUntil })}`}
                        </span>
                      </summary>
                      {c.delayReason && <p className="small">{c.delayReason}</p>}
                      <CallOffItems callOff={c} />
                    </details>
                  </li>
                );
              })}
          </ul>
        )
      }
    </AsyncView>
  );
}
