import type { Organisation } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { DetailsList } from './details-list.tsx';
import { formatCoordinates } from './format.ts';

export function OrganisationDetails({
  organisation,
  testId,
}: {
  organisation: Organisation;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="card" data-testid={testId}>
      <h2 className="org-name">{pickLocalized(organisation.name, locale) ?? organisation.code}</h2>
      <DetailsList
        items={[
          { label: t('field.orgKind'), value: t(`orgKind.${organisation.kind}`) },
          { label: t('field.code'), value: <code>{organisation.code}</code> },
          {
            label: t('field.city'),
            value: pickLocalized(organisation.city, locale),
          },
          { label: t('field.address'), value: pickLocalized(organisation.address, locale) },
          { label: t('field.orgPhone'), value: organisation.phone },
          { label: t('field.openingHours'), value: organisation.openingHours },
          { label: t('field.coordinates'), value: formatCoordinates(organisation.lat, organisation.lng) },
        ]}
      />
    </div>
  );
}
