import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { Page } from './page.tsx';

export function NotFoundPage({ home }: { home: string }) {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to={home}>{t('notFound.back')}</Link>
      </p>
    </Page>
  );
}
