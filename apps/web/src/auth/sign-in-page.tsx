import { type FormEvent, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { Page } from '../ui/page.tsx';
import { TextField } from '../ui/text-field.tsx';
import { pathAfterSignIn } from './audiences.ts';
import { useSession } from './session.tsx';

export function SignInPage() {
  const { t } = useI18n();
  const { user, signIn } = useSession();
  const [params] = useSearchParams();
  const next = params.get('next');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // Also the redirect after a successful sign-in: the session update re-renders this page.
  if (user) return <Navigate to={pathAfterSignIn(user, next)} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(login.trim(), password);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const registerLink = next ? `/register?next=${encodeURIComponent(next)}` : '/register';
  return (
    <Page title={t('signIn.title')}>
      <form
        className="card form narrow"
        onSubmit={submit}
        aria-describedby={error ? 'sign-in-error' : undefined}
      >
        <TextField
          label={t('field.login')}
          hint={t('field.login.hint')}
          name="login"
          autoComplete="username"
          required
          value={login}
          onValue={setLogin}
        />
        <TextField
          label={t('field.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        {error !== null && (
          <div id="sign-in-error">
            <ErrorAlert error={error} />
          </div>
        )}
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? t('status.signingIn') : t('action.signIn')}
        </button>
        <p className="form-footer">
          {t('signIn.noAccount')} <Link to={registerLink}>{t('action.register')}</Link>
        </p>
      </form>
    </Page>
  );
}
