import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import type { ApiKey, Organisation } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { type Column, DataTable } from '../ui/data-table.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime } from '../ui/format.ts';
import { Page } from '../ui/page.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useApi } from '../ui/use-api.ts';
import { type ApiKeyScope, scopeHint, scopeLabel, scopesFor } from './api-key-scopes.ts';
import './api-keys.css';

// Keys are for partner systems: the brand's ERP and CRM, dealers' DMS, suppliers, plants.
const KEY_ORG_KINDS: ReadonlyArray<Organisation['kind']> = ['brand', 'dealer', 'supplier', 'plant'];

type CreatedSecrets = { secret: string; signingSecret: string };

function CopyButton({ value }: { value: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button"
      onClick={() =>
        navigator.clipboard?.writeText(value).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? t('action.copied') : t('action.copy')}
    </button>
  );
}

/**
 * Both secrets exist only in this answer: the server keeps a hash of the key and the signing
 * secret sealed, so they are shown once, each with a copy button.
 */
function SecretOnce({ secrets, onDone }: { secrets: CreatedSecrets; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <div className="alert alert-success secret" role="status" data-testid="api-key-secret">
      <p>
        <strong>{t('admin.apiKeys.secretTitle')}</strong>
      </p>
      <p>{t('admin.apiKeys.secretBody')}</p>
      <p>
        <code className="secret-value">{secrets.secret}</code>
      </p>
      <div className="actions">
        <CopyButton value={secrets.secret} />
      </div>
      <p>
        <strong>{t('admin.apiKeys.signingSecretTitle')}</strong>
      </p>
      <p>{t('admin.apiKeys.signingSecretBody')}</p>
      <p>
        <code className="secret-value" data-testid="api-key-signing-secret">
          {secrets.signingSecret}
        </code>
      </p>
      <div className="actions">
        <CopyButton value={secrets.signingSecret} />
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('admin.apiKeys.secretDone')}
        </button>
      </div>
    </div>
  );
}

function CreateKeyForm({
  organisations,
  onCreated,
}: {
  organisations: Organisation[];
  onCreated: (secrets: CreatedSecrets) => void;
}) {
  const { t, locale } = useI18n();
  const candidates = KEY_ORG_KINDS.flatMap((kind) => organisations.filter((o) => o.kind === kind));
  const [name, setName] = useState('');
  const [orgId, setOrgId] = useState(candidates[0]?.id ?? '');
  const [chosen, setChosen] = useState<ApiKeyScope[]>(['partner:read']);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const available = scopesFor(candidates.find((o) => o.id === orgId)?.kind);
  // Only scopes that fit the organisation are sent, whatever was ticked for another one.
  const scopes = chosen.filter((s) => available.includes(s));

  function toggle(scope: ApiKeyScope, on: boolean) {
    setChosen((current) =>
      on ? [...current.filter((s) => s !== scope), scope] : current.filter((s) => s !== scope),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await unwrap(
        api.POST('/admin/api-keys', { body: { name: name.trim(), orgId, scopes } }),
      );
      setName('');
      onCreated({ secret: created.secret, signingSecret: created.signingSecret });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit}>
      <h2>{t('admin.apiKeys.create')}</h2>
      <div className="form-grid">
        <TextField
          label={t('field.keyName')}
          hint={t('field.keyName.hint')}
          required
          value={name}
          onValue={setName}
        />
        <SelectField
          label={t('field.organisation')}
          value={orgId}
          onValue={setOrgId}
          required
          options={candidates.map((o) => ({
            value: o.id,
            label: `${pickLocalized(o.name, locale) ?? o.code} (${t(`orgKind.${o.kind}`)})`,
          }))}
        />
      </div>
      <fieldset className="scope-choices">
        <legend>{t('admin.apiKeys.scopes')}</legend>
        <p className="hint">{t('admin.apiKeys.scopesHint')}</p>
        {available.length === 0 && <p className="hint">{t('admin.apiKeys.noScopeFits')}</p>}
        {available.map((scope) => (
          <label key={scope} className="scope-choice">
            <input
              type="checkbox"
              checked={chosen.includes(scope)}
              onChange={(event) => toggle(scope, event.target.checked)}
            />
            {t(scopeLabel(scope))} <code>{scope}</code> <span className="hint">{t(scopeHint(scope))}</span>
          </label>
        ))}
      </fieldset>
      {error !== null && <ErrorAlert error={error} />}
      <button
        type="submit"
        className="button button-primary"
        disabled={busy || !orgId || scopes.length === 0}
      >
        {t('admin.apiKeys.createSubmit')}
      </button>
    </form>
  );
}

