import type { User } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { type Column, DataTable } from './data-table.tsx';

export function PeopleTable({
  people,
  caption,
  showOrganisation,
}: {
  people: User[];
  caption: string;
  showOrganisation?: boolean;
}) {
  const { t, locale } = useI18n();
  const columns: Column<User>[] = [
    { key: 'name', header: t('field.name'), render: (u) => u.name },
    {
      key: 'role',
      header: t('field.role'),
      render: (u) => (u.role ? t(`role.${u.role}`) : t('role.customer')),
    },
    ...(showOrganisation
      ? [
          {
            key: 'org',
            header: t('field.organisation'),
            render: (u: User) => (u.orgName ? pickLocalized(u.orgName, locale) : '—'),
          },
        ]
      : []),
    { key: 'email', header: t('field.email'), render: (u) => u.email ?? '—' },
    { key: 'phone', header: t('field.phone'), render: (u) => u.phone ?? '—' },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={people}
      rowKey={(u) => u.id}
      empty={t('list.empty')}
    />
  );
}
