import { useEffect } from 'react';

export const TITLE_SEPARATOR = ' · ';

export function documentTitle(parts: ReadonlyArray<string | undefined>): string {
  return parts.filter((part): part is string => Boolean(part)).join(TITLE_SEPARATOR);
}

export function useDocumentTitle(...parts: Array<string | undefined>): void {
  const title = documentTitle(parts);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