export function ApiKeysPage() {
  const { t, locale } = useI18n();
  const keys = useApi(() => unwrap(api.GET('/admin/api-keys')), []);
  const organisations = useApi(() => unwrap(api.GET('/admin/organisations')), []);
  const [secrets, setSecrets] = useState<CreatedSecrets | null>(null);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const orgName = (id: string) => {
    const org = organisations.status === 'ok' ? organisations.data.items.find((o) => o.id === id) : undefined;
    return (org && pickLocalized(org.name, locale)) ?? id;
  };

  async function revoke(key: ApiKey) {
    setRevokeError(null);
    try {
      await unwrap(api.DELETE('/admin/api-keys/{id}', { params: { path: { id: key.id } } }));
      setConfirming(null);
      keys.reload();
    } catch (caught) {
      setRevokeError(caught);
    }
  }

  const columns: Column<ApiKey>[] = [
    { key: 'name', header: t('field.keyName'), render: (k) => k.name },
    { key: 'org', header: t('field.organisation'), render: (k) => orgName(k.orgId) },
    {
      key: 'scopes',
      header: t('admin.apiKeys.scopes'),
      render: (k) => k.scopes.map((s) => t(scopeLabel(s))).join(locale === 'zh-CN' ? '、' : ', '),
    },
    { key: 'prefix', header: t('field.keyPrefix'), render: (k) => <code>{k.prefix}…</code> },
    { key: 'created', header: t('field.createdAt'), render: (k) => formatDateTime(locale, k.createdAt) },
    {
      key: 'status',
      header: t('field.status'),
      render: (k) =>
        k.revokedAt ? (
          <span className="badge badge-muted">
            {t('admin.apiKeys.revokedAt', { at: formatDateTime(locale, k.revokedAt) })}
          </span>
        ) : (
          <span className="badge badge-ok">{t('admin.apiKeys.active')}</span>
        ),
    },
    {
      key: 'actions',
      header: t('field.actions'),
      render: (k) =>
        k.revokedAt ? null : confirming === k.id ? (
          <span className="actions">
            <button type="button" className="button button-danger" onClick={() => revoke(k)}>
              {t('admin.apiKeys.confirmRevoke')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setConfirming(null)}>
              {t('action.cancel')}
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button"
            aria-label={t('admin.apiKeys.revokeNamed', { name: k.name })}
            onClick={() => setConfirming(k.id)}
          >
            {t('admin.apiKeys.revoke')}
          </button>
        ),
    },
  ];

  return (
    <Page title={t('admin.apiKeys.title')} intro={t('admin.apiKeys.intro')}>
      {secrets && <SecretOnce secrets={secrets} onDone={() => setSecrets(null)} />}
      {revokeError !== null && <ErrorAlert error={revokeError} />}
      <AsyncView value={keys} onRetry={keys.reload}>
        {(data) => (
          <DataTable
            caption={t('admin.apiKeys.title')}
            columns={columns}
            rows={data.items}
            rowKey={(k) => k.id}
            empty={t('admin.apiKeys.none')}
          />
        )}
      </AsyncView>
      <AsyncView value={organisations}>
        {(data) => (
          <CreateKeyForm
            organisations={data.items}
            onCreated={(created) => {
              setSecrets(created);
              keys.reload();
            }}
          />
        )}
      </AsyncView>
    </Page>
  );
}
