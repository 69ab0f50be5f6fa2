import type { Model, Option } from '@openc2b/configurator';
import { type Dispatch, useEffect } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { DraftAction } from './draft-state.ts';
import { BilingualField, PriceField } from './fields.tsx';
import { formatFen } from './money.ts';

const DEFAULT_SWATCH = '#888888';

function OptionCard({
  option,
  family,
  index,
  count,
  focused,
  dispatch,
}: {
  option: Option;
  family: number;
  index: number;
  count: number;
  focused: boolean;
  dispatch: Dispatch<DraftAction>;
}) {
  const { t } = useI18n();
  const update = (patch: Partial<Option>) => dispatch({ type: 'updateOption', family, index, patch });
  return (
    <li
      id={`cat-option-${family}-${index}`}
      className={`card cat-option${focused ? ' cat-focused' : ''}`}
      data-testid={`option-${option.code}`}
    >
      <div className="cat-option-head">
        {option.swatch && (
          <span className="cat-swatch" style={{ background: option.swatch }} aria-hidden="true" />
        )}
        <strong>{option.label?.['zh-CN'] || option.code}</strong>
        <span className="muted small">{option.label?.en}</span>
        <span className="actions cat-push">
          <button
            type="button"
            className="button button-ghost"
            disabled={index === 0}
            aria-label={t('admin.catalog.moveUpNamed', { name: option.code })}
            onClick={() => dispatch({ type: 'moveOption', family, index, by: -1 })}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button-ghost"
            disabled={index === count - 1}
            aria-label={t('admin.catalog.moveDownNamed', { name: option.code })}
            onClick={() => dispatch({ type: 'moveOption', family, index, by: 1 })}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button-danger"
            aria-label={t('admin.catalog.removeNamed', { name: option.code })}
            onClick={() => dispatch({ type: 'removeOption', family, index })}
          >
            {t('admin.catalog.remove')}
          </button>
        </span>
      </div>
      <div className="cat-grid">
        <TextField
          label={t('admin.catalog.field.code')}
          value={option.code}
          required
          spellCheck={false}
          onValue={(code) => update({ code })}
        />
        <PriceField
          label={t('admin.catalog.field.price')}
          fen={option.price ?? 0}
          onFen={(price) => update({ price })}
          testId={`price-${option.code}`}
        />
        <div className="field">
          <span className="cat-field-label">{t('admin.catalog.field.swatch')}</span>
          <div className="cat-swatch-row">
            <input
              type="color"
              aria-label={t('admin.catalog.field.swatchNamed', { name: option.code })}
              value={option.swatch && /^#[0-9a-f]{6}$/i.test(option.swatch) ? option.swatch : DEFAULT_SWATCH}
              onChange={(event) => update({ swatch: event.target.value })}
            />
            <code>{option.swatch ?? t('admin.catalog.swatch.none')}</code>
            {option.swatch && (
              <button
                type="button"
                className="button button-ghost"
                onClick={() => update({ swatch: undefined })}
              >
                {t('admin.catalog.swatch.clear')}
              </button>
            )}
          </div>
        </div>
      </div>
      <div className="cat-stack">
        <BilingualField
          label={t('admin.catalog.field.label')}
          value={option.label}
          onValue={(label) => update({ label })}
        />
        <BilingualField
          label={t('admin.catalog.field.description')}
          value={option.description}
          multiline
          onValue={(description) => update({ description })}
        />
      </div>
    </li>
  );
}

export function FamiliesPanel({
  model,
  dispatch,
  selected,
  onSelect,
  focusOption,
}: {
  model: Model;
  dispatch: Dispatch<DraftAction>;
  selected: number;
  onSelect: (family: number) => void;
  focusOption: number | null;
}) {
  const { t, locale } = useI18n();
  const family = model.families[selected];
  const categories = [...new Set(model.families.flatMap((f) => (f.category ? [f.category] : [])))];

  useEffect(() => {
    const id = focusOption === null ? `cat-family-${selected}` : `cat-option-${selected}-${focusOption}`;
    document.getElementById(id)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected, focusOption]);

  return (
    <div className="cat-split">
      <nav className="card cat-family-list" aria-label={t('admin.catalog.families.list')}>
        <PriceField
          label={t('admin.catalog.field.basePrice')}
          fen={model.basePrice}
          onFen={(fen) => dispatch({ type: 'setBasePrice', fen })}
          testId="base-price"
        />
        <h2 className="cat-list-title">
          {t('admin.catalog.families.count', { count: model.families.length })}
        </h2>
        <ol>
          {model.families.map((f, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: codes may repeat while being edited; the position is the identity
            <li key={`${index}-${f.code}`} id={`cat-family-${index}`}>
              <button
                type="button"
                className={`cat-family-item${index === selected ? ' cat-selected' : ''}`}
                aria-current={index === selected ? 'true' : undefined}
                data-testid={`family-${f.code}`}
                onClick={() => onSelect(index)}
              >
                <span>{f.label?.[locale] || f.code}</span>
                <span className="muted small">
                  {f.code} · {f.options.length}
                  {f.optional ? ` · ${t('admin.catalog.family.optionalShort')}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button-block"
          data-testid="add-family"
          onClick={() => {
            dispatch({ type: 'addFamily' });
            onSelect(model.families.length);
          }}
        >
          {t('admin.catalog.families.add')}
        </button>
      </nav>

      {family ? (
        <section className="cat-family-detail" aria-labelledby="cat-family-title">
          <div className="card">
            <div className="cat-option-head">
              <h2 id="cat-family-title">{family.label?.[locale] || family.code}</h2>
              <span className="actions cat-push">
                <button
                  type="button"
                  className="button button-ghost"
                  disabled={selected === 0}
                  onClick={() => {
                    dispatch({ type: 'moveFamily', index: selected, by: -1 });
                    onSelect(selected - 1);
                  }}
                >
                  {t('admin.catalog.moveUp')}
                </button>
                <button
                  type="button"
                  className="button button-ghost"
                  disabled={selected === model.families.length - 1}
                  onClick={() => {
                    dispatch({ type: 'moveFamily', index: selected, by: 1 });
                    onSelect(selected + 1);
                  }}
                >
                  {t('admin.catalog.moveDown')}
                </button>
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() => {
                    dispatch({ type: 'removeFamily', index: selected });
                    onSelect(Math.max(0, selected - 1));
                  }}
                >
                  {t('admin.catalog.families.remove')}
                </button>
              </span>
            </div>
            <div className="cat-grid">
              <TextField
                label={t('admin.catalog.field.code')}
                value={family.code}
                required
                spellCheck={false}
                onValue={(code) => dispatch({ type: 'updateFamily', index: selected, patch: { code } })}
              />
              <TextField
                label={t('admin.catalog.field.category')}
                value={family.category ?? ''}
                list="cat-categories"
                onValue={(category) =>
                  dispatch({
                    type: 'updateFamily',
                    index: selected,
                    patch: { category: category || undefined },
                  })
                }
              />
              <datalist id="cat-categories">
                {categories.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
              <label className="cat-check">
                <input
                  type="checkbox"
                  checked={family.optional === true}
                  onChange={(event) =>
                    dispatch({
                      type: 'updateFamily',
                      index: selected,
                      patch: { optional: event.target.checked ? true : undefined },
                    })
                  }
                />
                {t('admin.catalog.family.optional')}
              </label>
            </div>
            <BilingualField
              label={t('admin.catalog.field.label')}
              value={family.label}
              onValue={(label) => dispatch({ type: 'updateFamily', index: selected, patch: { label } })}
            />
          </div>

          <h3 className="cat-subtitle">
            {t('admin.catalog.options.title', { count: family.options.length })}
            <span className="muted small">
              {' '}
              ·{' '}
              {t('admin.catalog.options.basePrice', {
                price: formatFen(model.basePrice, locale, model.currency),
              })}
            </span>
          </h3>
          <ol className="cat-options">
            {family.options.map((option, index) => (
              <OptionCard
                // biome-ignore lint/suspicious/noArrayIndexKey: codes may repeat while being edited; the position is the identity
                key={`${index}-${family.code}`}
                option={option}
                family={selected}
                index={index}
                count={family.options.length}
                focused={focusOption === index}
                dispatch={dispatch}
              />
            ))}
          </ol>
          <button
            type="button"
            className="button"
            data-testid="add-option"
            onClick={() => dispatch({ type: 'addOption', family: selected })}
          >
            {t('admin.catalog.options.add')}
          </button>
        </section>
      ) : (
        <p className="empty">{t('admin.catalog.families.none')}</p>
      )}
    </div>
  );
}
