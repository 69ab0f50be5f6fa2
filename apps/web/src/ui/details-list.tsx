import type { ReactNode } from 'react';

export type Detail = { label: string; value: ReactNode };

/** A label/value list; empty values are shown as a dash so the layout stays readable. */
export function DetailsList({ items }: { items: Detail[] }) {
  return (
    <dl className="details">
      {items.map((item) => (
        <div key={item.label} className="details-row">
          <dt>{item.label}</dt>
          <dd>{item.value === undefined || item.value === null || item.value === '' ? '—' : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
