import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import type { Organisation, User } from '../api/types.ts';
import { STAFF_ROLES, type StaffRole } from '../auth/audiences.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { Page } from '../ui/page.tsx';
import { PeopleTable } from '../ui/people-table.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useApi } from '../ui/use-api.ts';
import { usePaged } from '../ui/use-paged.ts';

// The kind of organisation each role belongs to (the server refuses other pairs with identity.role_org_mismatch).
const ORG_KIND_OF_ROLE: Record<StaffRole, Organisation['kind']> = {
  admin: 'brand',
  analyst: 'brand',
  engineer: 'brand',
  support_agent: 'brand',
  dealer_staff: 'dealer',
  planner: 'plant',
  station_operator: 'plant',
  supplier_user: 'supplier',
};

function CreateStaffForm({
  organisations,
  onCreated,
}: {
  organisations: Organisation[];
  onCreated: (user: User) => void;
}) {
  const { t, locale } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<StaffRole>('dealer_staff');
  const matching = organisations.filter((o) => o.kind === ORG_KIND_OF_ROLE[role]);
  const [chosenOrgId, setOrgId] = useState('');
  // Changing the role can leave a chosen organisation of the wrong kind; fall back to the first that fits.
  const orgId = matching.some((o) => o.id === chosenOrgId) ? chosenOrgId : (matching[0]?.id ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await unwrap(
        api.POST('/admin/users', { body: { name: name.trim(), email: email.trim(), password, role, orgId } }),
      );
      setName('');
      setEmail('');
      setPassword('');
      onCreated(created.user);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit}>
      <h2>{t('admin.users.create')}</h2>
      <div className="form-grid">
        <TextField label={t('field.name')} required value={name} onValue={setName} autoComplete="off" />
        <TextField
          label={t('field.email')}
          type="email"
          required
          value={email}
          onValue={setEmail}
          autoComplete="off"
        />
        <TextField
          label={t('field.initialPassword')}
          hint={t('field.newPassword.hint')}
          type="password"
          required
          minLength={8}
          value={password}
          onValue={setPassword}
          autoComplete="new-password"
        />
        <SelectField
          label={t('field.role')}
          value={role}
          onValue={(value) => setRole(value as StaffRole)}
          options={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <SelectField
          label={t('field.organisation')}
          value={orgId}
          onValue={setOrgId}
          required
          options={matching.map((o) => ({
            value: o.id,
            label: `${pickLocalized(o.name, locale) ?? o.code} (${t(`orgKind.${o.kind}`)})`,
          }))}
        />
      </div>
      {error !== null && <ErrorAlert error={error} />}
      <button type="submit" className="button button-primary" disabled={busy || !orgId}>
        {t('admin.users.createSubmit')}
      </button>
    </form>
  );
}

export function UsersPage() {
  const { t } = useI18n();
  const users = usePaged((cursor) => unwrap(api.GET('/admin/users', { params: { query: { cursor } } })));
  const organisations = useApi(() => unwrap(api.GET('/admin/organisations')), []);
  const [created, setCreated] = useState<User | null>(null);

  return (
    <Page title={t('admin.users.title')} intro={t('admin.users.intro')}>
      {users.status === 'error' && <ErrorAlert error={users.error} onRetry={users.reload} />}
      <PeopleTable people={users.items} caption={t('admin.users.title')} showOrganisation />
      {users.hasMore && (
        <button
          type="button"
          className="button"
          onClick={users.loadMore}
          disabled={users.status === 'loading'}
        >
          {t('action.loadMore')}
        </button>
      )}
      {created && (
        <p className="alert alert-success" role="status">
          {t('admin.users.created', { name: created.name })}
        </p>
      )}
      <AsyncView value={organisations}>
        {(data) => (
          <CreateStaffForm
            organisations={data.items}
            onCreated={(user) => {
              setCreated(user);
              users.reload();
            }}
          />
        )}
      </AsyncView>
    </Page>
  );
}
