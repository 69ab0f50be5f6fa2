import type { Family, FamilyState, OptionState } from '@openc2b/configurator';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { Locale } from '../../i18n/locales.ts';
import { isNoneOption, type ModelLookup } from './model-labels.ts';
import { formatMoney, formatMoneyDelta, type Selection } from './price-breakdown.ts';

type Props = {
  family: Family;
  state: FamilyState | undefined;
  currency: string;
  /** Price of the cheapest completion with the family's current choice (or of all, when unset). */
  reference: number | null;
  lookup: ModelLookup;
  selection: Selection;
  onChoose: (family: string, option: string, possible: boolean) => void;
};

/** One option family: its options with price differences, swatches, and why some are unavailable. */
export function FamilyCard({ family, state, currency, reference, lookup, selection, onChoose }: Props) {
  const { t, locale } = useI18n();
  const options = state?.options ?? [];
  const selected = state?.selected ?? null;
  const status = selected ? 'chosen' : state?.forced ? 'forced' : 'open';
  return (
    <fieldset className={`cfg-family cfg-family-${status}`} data-testid={`family-${family.code}`}>
      <legend className="cfg-family-head">
        <span className="cfg-family-label">{lookup.familyLabel(family.code)}</span>
        <span className={`badge ${selected ? 'badge-ok' : 'badge-muted'}`}>
          {selected
            ? t('cfg.family.chosen')
            : family.optional
              ? t('cfg.family.optional')
              : t('cfg.family.open')}
        </span>
      </legend>
      <div className="cfg-options">
        {options.map((option) => (
          <OptionButton
            key={option.code}
            family={family}
            option={option}
            selected={option.code === selected}
            currency={currency}
            reference={reference}
            lookup={lookup}
            selection={selection}
            locale={locale}
            onChoose={onChoose}
          />
        ))}
      </div>
    </fieldset>
  );
}

function OptionButton({
  family,
  option,
  selected,
  currency,
  reference,
  lookup,
  selection,
  locale,
  onChoose,
}: {
  family: Family;
  option: OptionState;
  selected: boolean;
  currency: string;
  reference: number | null;
  lookup: ModelLookup;
  selection: Selection;
  locale: Locale;
  onChoose: Props['onChoose'];
}) {
  const { t } = useI18n();
  const none = isNoneOption(family.code, option.code);
  const model = none ? undefined : lookup.option(option.code);
  const delta =
    option.possible && option.minPrice !== null && reference !== null
      ? option.minPrice - reference
      : undefined;
  const listPrice = model?.price ?? 0;
  const blocked = !option.possible;
  const reasons = blocked ? blockedReasons(option, lookup) : { choices: [], messages: [] };
  return (
    <button
      type="button"
      className={`cfg-option${selected ? ' is-selected' : ''}${blocked ? ' is-blocked' : ''}`}
      aria-pressed={selected}
      data-testid={`option-${option.code}`}
      data-possible={option.possible ? 'true' : 'false'}
      onClick={() => {
        if (!selected) onChoose(family.code, option.code, option.possible);
      }}
    >
      <span className="cfg-option-top">
        {model?.swatch && (
          <span className="cfg-swatch" style={{ background: model.swatch }} aria-hidden="true" />
        )}
        <span className="cfg-option-label">{lookup.optionLabel(family.code, option.code)}</span>
        <span className="cfg-option-price">
          {selected
            ? t('cfg.option.selected')
            : delta !== undefined
              ? formatMoneyDelta(delta, currency, locale)
              : listPrice
                ? t('cfg.option.listPrice', { price: formatMoney(listPrice, currency, locale) })
                : ''}
        </span>
      </span>
      {blocked && (
        <span
          className="cfg-option-why"
          data-testid={`why-${option.code}`}
          title={reasons.messages.join('\n')}
        >
          {reasons.choices.map((text) => (
            <span key={text} className="cfg-why-choice">
              {text}
            </span>
          ))}
          {reasons.messages.length > 0 && <span className="cfg-why-rule">{reasons.messages.join(' ')}</span>}
        </span>
      )}
    </button>
  );

  function blockedReasons(state: OptionState, l: ModelLookup): { choices: string[]; messages: string[] } {
    const by = state.blockedBy;
    if (!by) return { choices: [t('cfg.option.unavailable')], messages: [] };
    const first = by.choices[0];
    const choices =
      by.choices.length === 1 && first
        ? [
            t('cfg.option.conflictsWith', {
              choice: `${l.familyLabel(first)}：${l.optionLabel(first, selection[first])}`,
            }),
          ]
        : by.choices.length > 1
          ? [
              t('cfg.option.needsChanges', {
                count: by.choices.length,
                families: by.choices
                  .slice(0, 3)
                  .map(l.familyLabel)
                  .join(locale === 'en' ? ', ' : '、'),
              }),
            ]
          : [];
    const messages = by.rules.map((id) => l.ruleMessage(id)).filter((m): m is string => Boolean(m));
    return { choices, messages };
  }
}
