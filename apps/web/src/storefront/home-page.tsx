import { Link } from 'react-router';
import { useBrand, useBrandName } from '../app/brand.tsx';
import { landingAudience, landingPath } from '../auth/audiences.ts';
import { useSession } from '../auth/session.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { ModelLineCards } from './configure/model-lines-page.tsx';

// The journey every car takes, from the brand's promise; the catalogue itself comes later.
const STEPS: Array<{ title: MessageKey; body: MessageKey }> = [
  { title: 'storefront.step.configure.title', body: 'storefront.step.configure.body' },
  { title: 'storefront.step.reserve.title', body: 'storefront.step.reserve.body' },
  { title: 'storefront.step.dealer.title', body: 'storefront.step.dealer.body' },
  { title: 'storefront.step.follow.title', body: 'storefront.step.follow.body' },
];

function HeroActions() {
  const { t } = useI18n();
  const { user } = useSession();
  if (user === undefined) return null;
  if (user === null) {
    return (
      <div className="hero-actions">
        <Link className="button button-primary button-large" to="/register">
          {t('storefront.hero.register')}
        </Link>
        <Link className="button button-light button-large" to="/sign-in">
          {t('action.signIn')}
        </Link>
      </div>
    );
  }
  const staff = landingAudience(user) !== 'storefront';
  return (
    <div className="hero-actions">
      <p className="hero-greeting">{t('storefront.hero.welcome', { name: user.name })}</p>
      <Link className="button button-primary button-large" to={staff ? landingPath(user) : '/account'}>
        {staff ? t('shell.myWorkspace') : t('nav.account')}
      </Link>
    </div>
  );
}

export function HomePage() {
  const { t, locale } = useI18n();
  const brand = useBrand();
  const brandName = useBrandName();
  useDocumentTitle(brandName, t('storefront.title'));

  return (
    <div className="storefront-home">
      <section className="hero" aria-labelledby="hero-title">
        <div className="hero-text">
          <p className="eyebrow">{t('storefront.hero.eyebrow')}</p>
          <h1 id="hero-title">{brandName ?? t('storefront.title')}</h1>
          <p className="hero-tagline">{t('storefront.hero.tagline')}</p>
          <p className="hero-lead">{t('storefront.hero.lead')}</p>
          <HeroActions />
        </div>
      </section>

      <section className="section" aria-labelledby="lines-title">
        <h2 id="lines-title">{t('storefront.lines.title')}</h2>
        <p className="section-lead">{t('storefront.lines.body')}</p>
        <ModelLineCards />
        <p>
          <Link className="button button-primary" to="/models" data-testid="choose-model">
            {t('storefront.lines.choose')}
          </Link>
        </p>
      </section>

      <section className="section" aria-labelledby="steps-title">
        <h2 id="steps-title">{t('storefront.steps.title')}</h2>
        <ol className="steps">
          {STEPS.map((step, index) => (
            <li key={step.title} className="card step">
              <span className="step-number" aria-hidden="true">
                {index + 1}
              </span>
              <h3>{t(step.title)}</h3>
              <p>{t(step.body)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section className="section" aria-labelledby="cities-title">
        <h2 id="cities-title">{t('storefront.cities.title')}</h2>
        <AsyncView value={brand} onRetry={brand.reload}>
          {(data) =>
            data.dealerCities.length === 0 ? (
              <p className="empty">{t('storefront.cities.none')}</p>
            ) : (
              <>
                <p className="section-lead">
                  {t('storefront.cities.body', { count: data.dealerCities.length })}
                </p>
                <ul className="chips" data-testid="dealer-cities">
                  {data.dealerCities.map((city, index) => (
                    <li key={city?.en ?? index} className="chip">
                      {pickLocalized(city, locale)}
                    </li>
                  ))}
                </ul>
              </>
            )
          }
        </AsyncView>
      </section>
    </div>
  );
}
