import type { ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { useBrandName } from '../app/brand.tsx';
import { AUDIENCE_PATH, type Audience, landingAudience, landingPath } from '../auth/audiences.ts';
import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { LanguageSwitch } from './language-switch.tsx';

export type NavItem = { to: string; label: string; end?: boolean };

/** The frame of every audience: brand, who is signed in and for which organisation, language, sign-out, navigation. */
export function Shell({
  audience,
  nav,
  children,
}: {
  audience: Audience;
  nav: NavItem[];
  children: ReactNode;
}) {
  const { t, locale } = useI18n();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const brandName = useBrandName() ?? t('app.name');

  async function handleSignOut() {
    try {
      await signOut();
    } catch {
      // The session is forgotten locally either way; the server session expires on its own.
    }
    navigate(audience === 'storefront' ? '/' : '/sign-in', { replace: true });
  }

  const orgName = user?.orgName ? pickLocalized(user.orgName, locale) : undefined;
  const roleLabel = user?.role ? t(`role.${user.role}`) : t('role.customer');

  return (
    <div className={`shell shell-${audience}`}>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="shell-header">
        <div className="shell-bar container">
          <Link to={AUDIENCE_PATH[audience]} className="brand">
            <span className="brand-mark" aria-hidden="true">
              {brandName.slice(0, 1)}
            </span>
            <span className="brand-name">{brandName}</span>
            {audience !== 'storefront' && <span className="brand-audience">{t(`audience.${audience}`)}</span>}
          </Link>
          <div className="shell-tools">
            {user && (
              <p className="who" data-testid="signed-in-user">
                <span className="who-name">{user.name}</span>
                <span className="who-meta">{orgName ? `${orgName} · ${roleLabel}` : roleLabel}</span>
              </p>
            )}
            <LanguageSwitch />
            {user ? (
              <>
                {landingAudience(user) !== audience && (
                  <Link className="button button-ghost" to={landingPath(user)}>
                    {landingAudience(user) === 'storefront' ? t('nav.home') : t('shell.myWorkspace')}
                  </Link>
                )}
                <button type="button" className="button" onClick={handleSignOut}>
                  {t('action.signOut')}
                </button>
              </>
            ) : (
              user === null && (
                <>
                  <Link className="button button-ghost" to="/sign-in">
                    {t('action.signIn')}
                  </Link>
                  <Link className="button button-primary" to="/register">
                    {t('action.register')}
                  </Link>
                </>
              )
            )}
          </div>
        </div>
        {nav.length > 0 && (
          <nav className="shell-nav" aria-label={t('shell.navigation')}>
            <ul className="container">
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end ?? false}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="container shell-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="shell-footer">
        <div className="container">
          <p>{t('shell.footer', { brand: brandName })}</p>
        </div>
      </footer>
    </div>
  );
}
