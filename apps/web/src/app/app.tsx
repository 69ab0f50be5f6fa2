import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import type { Audience } from '../auth/audiences.ts';
import { RequireAudience } from '../auth/require-audience.tsx';
import { SessionProvider } from '../auth/session.tsx';
import { I18nProvider } from '../i18n/i18n-provider.tsx';
import { Spinner } from '../ui/async-view.tsx';
import { BrandProvider } from './brand.tsx';

// One bundle per audience, fetched only once someone enters it (and only after the guard lets them in).
function lazyNamed<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const StorefrontApp = lazyNamed(() => import('../storefront/storefront-app.tsx'), 'StorefrontApp');
const DealerApp = lazyNamed(() => import('../dealer/dealer-app.tsx'), 'DealerApp');
const AdminApp = lazyNamed(() => import('../admin/admin-app.tsx'), 'AdminApp');
const FactoryApp = lazyNamed(() => import('../factory/factory-app.tsx'), 'FactoryApp');
const PartnerApp = lazyNamed(() => import('../partner/partner-app.tsx'), 'PartnerApp');
// The payment provider's hosted page (the simulator's): its own bundle, outside every shell.
const PayApp = lazyNamed(() => import('../pay/pay-app.tsx'), 'PayApp');

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="container shell-main">
          <Spinner />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

function Guarded({ audience, children }: { audience: Audience; children: ReactNode }) {
  return (
    <RequireAudience audience={audience}>
      <Loading>{children}</Loading>
    </RequireAudience>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrandProvider>
          <BrowserRouter>
            <Routes>
              <Route
                path="/dealer/*"
                element={
                  <Guarded audience="dealer">
                    <DealerApp />
                  </Guarded>
                }
              />
              <Route
                path="/admin/*"
                element={
                  <Guarded audience="admin">
                    <AdminApp />
                  </Guarded>
                }
              />
              <Route
                path="/factory/*"
                element={
                  <Guarded audience="factory">
                    <FactoryApp />
                  </Guarded>
                }
              />
              <Route
                path="/partner/*"
                element={
                  <Guarded audience="partner">
                    <PartnerApp />
                  </Guarded>
                }
              />
              <Route
                path="/pay/*"
                element={
                  <Loading>
                    <PayApp />
                  </Loading>
                }
              />
              <Route
                path="/*"
                element={
                  <Loading>
                    <StorefrontApp />
                  </Loading>
                }
              />
            </Routes>
          </BrowserRouter>
        </BrandProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
