import { type FormEvent, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { Page } from '../ui/page.tsx';
import { TextField } from '../ui/text-field.tsx';
import { pathAfterSignIn } from './audiences.ts';
import { contactFields } from './contact.ts';
import { useSession } from './session.tsx';

export function RegisterPage() {
  const { t, locale } = useI18n();
  const { user, register } = useSession();
  const [params] = useSearchParams();
  const next = params.get('next');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (user) return <Navigate to={pathAfterSignIn(user, next)} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await register({ name: name.trim(), password, locale, ...contactFields(contact) });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const signInLink = next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
  return (
    <Page title={t('register.title')} intro={t('register.intro')}>
      <form className="card form narrow" onSubmit={submit}>
        <TextField
          label={t('field.name')}
          name="name"
          autoComplete="name"
          required
          value={name}
          onValue={setName}
        />
        <TextField
          label={t('field.contact')}
          hint={t('field.contact.hint')}
          name="contact"
          autoComplete="username"
          required
          value={contact}
          onValue={setContact}
        />
        <TextField
          label={t('field.password')}
          hint={t('field.newPassword.hint')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          value={password}
          onValue={setPassword}
        />
        {error !== null && <ErrorAlert error={error} />}
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? t('status.registering') : t('action.createAccount')}
        </button>
        <p className="form-footer">
          {t('register.haveAccount')} <Link to={signInLink}>{t('action.signIn')}</Link>
        </p>
      </form>
    </Page>
  );
}
