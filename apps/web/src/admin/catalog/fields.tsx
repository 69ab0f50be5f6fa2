import type { LocalizedText } from '@openc2b/configurator';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { fenToYuan, yuanToFen } from './money.ts';

/** Two inputs, Chinese and English, for one text the storefront shows in both languages. */
export function BilingualField({
  label,
  value,
  onValue,
  multiline,
  testId,
}: {
  label: string;
  value: LocalizedText | undefined;
  onValue: (value: LocalizedText | undefined) => void;
  multiline?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const text = value ?? { 'zh-CN': '', en: '' };
  const set = (locale: keyof LocalizedText, next: string) => {
    const updated = { ...text, [locale]: next };
    onValue(updated['zh-CN'] === '' && updated.en === '' ? undefined : updated);
  };
  const Input = multiline ? 'textarea' : 'input';
  return (
    <fieldset className="cat-bilingual" data-testid={testId}>
      <legend>{label}</legend>
      <div className="cat-bilingual-pair">
        <label htmlFor={`${id}-zh`}>
          <span className="cat-lang">{t('admin.catalog.lang.zh')}</span>
          <Input
            id={`${id}-zh`}
            value={text['zh-CN']}
            onChange={(e) => set('zh-CN', e.target.value)}
            rows={3}
          />
        </label>
        <label htmlFor={`${id}-en`}>
          <span className="cat-lang">{t('admin.catalog.lang.en')}</span>
          <Input
            id={`${id}-en`}
            value={text.en}
            lang="en"
            onChange={(e) => set('en', e.target.value)}
            rows={3}
          />
        </label>
      </div>
    </fieldset>
  );
}

/** A price typed in yuan and stored in fen; shows an error instead of guessing at bad input. */
export function PriceField({
  label,
  fen,
  onFen,
  testId,
}: {
  label: string;
  fen: number;
  onFen: (fen: number) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(() => fenToYuan(fen));
  // Follow changes made elsewhere (undo by reload, import) unless the text already means them.
  useEffect(() => {
    setText((current) => (yuanToFen(current) === fen ? current : fenToYuan(fen)));
  }, [fen]);
  const invalid = yuanToFen(text) === null;
  return (
    <div className="field cat-price">
      <label htmlFor={id}>{label}</label>
      <div className="cat-price-input">
        <span aria-hidden="true">¥</span>
        <input
          id={id}
          inputMode="decimal"
          value={text}
          data-testid={testId}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            const next = yuanToFen(event.target.value);
            if (next !== null) onFen(next);
          }}
        />
      </div>
      {invalid && (
        <p id={`${id}-error`} className="hint cat-error-text">
          {t('admin.catalog.price.invalid')}
        </p>
      )}
    </div>
  );
}
