import { Link, useSearchParams } from 'react-router';
import { dayLabel } from '../factory/day-label.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { AsyncView } from '../ui/async-view.tsx';
import { Page } from '../ui/page.tsx';
import { useApi } from '../ui/use-api.ts';
import {
  type CallOff,
  type CallOffFilter,
  callOffTotals,
  filterFromSearch,
  groupByDueDate,
  isStatusFilter,
  STATUS_FILTERS,
  searchOf,
} from './call-off-logic.ts';
import { listCallOffs } from './call-offs-api.ts';
import './partner.css';

/** The supplier's own call-offs, by due date, filtered by day and status (kept in the URL). */
export function CallOffsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const filter = filterFromSearch(search);
  const callOffs = useApi(() => listCallOffs(filter), [filter.day, filter.status]);
  const update = (next: CallOffFilter) => setSearch(new URLSearchParams(searchOf(next)), { replace: true });
  return (
    <Page title={t('partner.callOffs.title')} intro={t('partner.callOffs.intro')}>
      <form
        className="form-grid pw-filter"
        onSubmit={(e) => e.preventDefault()}
        aria-label={t('partner.callOffs.filter')}
      >
        <div className="field">
          <label htmlFor="calloff-day">{t('partner.callOffs.day')}</label>
          <input
            id="calloff-day"
            type="date"
            value={filter.day}
            onChange={(e) => update({ ...filter, day: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="calloff-status">{t('partner.callOffs.status')}</label>
          <select
            id="calloff-status"
            value={filter.status}
            onChange={(e) => isStatusFilter(e.target.value) && update({ ...filter, status: e.target.value })}
          >
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {s === 'all' ? t('partner.callOffs.allStatuses') : t(`production.calloff.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field pw-field-end">
          <button type="button" className="button" onClick={() => update({ day: '', status: 'all' })}>
            {t('partner.callOffs.clear')}
          </button>
        </div>
      </form>
      <AsyncView value={callOffs} onRetry={callOffs.reload}>
        {(items) =>
          items.length === 0 ? (
            <p className="empty">
              {filter.day || filter.status !== 'all'
                ? t('partner.callOffs.noneMatch')
                : t('partner.callOffs.none')}
            </p>
          ) : (
            <div data-testid="call-offs">
              {groupByDueDate(items).map((group) => (
                <section
                  key={group.dueDate}
                  className="section pw-group"
                  aria-labelledby={`due-${group.dueDate}`}
                >
                  <h2 id={`due-${group.dueDate}`}>
                    {t('partner.callOffs.dueOn', { day: dayLabel(t, group.dueDate) })}
                  </h2>
                  <ul className="pw-list">
                    {group.items.map((c) => (
                      <CallOffRow key={c.id} callOff={c} />
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )
        }
      </AsyncView>
    </Page>
  );
}

function CallOffRow({ callOff }: { callOff: CallOff }) {
  const { t } = useI18n();
  const totals = callOffTotals(callOff);
  return (
    <li className="card pw-row">
      <div>
        <p className="pw-row-title">
          <Link to={`/partner/call-offs/${encodeURIComponent(callOff.id)}`}>
            {t(`production.calloff.kind.${callOff.kind}`)} ·{' '}
            {t('partner.callOffs.forDay', { day: callOff.day })}
          </Link>
        </p>
        <p className="muted small">
          {callOff.kind === 'sequenced'
            ? t('partner.callOffs.sequencedTotals', { vehicles: totals.vehicles, quantity: totals.quantity })
            : t('partner.callOffs.dailyTotals', { parts: totals.parts, quantity: totals.quantity })}
          {callOff.delayedUntil && ` · ${t('partner.callOffs.delayedUntil', { day: callOff.delayedUntil })}`}
        </p>
      </div>
      <StatusBadge status={callOff.status} />
    </li>
  );
}

export function StatusBadge({ status }: { status: CallOff['status'] }) {
  const { t } = useI18n();
  const tone = status === 'shipped' ? 'badge badge-ok' : status === 'delayed' ? 'badge badge-warn' : 'badge';
  return <span className={tone}>{t(`production.calloff.status.${status}`)}</span>;
}
