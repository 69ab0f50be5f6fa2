import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { ErrorAlert } from './error-alert.tsx';
import type { Loadable } from './use-api.ts';

export function Spinner({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('status.loading')}
    </p>
  );
}

/** Renders loading and error states of a Loadable, and the data once it is there. */
export function AsyncView<T>({
  value,
  onRetry,
  children,
}: {
  value: Loadable<T>;
  onRetry?: () => void;
  children: (data: T) => ReactNode;
}) {
  if (value.status === 'loading') return <Spinner />;
  if (value.status === 'error') return <ErrorAlert error={value.error} {...(onRetry ? { onRetry } : {})} />;
  return <>{children(value.data)}</>;
}
