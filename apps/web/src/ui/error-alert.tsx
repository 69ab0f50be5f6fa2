import { ApiError } from '../api/api-error.ts';
import { errorMessageKey } from '../i18n/error-message.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';

/**
 * A failed request in words. `showFields: false` leaves out the server's field messages (English
 * and technical), for pages that say in their own words which field is wrong.
 */
export function ErrorAlert({
  error,
  onRetry,
  showFields = true,
}: {
  error: unknown;
  onRetry?: () => void;
  showFields?: boolean;
}) {
  const { t } = useI18n();
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  const fields = error instanceof ApiError && showFields ? error.fields : [];
  return (
    <div className="alert alert-error" role="alert">
      <p>{t(errorMessageKey(error))}</p>
      {fields.length > 0 && (
        <ul className="field-errors">
          {fields.map((field) => (
            <li key={field.path}>
              <code>{field.path}</code> {field.message}
            </li>
          ))}
        </ul>
      )}
      {requestId && <p className="muted small">{t('error.requestId', { requestId })}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}
