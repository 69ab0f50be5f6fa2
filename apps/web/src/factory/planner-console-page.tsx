import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { Page } from '../ui/page.tsx';
import { useApi } from '../ui/use-api.ts';
import { type CalendarDay, calendarRange, daysToPlan, rangeTotals, shiftRange } from './calendar-grid.ts';
import { CapacityCalendar, DayDetails, dayPlanPath } from './capacity-calendar.tsx';
import { useCatalogLabels } from './catalog-labels.ts';
import { dayLabel } from './day-label.ts';
import { canEditPlan } from './factory-roles.ts';
import { addDays, dateIn } from './iso-date.ts';
import { LineSettings } from './line-settings.tsx';
import { getLineCalendar, type Line, listLines } from './production-api.ts';
import './factory.css';

/** How far ahead the list of days with cars looks (the calendar route answers 120 days at most). */
const AHEAD_DAYS = 119;

/**
 * The planner console: the plant's lines, each with its capacity calendar, the days that hold
 * cars, and its plant model. HQ admins and analysts see the same, read-only.
 */
export function PlannerConsolePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const editable = canEditPlan(user?.role ?? null);
  const [search, setSearch] = useSearchParams();
  const lines = useApi(listLines, []);
  return (
    <Page
      title={t('factory.console.title')}
      intro={editable ? t('factory.console.intro') : t('factory.console.introReadOnly')}
    >
      <div data-testid="planner-console">
        <AsyncView value={lines} onRetry={lines.reload}>
          {(items) => {
            const line = items.find((l) => l.id === search.get('line')) ?? items[0];
            if (!line) return <p className="empty">{t('factory.console.noLines')}</p>;
            return (
              <>
                {items.length > 1 && (
                  <LinePicker lines={items} selected={line.id} onSelect={(id) => setSearch({ line: id })} />
                )}
                <LineConsole key={line.id} line={line} editable={editable} onLineChanged={lines.reload} />
              </>
            );
          }}
        </AsyncView>
      </div>
    </Page>
  );
}

function LinePicker({
  lines,
  selected,
  onSelect,
}: {
  lines: Line[];
  selected: string;
  onSelect: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <fieldset className="fw-line-picker">
      <legend className="visually-hidden">{t('factory.console.lines')}</legend>
      {lines.map((line) => (
        <button
          key={line.id}
          type="button"
          className={line.id === selected ? 'button button-primary' : 'button'}
          aria-pressed={line.id === selected}
          onClick={() => onSelect(line.id)}
        >
          {line.code} · {pickLocalized(line.name, locale)}
        </button>
      ))}
    </fieldset>
  );
}

function LineConsole({
  line,
  editable,
  onLineChanged,
}: {
  line: Line;
  editable: boolean;
  onLineChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const labels = useCatalogLabels(line.modelLines, locale);
  const today = dateIn(line.timeZone, new Date());
  const [range, setRange] = useState(() => calendarRange(today));
  const [selected, setSelected] = useState<string | null>(null);
  const calendar = useApi(
    () => getLineCalendar(line.id, range.from, range.to),
    [line.id, range.from, range.to],
  );
  const ahead = useApi(() => getLineCalendar(line.id, today, addDays(today, AHEAD_DAYS)), [line.id, today]);
  const reloadCalendars = () => {
    calendar.reload();
    ahead.reload();
  };
  const selectedDay =
    calendar.status === 'ok' ? (calendar.data.days.find((d) => d.date === selected) ?? null) : null;

  return (
    <>
      <section className="card fw-line" aria-labelledby="line-title">
        <h2 id="line-title">
          {line.code} · {pickLocalized(line.name, locale)}
        </h2>
        <p className="muted">
          {t('factory.line.builds', {
            modelLines: line.modelLines.map(labels.modelLine).join(t('factory.list.separator')),
          })}
        </p>
        <ul className="fw-facts">
          <li>
            {t('factory.line.capacityWeek', {
              cars: line.weekly.reduce((n, d) => n + d.shifts * d.carsPerShift, 0),
            })}
          </li>
          <li>{t('factory.line.frozenDays', { days: line.frozenDays })}</li>
          <li>{t('factory.line.paintBatchLimit', { cars: line.paintBatchLimit })}</li>
          <li>{t('factory.line.buildDays', { days: line.buildDays })}</li>
        </ul>
      </section>

      <section className="section fw-section" aria-labelledby="days-with-cars">
        <h2 id="days-with-cars">{t('factory.console.daysWithCars')}</h2>
        <AsyncView value={ahead} onRetry={ahead.reload}>
          {(data) => <DaysWithCars lineId={line.id} days={data.days} />}
        </AsyncView>
      </section>

      <section className="section fw-section" aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t('factory.calendar.title')}</h2>
        <AsyncView value={calendar} onRetry={calendar.reload}>
          {(data) => {
            const totals = rangeTotals(data.days);
            return (
              <div className="fw-calendar-layout">
                <div>
                  <CapacityCalendar
                    range={range}
                    days={data.days}
                    today={data.today}
                    frozenUntil={data.frozenUntil}
                    selected={selected}
                    onSelect={setSelected}
                    onMove={(pages) => setRange((r) => shiftRange(r, pages))}
                    onToday={() => setRange(calendarRange(data.today, range.weeks))}
                  />
                  <p className="muted small">
                    {t('factory.calendar.totals', {
                      workingDays: totals.workingDays,
                      reserved: totals.reserved,
                      capacity: totals.capacity,
                    })}
                  </p>
                </div>
                {selectedDay ? (
                  <DayDetails
                    lineId={line.id}
                    day={selectedDay}
                    editable={editable}
                    onChanged={reloadCalendars}
                  />
                ) : (
                  <p className="muted fw-day-hint">{t('factory.calendar.pick')}</p>
                )}
              </div>
            );
          }}
        </AsyncView>
      </section>

      <section className="section fw-section" aria-labelledby="settings-title">
        <h2 id="settings-title">{t('factory.settings.title')}</h2>
        <LineSettings
          line={line}
          editable={editable}
          optionLabel={labels.option}
          onChanged={() => {
            onLineChanged();
            reloadCalendars();
          }}
        />
      </section>
    </>
  );
}

/** The coming days that hold cars: those still to sequence and freeze first, then the frozen ones. */
function DaysWithCars({ lineId, days }: { lineId: string; days: CalendarDay[] }) {
  const { t } = useI18n();
  const open = daysToPlan(days);
  const frozen = days.filter((d) => d.reserved > 0 && d.frozen);
  if (open.length === 0 && frozen.length === 0) return <p className="empty">{t('factory.console.noCars')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="days-with-cars">
        <caption className="visually-hidden">{t('factory.console.daysWithCars')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('factory.day.date')}</th>
            <th scope="col">{t('factory.day.reserved')}</th>
            <th scope="col">{t('factory.day.status')}</th>
          </tr>
        </thead>
        <tbody>
          {[...open, ...frozen].map((day) => (
            <tr key={day.date}>
              <td data-label={t('factory.day.date')}>
                <Link to={dayPlanPath(lineId, day.date)}>{dayLabel(t, day.date)}</Link>
              </td>
              <td data-label={t('factory.day.reserved')}>
                {t('factory.calendar.load', { reserved: day.reserved, capacity: day.capacity })}
              </td>
              <td data-label={t('factory.day.status')}>
                {day.frozen ? (
                  <span className="badge badge-ok">{t('factory.dayKind.frozen')}</span>
                ) : day.insideHorizon ? (
                  <span className="badge badge-warn">{t('factory.console.freezeSoon')}</span>
                ) : (
                  <span className="badge">{t('factory.console.toPlan')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
