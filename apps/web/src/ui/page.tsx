import type { ReactNode } from 'react';
import { useBrandName } from '../app/brand.tsx';
import { useDocumentTitle } from './use-document-title.ts';

/** One page of a shell: its heading, and the document title "<page> · <brand>". */
export function Page({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  useDocumentTitle(title, useBrandName());
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
        {intro && <p className="page-intro">{intro}</p>}
      </header>
      {children}
    </section>
  );
}
