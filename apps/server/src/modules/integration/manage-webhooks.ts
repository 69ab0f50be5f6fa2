import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertAuthorized } from '../identity/index.ts';
import { checkWebhookUrl } from './check-webhook-url.ts';
import { isEventTypePattern, MAX_EVENT_TYPE_PATTERNS, selectedEventTypes } from './match-event-type.ts';
import { generateWebhookSecret } from './sign-webhook.ts';
import * as store from './store.ts';
import type { WebhookEndpoint } from './types.ts';

/** What the management functions need beyond ctx: the known event types and the URL policy. */
export type WebhookPolicy = { knownEventTypes: readonly string[]; allowPrivateNetworks: boolean };

export type NewWebhook = {
  name: string;
  description?: string | null | undefined;
  url: string;
  eventTypes: string[];
  active?: boolean | undefined;
};

export type WebhookPatch = Partial<NewWebhook>;

const NOT_FOUND = 'integration.webhook_not_found';

function checkUrl(url: string, policy: WebhookPolicy): string {
  const checked = checkWebhookUrl(url.trim(), { allowPrivate: policy.allowPrivateNetworks });
  if (!checked.ok) {
    const message = {
      invalid: 'Not a valid URL',
      scheme: 'Only http and https URLs are allowed',
      credentials: 'Put no user name or password in the URL',
      private_address: 'Private, loopback and link-local addresses are not allowed',
      unresolvable: 'The host name does not resolve',
    }[checked.reason];
    throw new AppError('unprocessable', 'integration.invalid_webhook_url', message, {
      fields: [{ path: 'url', message }],
      extra: { reason: checked.reason },
    });
  }
  return checked.url.toString();
}

function checkPatterns(patterns: string[], policy: WebhookPolicy): string[] {
  const unique = [...new Set(patterns.map((p) => p.trim()))];
  if (unique.length === 0 || unique.length > MAX_EVENT_TYPE_PATTERNS) {
    throw new AppError('unprocessable', 'integration.invalid_event_types', 'Give 1 to 50 event types.', {
      fields: [{ path: 'eventTypes', message: 'Give 1 to 50 event types' }],
    });
  }
  // A pattern that selects no known event is almost always a typo: refuse it now rather than
  // deliver nothing for months.
  const fields = unique.flatMap((p, i) =>
    !isEventTypePattern(p)
      ? [{ path: `eventTypes.${i}`, message: `Not an event type pattern: ${p}` }]
      : selectedEventTypes([p], policy.knownEventTypes).length === 0
        ? [{ path: `eventTypes.${i}`, message: `No event in the catalogue matches ${p}` }]
        : [],
  );
  if (fields.length > 0) {
    throw new AppError('unprocessable', 'integration.unknown_event_type', 'An event type matches no event.', {
      fields,
    });
  }
  return unique;
}

async function saveOrConflict(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (store.isUniqueViolation(err)) {
      throw new AppError(
        'conflict',
        'integration.webhook_name_taken',
        'A webhook subscriber has this name.',
        {
          fields: [{ path: 'name', message: 'Already in use' }],
        },
      );
    }
    throw err;
  }
}

/** Registers a webhook subscriber; the secret is in this answer only. */
export async function createWebhook(
  ctx: Ctx,
  input: NewWebhook,
  policy: WebhookPolicy,
): Promise<{ webhook: WebhookEndpoint; secret: string }> {
  assertAuthorized(ctx.actor, 'integration.manage');
  const url = checkUrl(input.url, policy);
  const eventTypes = checkPatterns(input.eventTypes, policy);
  const id = newId('whk');
  const secret = generateWebhookSecret();
  await inTransaction(ctx, async (tx) => {
    await saveOrConflict(() =>
      store.insertEndpoint(tx, {
        id,
        name: input.name.trim(),
        description: input.description?.trim() || null,
        url,
        eventTypes,
        secret,
        active: input.active ?? true,
        createdBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
        now: tx.now,
      }),
    );
    await recordAudit(tx, {
      action: 'integration.webhook_created',
      targetType: 'webhook',
      targetId: id,
      data: { name: input.name.trim(), url, eventTypes },
    });
  });
  return { webhook: await getWebhook(ctx, id), secret };
}

export async function updateWebhook(
  ctx: Ctx,
  id: string,
  patch: WebhookPatch,
  policy: WebhookPolicy,
): Promise<WebhookEndpoint> {
  assertAuthorized(ctx.actor, 'integration.manage');
  const before = await getWebhook(ctx, id);
  const change: store.EndpointPatch = {
    name: patch.name?.trim(),
    description: patch.description === undefined ? undefined : patch.description?.trim() || null,
    url: patch.url === undefined ? undefined : checkUrl(patch.url, policy),
    eventTypes: patch.eventTypes === undefined ? undefined : checkPatterns(patch.eventTypes, policy),
    active: patch.active,
  };
  await inTransaction(ctx, async (tx) => {
    await saveOrConflict(() => store.updateEndpoint(tx, id, change));
    const changed = Object.entries(change)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    await recordAudit(tx, {
      action:
        change.active === false && before.active
          ? 'integration.webhook_deactivated'
          : change.active === true && !before.active
            ? 'integration.webhook_activated'
            : 'integration.webhook_updated',
      targetType: 'webhook',
      targetId: id,
      data: { changed },
    });
  });
  return getWebhook(ctx, id);
}

/** A new secret, effective at once; the old one stops signing. Shown in this answer only. */
export async function rotateWebhookSecret(
  ctx: Ctx,
  id: string,
): Promise<{ webhook: WebhookEndpoint; secret: string }> {
  assertAuthorized(ctx.actor, 'integration.manage');
  await getWebhook(ctx, id);
  const secret = generateWebhookSecret();
  await inTransaction(ctx, async (tx) => {
    await store.updateEndpoint(tx, id, { secret });
    await recordAudit(tx, {
      action: 'integration.webhook_secret_rotated',
      targetType: 'webhook',
      targetId: id,
    });
  });
  return { webhook: await getWebhook(ctx, id), secret };
}

export async function getWebhook(ctx: Ctx, id: string): Promise<WebhookEndpoint> {
  assertAuthorized(ctx.actor, 'integration.read');
  const row = await store.findEndpointRow(ctx, id);
  if (!row) throw new AppError('not_found', NOT_FOUND, 'No such webhook subscriber.');
  return store.toEndpoint(row);
}

export async function listWebhooks(ctx: Ctx): Promise<WebhookEndpoint[]> {
  assertAuthorized(ctx.actor, 'integration.read');
  return (await store.listEndpointRows(ctx)).map(store.toEndpoint);
}
