import { type FormEvent, type ReactNode, useId, useState } from 'react';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { DetailsList } from '../ui/details-list.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { TextField } from '../ui/text-field.tsx';
import { WEEKDAY_KEYS } from './day-label.ts';
import { OptionRulesPanel } from './option-rules-panel.tsx';
import { type Line, setWeeklyPattern, updateLine } from './production-api.ts';
import { TransportDaysPanel } from './transport-days-panel.tsx';

const TABS = ['settings', 'weekly', 'rules', 'transport'] as const;
type Tab = (typeof TABS)[number];

const TAB_LABEL: Record<Tab, MessageKey> = {
  settings: 'factory.settings.tab.settings',
  weekly: 'factory.settings.tab.weekly',
  rules: 'factory.settings.tab.rules',
  transport: 'factory.settings.tab.transport',
};

/** The line's plant model in tabs: settings, weekly shifts, N/P rules, transport days. */
export function LineSettings({
  line,
  editable,
  optionLabel,
  onChanged,
}: {
  line: Line;
  editable: boolean;
  optionLabel: (code: string) => string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [tab, setTab] = useState<Tab>('settings');
  const panels: Record<Tab, ReactNode> = {
    settings: <SettingsForm key={line.id} line={line} editable={editable} onSaved={onChanged} />,
    weekly: <WeeklyPatternForm key={line.id} line={line} editable={editable} onSaved={onChanged} />,
    rules: (
      <OptionRulesPanel
        lineId={line.id}
        editable={editable}
        optionLabel={optionLabel}
        onChanged={onChanged}
      />
    ),
    transport: <TransportDaysPanel editable={editable} onChanged={onChanged} />,
  };
  return (
    <div className="fw-tabs">
      <div role="tablist" aria-label={t('factory.settings.title')} className="fw-tablist">
        {TABS.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`${id}-${key}`}
            aria-selected={tab === key}
            aria-controls={`${id}-${key}-panel`}
            className="fw-tab"
            onClick={() => setTab(key)}
          >
            {t(TAB_LABEL[key])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-${tab}-panel`} aria-labelledby={`${id}-${tab}`} className="card">
        {panels[tab]}
      </div>
    </div>
  );
}

function useSave(onSaved: () => void) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  async function save(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await action();
      setDone(true);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, done, save };
}

const SETTINGS = [
  {
    field: 'paintBatchLimit',
    label: 'factory.settings.paintBatchLimit',
    hint: 'factory.settings.paintBatchLimit.hint',
    min: 1,
    max: 1000,
  },
  {
    field: 'frozenDays',
    label: 'factory.settings.frozenDays',
    hint: 'factory.settings.frozenDays.hint',
    min: 0,
    max: 30,
  },
  {
    field: 'buildDays',
    label: 'factory.settings.buildDays',
    hint: 'factory.settings.buildDays.hint',
    min: 1,
    max: 30,
  },
  {
    field: 'storageSlackDays',
    label: 'factory.settings.storageSlackDays',
    hint: 'factory.settings.storageSlackDays.hint',
    min: 0,
    max: 10,
  },
  {
    field: 'reworkDays',
    label: 'factory.settings.reworkDays',
    hint: 'factory.settings.reworkDays.hint',
    min: 0,
    max: 10,
  },
] as const satisfies ReadonlyArray<{
  field: keyof Line;
  label: MessageKey;
  hint: MessageKey;
  min: number;
  max: number;
}>;

type SettingField = (typeof SETTINGS)[number]['field'];

function SettingsForm({ line, editable, onSaved }: { line: Line; editable: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Record<SettingField, string>>(
    () =>
      Object.fromEntries(SETTINGS.map((s) => [s.field, String(line[s.field])])) as Record<
        SettingField,
        string
      >,
  );
  const { error, busy, done, save } = useSave(onSaved);
  if (!editable) {
    return (
      <DetailsList
        items={[
          ...SETTINGS.map((s) => ({ label: t(s.label), value: line[s.field] })),
          { label: t('factory.settings.paintFamily'), value: line.paintFamily },
          { label: t('factory.settings.timeZone'), value: line.timeZone },
        ]}
      />
    );
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const patch = Object.fromEntries(SETTINGS.map((s) => [s.field, Number(draft[s.field])]));
    void save(() => updateLine(line.id, patch));
  }
  return (
    <form className="form" onSubmit={submit}>
      <div className="form-grid">
        {SETTINGS.map((s) => (
          <TextField
            key={s.field}
            label={t(s.label)}
            hint={t(s.hint)}
            type="number"
            min={s.min}
            max={s.max}
            required
            value={draft[s.field]}
            onValue={(value) => setDraft((d) => ({ ...d, [s.field]: value }))}
          />
        ))}
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {done && (
        <p className="alert alert-success" role="status">
          {t('factory.settings.saved')}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('factory.settings.save')}
      </button>
    </form>
  );
}

function WeeklyPatternForm({
  line,
  editable,
  onSaved,
}: {
  line: Line;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState(() =>
    line.weekly.map((d) => ({ shifts: String(d.shifts), cars: String(d.carsPerShift) })),
  );
  const { error, busy, done, save } = useSave(onSaved);
  const capacity = rows.map((r) => (Number(r.shifts) || 0) * (Number(r.cars) || 0));
  const total = capacity.reduce((a, b) => a + b, 0);
  function set(index: number, field: 'shifts' | 'cars', value: string) {
    setRows((all) => all.map((r, i) => (i === index ? { ...r, [field]: value } : r)));
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    void save(() =>
      setWeeklyPattern(
        line.id,
        rows.map((r) => ({ shifts: Number(r.shifts), carsPerShift: Number(r.cars) })),
      ),
    );
  }
  return (
    <form className="form" onSubmit={submit}>
      <p className="muted">{t('factory.weekly.intro')}</p>
      <div className="table-wrap">
        <table className="data-table fw-weekly">
          <caption className="visually-hidden">{t('factory.settings.tab.weekly')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('factory.weekly.day')}</th>
              <th scope="col">{t('factory.weekly.shifts')}</th>
              <th scope="col">{t('factory.weekly.carsPerShift')}</th>
              <th scope="col">{t('factory.weekly.capacity')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const dayName = t(WEEKDAY_KEYS[i] ?? 'factory.weekday.1');
              return (
                <tr key={WEEKDAY_KEYS[i]}>
                  <th scope="row">{dayName}</th>
                  <td data-label={t('factory.weekly.shifts')}>
                    {editable ? (
                      <input
                        type="number"
                        min={0}
                        max={4}
                        required
                        aria-label={`${dayName} ${t('factory.weekly.shifts')}`}
                        value={row.shifts}
                        onChange={(e) => set(i, 'shifts', e.target.value)}
                      />
                    ) : (
                      row.shifts
                    )}
                  </td>
                  <td data-label={t('factory.weekly.carsPerShift')}>
                    {editable ? (
                      <input
                        type="number"
                        min={0}
                        max={1000}
                        required
                        aria-label={`${dayName} ${t('factory.weekly.carsPerShift')}`}
                        value={row.cars}
                        onChange={(e) => set(i, 'cars', e.target.value)}
                      />
                    ) : (
                      row.cars
                    )}
                  </td>
                  <td data-label={t('factory.weekly.capacity')}>{capacity[i]}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>{t('factory.weekly.total', { total })}</p>
      {error !== null && <ErrorAlert error={error} />}
      {done && (
        <p className="alert alert-success" role="status">
          {t('factory.weekly.saved')}
        </p>
      )}
      {editable && (
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('factory.weekly.save')}
        </button>
      )}
    </form>
  );
}
