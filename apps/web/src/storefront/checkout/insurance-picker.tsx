import type { InsuranceProduct } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { missingRequirements, toggleProduct } from '../../orders/insurance-choice.ts';
import { formatApr, formatMoney } from '../../orders/money.ts';

/**
 * Insurance products to tick: each with its insurer and premium (the server's figure for this
 * vehicle when known, else the product's rule), add-ons with the cover they need.
 */
export function InsurancePicker({
  products,
  chosen,
  premiums,
  onChange,
}: {
  products: InsuranceProduct[];
  chosen: string[];
  /** Premiums the server quoted for this vehicle, by product code. */
  premiums: ReadonlyMap<string, number>;
  onChange: (codes: string[]) => void;
}) {
  const { t, locale } = useI18n();
  const nameOf = (code: string) => pickLocalized(products.find((p) => p.code === code)?.name, locale) ?? code;
  const premiumText = (p: InsuranceProduct) => {
    const quoted = premiums.get(p.code);
    if (quoted !== undefined)
      return t('insurance.premium', { amount: formatMoney(quoted, p.currency, locale) });
    if (p.premiumKind === 'fixed' && p.fixedPremium !== null) {
      return t('insurance.premium', { amount: formatMoney(p.fixedPremium, p.currency, locale) });
    }
    return t('insurance.rate', {
      percent: formatApr(p.rateBp ?? 0, locale),
      minimum: formatMoney(p.minimumPremium ?? 0, p.currency, locale),
    });
  };
  return (
    <fieldset className="choice-list" data-testid="insurance-picker">
      <legend className="visually-hidden">{t('order.section.insurance')}</legend>
      {products.map((p) => {
        const missing = missingRequirements(products, chosen, p.code);
        return (
          <label key={p.code} className="choice">
            <input
              type="checkbox"
              checked={chosen.includes(p.code)}
              onChange={(e) => onChange(toggleProduct(products, chosen, p.code, e.target.checked))}
            />
            <span className="choice-body">
              <span className="choice-title">
                <span>{pickLocalized(p.name, locale)}</span>
                <span>{premiumText(p)}</span>
              </span>
              <span className="choice-line muted small">
                {t(`insurance.kind.${p.kind}`)} · {pickLocalized(p.insurer, locale)} ·{' '}
                {pickLocalized(p.description, locale)}
              </span>
              {p.requires.length > 0 && missing.length > 0 && (
                <span className="choice-line muted small">
                  {t('insurance.requires', {
                    names: p.requires.map(nameOf).join(locale === 'zh-CN' ? '、' : ', '),
                  })}
                </span>
              )}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
