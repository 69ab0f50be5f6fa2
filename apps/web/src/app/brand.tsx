import { createContext, type ReactNode, useContext } from 'react';
import { api, unwrap } from '../api/client.ts';
import type { Brand } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { type Loadable, useApi } from '../ui/use-api.ts';

// The brand (name, dealer cities) is public data from GET /store/brand, loaded once for every shell.
type BrandState = Loadable<Brand> & { reload: () => void };

const BrandContext = createContext<BrandState>({ status: 'loading', reload: () => {} });

export function BrandProvider({ children }: { children: ReactNode }) {
  const brand = useApi(() => unwrap(api.GET('/store/brand')), []);
  return <BrandContext.Provider value={brand}>{children}</BrandContext.Provider>;
}

export function useBrand(): BrandState {
  return useContext(BrandContext);
}

/** The brand's name in the current language, or the catalogue's product name until it has loaded. */
export function useBrandName(): string | undefined {
  const brand = useBrand();
  const { locale } = useI18n();
  return brand.status === 'ok' ? pickLocalized(brand.data.name, locale) : undefined;
}
