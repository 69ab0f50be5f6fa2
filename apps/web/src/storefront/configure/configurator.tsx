import {
  type CompiledModel,
  encodeConfiguration,
  type FamilyState,
  query,
  type RepairResult,
  repairs,
} from '@openc2b/configurator';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import './configurator.css';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { type OrderBeingChanged, OrderChangePanel } from '../orders/order-change-panel.tsx';
import type { ModelLineDetail } from './catalog-api.ts';
import { ConflictDialog } from './conflict-dialog.tsx';
import { FamilyCard } from './family-card.tsx';
import { HelpMeChoose } from './help-me-choose.tsx';
import { groupSteps, modelLookup } from './model-labels.ts';
import { formatMoney, priceBreakdown, type Selection } from './price-breakdown.ts';
import { SavePanel } from './save-panel.tsx';
import { configuratorReducer, initialState } from './selection-state.ts';
import { SummaryPanel } from './summary-panel.tsx';

type Props = {
  detail: ModelLineDetail;
  compiled: CompiledModel;
  /** The version the compiled model belongs to (a share link may pin an older one). */
  versionId: string;
  initialSelection: Selection;
  /** Set when opened from a share link: the code of the saved car. */
  savedCode?: string;
  notice?: string;
  /** Opened from an order to change its configuration (before lock): no saving, a quote instead. */
  forOrder?: OrderBeingChanged;
};

