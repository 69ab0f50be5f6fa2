import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { DetailsList } from '../ui/details-list.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { TextField } from '../ui/text-field.tsx';
import {
  type CalendarDay,
  type CalendarRange,
  calendarWeeks,
  type DayKind,
  dayKind,
  fullOptionLimits,
  loadShare,
} from './calendar-grid.ts';
import { dayLabel, WEEKDAY_KEYS } from './day-label.ts';
import { deleteException, type ExceptionRequest, putException } from './production-api.ts';

const EXCEPTION_KINDS = ['holiday', 'makeup_workday', 'overtime', 'reduced'] as const;
type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export function dayPlanPath(lineId: string, date: string): string {
  return `/factory/lines/${encodeURIComponent(lineId)}/days/${date}`;
}

/** The weeks x days grid: each day a button with its capacity, cars, exception and freeze. */
export function CapacityCalendar({
  range,
  days,
  today,
  frozenUntil,
  selected,
  onSelect,
  onMove,
  onToday,
}: {
  range: CalendarRange;
  days: CalendarDay[];
  today: string;
  frozenUntil: string;
  selected: string | null;
  onSelect: (date: string) => void;
  onMove: (pages: number) => void;
  onToday: () => void;
}) {
  const { t, locale } = useI18n();
  const weeks = calendarWeeks(range, days, today);
  return (
    <div className="fw-calendar" data-testid="capacity-calendar">
      <div className="fw-calendar-bar">
        <p className="fw-calendar-range">
          {t('factory.calendar.range', { from: range.from, to: range.to })}
          <span className="muted small"> · {t('factory.calendar.frozenUntil', { date: frozenUntil })}</span>
        </p>
        <div className="actions">
          <button type="button" className="button" onClick={() => onMove(-1)}>
            {t('factory.calendar.previous')}
          </button>
          <button type="button" className="button" onClick={onToday}>
            {t('factory.calendar.today')}
          </button>
          <button type="button" className="button" onClick={() => onMove(1)}>
            {t('factory.calendar.next')}
          </button>
        </div>
      </div>
      <div className="table-wrap">
        <table className="fw-calendar-grid">
          <caption className="visually-hidden">{t('factory.calendar.caption')}</caption>
          <thead>
            <tr>
              {WEEKDAY_KEYS.map((key) => (
                <th key={key} scope="col">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0]?.date}>
                {week.map((cell) => {
                  const day = cell.day;
                  const kind: DayKind | 'unknown' = day ? dayKind(day) : 'unknown';
                  const share = day ? loadShare(day) : null;
                  const full = day ? fullOptionLimits(day) : [];
                  const label = day
                    ? `${dayLabel(t, cell.date)}: ${t(`factory.dayKind.${kind as DayKind}`)}, ${t('factory.calendar.load', { reserved: day.reserved, capacity: day.capacity })}`
                    : dayLabel(t, cell.date);
                  const showMonth = cell.firstOfMonth || cell === week[0];
                  return (
                    <td
                      key={cell.date}
                      className={`fw-day fw-day-${kind}${cell.isToday ? ' fw-day-today' : ''}`}
                    >
                      <button
                        type="button"
                        className="fw-day-button"
                        aria-pressed={selected === cell.date}
                        aria-label={label}
                        data-date={cell.date}
                        onClick={() => onSelect(cell.date)}
                      >
                        <span className="fw-day-date">
                          {showMonth ? cell.date.slice(5).replace('-', '/') : Number(cell.date.slice(8))}
                        </span>
                        {day && day.capacity > 0 && (
                          <span className="fw-day-load">
                            {day.reserved}/{day.capacity}
                          </span>
                        )}
                        {share !== null && (
                          <span className="fw-day-meter" aria-hidden="true">
                            <span style={{ width: `${Math.round(share * 100)}%` }} />
                          </span>
                        )}
                        {day?.exception && (
                          <span className="fw-day-note">
                            {pickLocalized(day.exception.reason, locale) ||
                              t(`production.exception.${day.exception.kind}`)}
                          </span>
                        )}
                        {kind === 'frozen' && (
                          <span className="fw-day-tag">{t('factory.dayKind.frozen')}</span>
                        )}
                        {full.length > 0 && kind !== 'frozen' && (
                          <span className="fw-day-tag fw-day-tag-warn">
                            {t('factory.calendar.limitsFull', { count: full.length })}
                          </span>
                        )}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="fw-legend" aria-label={t('factory.calendar.legend')}>
        {(['open', 'full', 'horizon', 'frozen', 'holiday', 'closed'] as const).map((kind) => (
          <li key={kind}>
            <span className={`fw-swatch fw-day-${kind}`} aria-hidden="true" />
            {t(`factory.dayKind.${kind}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One date of the calendar: what it holds, its option limits, and (planners) its exception. */
export function DayDetails({
  lineId,
  day,
  editable,
  onChanged,
}: {
  lineId: string;
  day: CalendarDay;
  editable: boolean;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const kind = dayKind(day);
  return (
    <div className="card fw-day-details" data-testid="day-details">
      <h3>{dayLabel(t, day.date)}</h3>
      <DetailsList
        items={[
          { label: t('factory.day.status'), value: t(`factory.dayKind.${kind}`) },
          { label: t('factory.day.capacity'), value: day.capacity },
          { label: t('factory.day.reserved'), value: day.reserved },
          {
            label: t('factory.day.exception'),
            value: day.exception
              ? `${t(`production.exception.${day.exception.kind}`)} · ${pickLocalized(day.exception.reason, locale)}`
              : t('factory.day.noException'),
          },
        ]}
      />
      {day.optionLoads.length > 0 && day.capacity > 0 && (
        <>
          <h4>{t('factory.day.optionLimits')}</h4>
          <ul className="fw-loads">
            {day.optionLoads.map((load) => (
              <li key={load.rule.id}>
                <span>
                  {pickLocalized(load.rule.name, locale)}{' '}
                  <span className="muted small">
                    {t('factory.rule.ratio', { n: load.rule.n, p: load.rule.p })}
                  </span>
                </span>
                <span className={load.reserved >= load.maxCars ? 'fw-warn' : undefined}>
                  {load.reserved}/{load.maxCars}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {(day.capacity > 0 || day.reserved > 0) && (
        <p>
          <Link className="button button-primary" to={dayPlanPath(lineId, day.date)}>
            {t('factory.day.open')}
          </Link>
        </p>
      )}
      {editable && !day.frozen && (
        <ExceptionEditor key={day.date} lineId={lineId} day={day} onChanged={onChanged} />
      )}
    </div>
  );
}

type Draft = { kind: ExceptionKind; shifts: string; carsPerShift: string; zh: string; en: string };

function draftOf(day: CalendarDay): Draft {
  const e = day.exception;
  return {
    kind: e?.kind ?? 'holiday',
    shifts: String(e?.shifts ?? 1),
    carsPerShift: String(e?.carsPerShift ?? 24),
    zh: e?.reason?.['zh-CN'] ?? '',
    en: e?.reason?.en ?? '',
  };
}

/** Set a holiday, make-up working day, overtime or reduced day (with its reason in both languages), or remove it. */
function ExceptionEditor({
  lineId,
  day,
  onChanged,
}: {
  lineId: string;
  day: CalendarDay;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(day));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const working = draft.kind !== 'holiday';

  async function run(action: () => Promise<void>, message: string) {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      await action();
      setSaved(message);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const body: ExceptionRequest = {
      kind: draft.kind,
      reason: { 'zh-CN': draft.zh.trim(), en: draft.en.trim() },
      ...(working ? { shifts: Number(draft.shifts), carsPerShift: Number(draft.carsPerShift) } : {}),
    };
    void run(() => putException(lineId, day.date, body), t('factory.exception.saved'));
  }

  return (
    <form className="form fw-exception" onSubmit={submit} aria-label={t('factory.exception.title')}>
      <h4>{t('factory.exception.title')}</h4>
      <div className="field">
        <label htmlFor={`exc-kind-${day.date}`}>{t('factory.exception.kind')}</label>
        <select id={`exc-kind-${day.date}`} value={draft.kind} onChange={(e) => set('kind')(e.target.value)}>
          {EXCEPTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`production.exception.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {working && (
        <div className="form-grid">
          <TextField
            label={t('factory.weekly.shifts')}
            type="number"
            min={0}
            max={4}
            required
            value={draft.shifts}
            onValue={set('shifts')}
          />
          <TextField
            label={t('factory.weekly.carsPerShift')}
            type="number"
            min={0}
            max={1000}
            required
            value={draft.carsPerShift}
            onValue={set('carsPerShift')}
          />
        </div>
      )}
      <div className="form-grid">
        <TextField
          label={t('factory.exception.reasonZh')}
          required
          maxLength={200}
          value={draft.zh}
          onValue={set('zh')}
        />
        <TextField
          label={t('factory.exception.reasonEn')}
          required
          maxLength={200}
          lang="en"
          value={draft.en}
          onValue={set('en')}
        />
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {saved && (
        <p className="alert alert-success" role="status">
          {saved}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('factory.exception.save')}
        </button>
        {day.exception && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(() => deleteException(lineId, day.date), t('factory.exception.removed'))}
          >
            {t('factory.exception.remove')}
          </button>
        )}
      </div>
    </form>
  );
}
