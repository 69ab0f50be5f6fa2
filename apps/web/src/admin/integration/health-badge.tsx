import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { Health } from './integration-logic.ts';

const TONE: Record<Health, string> = {
  ok: 'badge-ok',
  lagging: 'badge-warn',
  retrying: 'badge-warn',
  dead_letters: 'badge-danger',
  down: 'badge-danger',
  paused: 'badge-muted',
};

export function HealthBadge({ health }: { health: Health }) {
  const { t } = useI18n();
  return <span className={`badge ${TONE[health]}`}>{t(`admin.integration.health.${health}`)}</span>;
}

/** A delivery's status as a badge. */
export function DeliveryStatusBadge({ status }: { status: 'pending' | 'delivered' | 'dead' | 'retrying' }) {
  const { t } = useI18n();
  const tone = status === 'delivered' ? 'badge-ok' : status === 'dead' ? 'badge-danger' : 'badge-warn';
  return <span className={`badge ${tone}`}>{t(`admin.integration.status.${status}`)}</span>;
}