/** The configurator: steps of option families, answered by the engine in the browser on every click. */
export function Configurator({
  detail,
  compiled,
  versionId,
  initialSelection,
  savedCode,
  notice,
  forOrder,
}: Props) {
  const { t, locale } = useI18n();
  const model = detail.model;
  const [state, dispatch] = useReducer(configuratorReducer, initialSelection, initialState);
  const [stepIndex, setStepIndex] = useState(0);
  const [helping, setHelping] = useState(false);
  const [message, setMessage] = useState<string | undefined>(notice);
  const result = useMemo(() => query(compiled, state.selection), [compiled, state.selection]);
  const lookup = useMemo(() => modelLookup(model, locale, t('cfg.option.none')), [model, locale, t]);
  const steps = useMemo(() => groupSteps(model), [model]);
  const familyStates = useMemo(() => new Map(result.families.map((f) => [f.code, f])), [result]);
  const breakdown = useMemo(() => priceBreakdown(model, state.selection), [model, state.selection]);
  const code = useMemo(
    () => (result.complete ? encodeConfiguration(compiled, state.selection) : undefined),
    [compiled, result.complete, state.selection],
  );

  // Click-to-render timing: marked on click, measured once React has committed the new screen.
  const clickPending = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each committed answer
  useEffect(() => {
    if (!clickPending.current) return;
    clickPending.current = false;
    performance.mark('c2b:click-rendered');
    performance.measure('c2b:click', 'c2b:click-start', 'c2b:click-rendered');
  }, [result, state.conflict]);

  const choose = useCallback(
    (family: string, option: string, possible: boolean) => {
      performance.mark('c2b:click-start');
      clickPending.current = true;
      const outcome: RepairResult = possible
        ? { ok: true, selection: { ...state.selection, [family]: option } }
        : repairs(compiled, state.selection, { family, option });
      dispatch({ type: 'pick', pick: { family, option }, outcome });
    },
    [compiled, state.selection],
  );
  const accept = useCallback((selection: Selection) => {
    performance.mark('c2b:click-start');
    clickPending.current = true;
    dispatch({ type: 'accept', selection });
  }, []);
  const dismiss = useCallback(() => dispatch({ type: 'dismiss' }), []);

  const familyCount = result.families.length;
  const chosenCount = result.families.filter((f) => f.selected !== null).length;
  const step = steps[Math.min(stepIndex, steps.length - 1)];
  const openIn = (families: { code: string }[]) =>
    families.filter((f) => !familyStates.get(f.code)?.selected).length;

  return (
    <div className="cfg" data-testid="configurator" data-complete={result.complete ? 'true' : 'false'}>
      <header className="cfg-head">
        <div>
          <p className="eyebrow">{t('cfg.eyebrow', { year: detail.line.modelYear })}</p>
          <h1 id="page-title">{pickLocalized(detail.line.name, locale)}</h1>
          <p className="muted small" data-testid="engine-info">
            {t('cfg.engineInfo', {
              kb: (detail.version.compiledBytes / 1024).toFixed(1),
              version: detail.version.number,
            })}
          </p>
        </div>
        <div className="cfg-head-actions">
          <button
            type="button"
            className="button"
            onClick={() => setHelping(true)}
            data-testid="help-me-choose"
          >
            {t('cfg.help.open')}
          </button>
          <button
            type="button"
            className="button button-ghost"
            disabled={state.history.length === 0}
            onClick={() => dispatch({ type: 'undo' })}
            data-testid="undo"
          >
            {t('cfg.undo')}
          </button>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => dispatch({ type: 'replace', selection: model.defaults ?? {} })}
          >
            {t('cfg.defaults')}
          </button>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => dispatch({ type: 'replace', selection: {} })}
            data-testid="start-empty"
          >
            {t('cfg.startEmpty')}
          </button>
        </div>
      </header>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}

      <div className="cfg-layout">
        <div className="cfg-main">
          <nav className="cfg-steps" aria-label={t('cfg.steps')}>
            {steps.map((s, index) => {
              const open = openIn(s.families);
              return (
                <button
                  key={s.category}
                  type="button"
                  className={`cfg-step${index === stepIndex ? ' is-active' : ''}`}
                  aria-current={index === stepIndex ? 'step' : undefined}
                  data-testid={`step-${s.category}`}
                  onClick={() => setStepIndex(index)}
                >
                  <span>{categoryLabel(s.category)}</span>
                  {open > 0 && <span className="cfg-step-open">{open}</span>}
                </button>
              );
            })}
          </nav>
          {step && (
            <section
              className="cfg-step-body"
              aria-label={categoryLabel(step.category)}
              data-testid="step-body"
            >
              {step.families.map((family) => (
                <FamilyCard
                  key={family.code}
                  family={family}
                  state={familyStates.get(family.code)}
                  currency={model.currency}
                  reference={referencePrice(familyStates.get(family.code), result.price?.min ?? null)}
                  lookup={lookup}
                  selection={state.selection}
                  onChoose={choose}
                />
              ))}
              <div className="cfg-step-nav">
                <button
                  type="button"
                  className="button"
                  disabled={stepIndex === 0}
                  onClick={() => setStepIndex(stepIndex - 1)}
                >
                  {t('cfg.step.previous')}
                </button>
                <button
                  type="button"
                  className="button button-primary"
                  disabled={stepIndex >= steps.length - 1}
                  onClick={() => setStepIndex(stepIndex + 1)}
                  data-testid="step-next"
                >
                  {t('cfg.step.next')}
                </button>
              </div>
            </section>
          )}
        </div>
        <aside className="cfg-aside">
          <SummaryPanel
            model={model}
            result={result}
            breakdown={breakdown}
            lookup={lookup}
            chosen={chosenCount}
            total={familyCount}
            modelLine={detail.line.code}
            code={code}
          />
          {forOrder ? (
            <OrderChangePanel order={forOrder} code={code} />
          ) : (
            <SavePanel
              modelLine={detail.line.code}
              versionId={versionId}
              code={code}
              alreadySaved={savedCode}
            />
          )}
        </aside>
      </div>

      <div className="cfg-mobile-bar" aria-hidden="true">
        <span>{result.current !== null ? formatMoney(result.current, model.currency, locale) : '—'}</span>
        <span className="muted small">
          {t('cfg.summary.progress', { chosen: chosenCount, total: familyCount })}
        </span>
      </div>

      {state.conflict && (
        <ConflictDialog
          conflict={state.conflict}
          selection={state.selection}
          currency={model.currency}
          lookup={lookup}
          onAccept={accept}
          onDismiss={dismiss}
        />
      )}
      {helping && (
        <HelpMeChoose
          model={model}
          compiled={compiled}
          onClose={() => setHelping(false)}
          onRecommend={(selection, price) => {
            setHelping(false);
            dispatch({ type: 'replace', selection });
            setMessage(t('cfg.help.done', { price: formatMoney(price, model.currency, locale) }));
          }}
        />
      )}
    </div>
  );

  function categoryLabel(category: string): string {
    const key = `cfg.category.${category}`;
    return isCategoryKey(key) ? t(key) : category;
  }
}

const CATEGORY_KEYS = [
  'cfg.category.exterior',
  'cfg.category.interior',
  'cfg.category.powertrain',
  'cfg.category.seats',
  'cfg.category.wheels_tyres',
  'cfg.category.technology',
  'cfg.category.packages',
  'cfg.category.accessories',
  'cfg.category.other',
] as const;
function isCategoryKey(key: string): key is (typeof CATEGORY_KEYS)[number] {
  return (CATEGORY_KEYS as readonly string[]).includes(key);
}

/** What an option's price difference is measured against: the family's current choice, else the cheapest car. */
function referencePrice(state: FamilyState | undefined, cheapest: number | null): number | null {
  if (!state?.selected) return cheapest;
  return state.options.find((o) => o.code === state.selected)?.minPrice ?? cheapest;
}
