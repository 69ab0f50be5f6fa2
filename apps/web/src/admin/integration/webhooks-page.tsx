import { type FormEvent, useId, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { Webhook } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { AsyncView } from '../../ui/async-view.tsx';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useApi } from '../../ui/use-api.ts';
import { parsePatterns, previewPatterns } from './integration-logic.ts';
import './integration.css';

/** The signing secret exists in one answer only: shown once, with a copy button. */
function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="alert alert-success secret" role="status" data-testid="webhook-secret">
      <p>
        <strong>{t('admin.integration.secret.title', { name })}</strong>
      </p>
      <p>{t('admin.integration.secret.body')}</p>
      <p>
        <code className="secret-value">{secret}</code>
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('action.copied') : t('action.copy')}
        </button>
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('admin.integration.secret.done')}
        </button>
      </div>
    </div>
  );
}

type Draft = { name: string; url: string; patterns: string; description: string };

const draftOf = (w?: Webhook): Draft => ({
  name: w?.name ?? '',
  url: w?.url ?? '',
  patterns: w?.eventTypes.join(', ') ?? '',
  description: w?.description ?? '',
});

/** Create or edit form, with a live preview of the catalogue events the patterns select. */
function WebhookForm({
  knownTypes,
  editing,
  onSaved,
  onCancel,
}: {
  knownTypes: string[];
  editing?: Webhook;
  onSaved: (result: { webhook: Webhook; secret?: string }) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const patternsId = useId();
  const [draft, setDraft] = useState<Draft>(draftOf(editing));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const parsed = parsePatterns(draft.patterns);
  const preview = previewPatterns(parsed.patterns, knownTypes);
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      name: draft.name.trim(),
      url: draft.url.trim(),
      eventTypes: [...parsed.patterns, ...parsed.invalid],
      description: draft.description.trim() || null,
    };
    try {
      if (editing) {
        const saved = await unwrap(
          api.PATCH('/admin/integration/webhooks/{id}', { params: { path: { id: editing.id } }, body }),
        );
        onSaved({ webhook: saved.webhook });
      } else {
        const created = await unwrap(api.POST('/admin/integration/webhooks', { body }));
        setDraft(draftOf());
        onSaved(created);
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit}>
      <h2>
        {editing
          ? t('admin.integration.webhooks.edit', { name: editing.name })
          : t('admin.integration.webhooks.create')}
      </h2>
      <div className="form-grid">
        <TextField
          label={t('admin.integration.field.name')}
          required
          value={draft.name}
          onValue={set('name')}
        />
        <TextField
          label={t('admin.integration.field.url')}
          hint={t('admin.integration.field.url.hint')}
          type="url"
          required
          value={draft.url}
          onValue={set('url')}
        />
      </div>
      <div className="field integration-patterns">
        <label htmlFor={patternsId}>{t('admin.integration.field.eventTypes')}</label>
        <textarea
          id={patternsId}
          required
          value={draft.patterns}
          aria-describedby={`${patternsId}-hint`}
          onChange={(e) => set('patterns')(e.target.value)}
        />
        <p id={`${patternsId}-hint`} className="hint">
          {t('admin.integration.field.eventTypes.hint')}
        </p>
        {parsed.invalid.length > 0 && (
          <p className="hint" role="alert">
            {t('admin.integration.patterns.invalid', { patterns: parsed.invalid.join(', ') })}
          </p>
        )}
        {preview.matchingNothing.length > 0 && (
          <p className="hint" role="alert">
            {t('admin.integration.patterns.nothing', { patterns: preview.matchingNothing.join(', ') })}
          </p>
        )}
        <p className="hint" data-testid="pattern-preview">
          {t('admin.integration.patterns.selected', { count: preview.selected.length })}{' '}
          {preview.selected.map((type) => (
            <code key={type}>{type} </code>
          ))}
        </p>
      </div>
      <TextField
        label={t('admin.integration.field.description')}
        value={draft.description}
        onValue={set('description')}
      />
      {error !== null && <ErrorAlert error={error} />}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {editing ? t('admin.integration.webhooks.save') : t('admin.integration.webhooks.createSubmit')}
        </button>
        {onCancel && (
          <button type="button" className="button button-ghost" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export function WebhooksPage() {
  const { t, locale } = useI18n();
  const webhooks = useApi(() => unwrap(api.GET('/admin/integration/webhooks')), []);
  const types = useApi(() => unwrap(api.GET('/admin/integration/event-types')), []);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [editing, setEditing] = useState<Webhook | null>(null);
  const [confirmRotate, setConfirmRotate] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const knownTypes = types.status === 'ok' ? types.data.items.map((i) => i.type) : [];

  async function setActive(w: Webhook, active: boolean) {
    setActionError(null);
    try {
      await unwrap(
        api.PATCH('/admin/integration/webhooks/{id}', { params: { path: { id: w.id } }, body: { active } }),
      );
      webhooks.reload();
    } catch (caught) {
      setActionError(caught);
    }
  }

  async function rotate(w: Webhook) {
    setActionError(null);
    try {
      const rotated = await unwrap(
        api.POST('/admin/integration/webhooks/{id}/rotate-secret', { params: { path: { id: w.id } } }),
      );
      setConfirmRotate(null);
      setSecret({ name: w.name, secret: rotated.secret });
      webhooks.reload();
    } catch (caught) {
      setActionError(caught);
    }
  }

  const columns: Column<Webhook>[] = [
    {
      key: 'name',
      header: t('admin.integration.field.name'),
      render: (w) => (
        <>
          <strong>{w.name}</strong>
          {w.description && <div className="muted small">{w.description}</div>}
        </>
      ),
    },
    { key: 'url', header: t('admin.integration.field.url'), render: (w) => <code>{w.url}</code> },
    {
      key: 'types',
      header: t('admin.integration.field.eventTypes'),
      render: (w) => (
        <span title={w.selectedEventTypes.join('\n')}>
          {w.eventTypes.map((p) => (
            <code key={p}>{p} </code>
          ))}
          <span className="muted small">
            {' '}
            {t('admin.integration.patterns.selected', { count: w.selectedEventTypes.length })}
          </span>
        </span>
      ),
    },
    {
      key: 'status',
      header: t('field.status'),
      render: (w) =>
        w.active ? (
          <span className="badge badge-ok">{t('admin.integration.active')}</span>
        ) : (
          <span className="badge badge-muted">{t('admin.integration.inactive')}</span>
        ),
    },
    {
      key: 'secret',
      header: t('admin.integration.secretPrefix'),
      render: (w) => (
        <span>
          <code>{w.secretPrefix}…</code>
          {w.secretRotatedAt && (
            <div className="muted small">
              {t('admin.integration.rotatedAt', { at: formatDateTime(locale, w.secretRotatedAt) })}
            </div>
          )}
        </span>
      ),
    },
    {
      key: 'actions',
      header: t('field.actions'),
      render: (w) => (
        <span className="actions">
          <button type="button" className="button" onClick={() => setEditing(w)}>
            {t('admin.integration.webhooks.editShort')}
          </button>
          <button
            type="button"
            className="button"
            aria-label={t(
              w.active ? 'admin.integration.deactivateNamed' : 'admin.integration.activateNamed',
              {
                name: w.name,
              },
            )}
            onClick={() => setActive(w, !w.active)}
          >
            {w.active ? t('admin.integration.deactivate') : t('admin.integration.activate')}
          </button>
          {confirmRotate === w.id ? (
            <>
              <button type="button" className="button button-danger" onClick={() => rotate(w)}>
                {t('admin.integration.confirmRotate')}
              </button>
              <button type="button" className="button button-ghost" onClick={() => setConfirmRotate(null)}>
                {t('action.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => setConfirmRotate(w.id)}>
              {t('admin.integration.rotate')}
            </button>
          )}
        </span>
      ),
    },
  ];

  return (
    <Page title={t('admin.integration.webhooks.title')} intro={t('admin.integration.webhooks.intro')}>
      {secret && <SecretOnce name={secret.name} secret={secret.secret} onDone={() => setSecret(null)} />}
      {actionError !== null && <ErrorAlert error={actionError} />}
      <AsyncView value={webhooks} onRetry={webhooks.reload}>
        {(data) => (
          <DataTable
            caption={t('admin.integration.webhooks.title')}
            columns={columns}
            rows={data.items}
            rowKey={(w) => w.id}
            empty={t('admin.integration.webhooks.none')}
          />
        )}
      </AsyncView>
      {editing ? (
        <WebhookForm
          key={editing.id}
          knownTypes={knownTypes}
          editing={editing}
          onSaved={() => {
            setEditing(null);
            webhooks.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <WebhookForm
          knownTypes={knownTypes}
          onSaved={(created) => {
            if (created.secret) setSecret({ name: created.webhook.name, secret: created.secret });
            webhooks.reload();
          }}
        />
      )}
      <p className="muted small">
        {t('admin.integration.webhooks.signatureNote')} <a href="/docs/events">/docs/events</a>
      </p>
    </Page>
  );
}
