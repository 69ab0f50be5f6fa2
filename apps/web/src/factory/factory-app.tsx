import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { Shell } from '../ui/shell.tsx';
import { BomListPage, BomPage } from './bom-pages.tsx';
import { DayPlanPage } from './day-plan-page.tsx';
import { FactoryHomePage } from './factory-home-page.tsx';
import { canEditBom, canReadPlan, canReadPlant, canRecordSteps, factoryNavFor } from './factory-roles.ts';
import { PartsPage } from './parts-page.tsx';
import { PlannerConsolePage } from './planner-console-page.tsx';
import { StationPage } from './station-page.tsx';

export function FactoryApp() {
  const { t } = useI18n();
  const { user } = useSession();
  const role = user?.role ?? null;
  const nav = factoryNavFor(role).map((item) => ({
    to: item.to,
    label: t(item.label),
    ...(item.end ? { end: true } : {}),
  }));
  const notFound = <NotFoundPage home="/factory" />;
  return (
    <Shell audience="factory" nav={nav}>
      <Routes>
        <Route
          index
          element={
            canReadPlan(role) ? (
              <PlannerConsolePage />
            ) : canRecordSteps(role) ? (
              // A station tablet opens on the scan field.
              <Navigate to="/factory/station" replace />
            ) : (
              <FactoryHomePage />
            )
          }
        />
        <Route path="lines/:lineId/days/:day" element={canReadPlan(role) ? <DayPlanPage /> : notFound} />
        <Route path="bom" element={canEditBom(role) ? <BomListPage /> : notFound} />
        <Route path="bom/:modelLine" element={canEditBom(role) ? <BomPage /> : notFound} />
        <Route path="parts" element={canEditBom(role) ? <PartsPage /> : notFound} />
        <Route path="station" element={canRecordSteps(role) ? <StationPage /> : notFound} />
        <Route path="plant" element={canReadPlant(role) ? <FactoryHomePage /> : notFound} />
        <Route path="*" element={notFound} />
      </Routes>
    </Shell>
  );
}
