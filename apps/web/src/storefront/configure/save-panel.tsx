import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { type SavedConfiguration, saveConfiguration } from './catalog-api.ts';
import { checkoutPath, comparePath, shareUrl, specPath } from './share-link.ts';

type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; saved: Pick<SavedConfiguration, 'code'> }
  | { status: 'error'; error: unknown };

/** Save (signed in or not) -> the short code and a share link that reopens exactly this car. */
export function SavePanel({
  modelLine,
  versionId,
  code,
  alreadySaved,
}: {
  modelLine: string;
  versionId: string;
  /** The configuration code when the selection is complete, else undefined. */
  code: string | undefined;
  /** The code this page was opened with (a share link), shown as saved while unchanged. */
  alreadySaved: string | undefined;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const [copied, setCopied] = useState(false);
  const savedCode =
    state.status === 'saved' && state.saved.code === code
      ? state.saved.code
      : code && code === alreadySaved
        ? code
        : undefined;

  async function save() {
    if (!code) return;
    setState({ status: 'saving' });
    try {
      const saved = await saveConfiguration({ modelLine, versionId, code });
      setState({ status: 'saved', saved });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  }

  if (savedCode) {
    const link = shareUrl(window.location.origin, savedCode);
    return (
      <div className="cfg-share" data-testid="share">
        <p className="cfg-share-title">{t('cfg.save.saved')}</p>
        <p className="cfg-code">
          {t('cfg.save.code')} <code data-testid="share-code">{savedCode}</code>
        </p>
        <div className="cfg-share-row">
          <input
            className="cfg-share-link"
            readOnly
            value={link}
            aria-label={t('cfg.save.link')}
            data-testid="share-link"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="button" data-testid="copy-link" onClick={() => copy(link)}>
            {copied ? t('action.copied') : t('action.copy')}
          </button>
        </div>
        <Link
          className="button button-primary button-block"
          to={checkoutPath(savedCode)}
          data-testid="order-this-car"
        >
          {t('checkout.action')}
        </Link>
        <p className="cfg-share-more">
          <Link to={specPath(savedCode)} data-testid="spec-link">
            {t('cfg.save.spec')}
          </Link>
          <Link to={comparePath(savedCode)}>{t('cfg.save.compare')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="cfg-save">
      <button
        type="button"
        className="button button-primary button-block"
        data-testid="save-configuration"
        disabled={!code || state.status === 'saving'}
        onClick={save}
      >
        {state.status === 'saving' ? t('cfg.save.saving') : t('cfg.save.save')}
      </button>
      {!code && <p className="hint">{t('cfg.save.incomplete')}</p>}
      {state.status === 'error' && <ErrorAlert error={state.error} />}
    </div>
  );
}
