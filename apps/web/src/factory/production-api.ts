/**
 * The planner console's and station page's calls to `/factory` (production routes), through the
 * shared client so cookies, CSRF and problem+json work as everywhere else.
 */
import { ApiError, UNEXPECTED_RESPONSE_CODE } from '../api/api-error.ts';
import { api, unwrap } from '../api/client.ts';
import type { RequestOf, ResponseOf } from '../api/types.ts';
import { unwrapProblem } from './api-problem.ts';
import type { LineCalendar } from './calendar-grid.ts';
import type { SequenceRun } from './sequence-run.ts';
import type { BuildSheet, Step, VehicleProgress } from './station-logic.ts';

export type Line = ResponseOf<'/factory/lines/{lineId}', 'get'>;
export type DayPattern = Line['weekly'][number];
export type LineSettingsPatch = RequestOf<'/factory/lines/{lineId}', 'patch'>;
export type OptionRule = ResponseOf<'/factory/lines/{lineId}/option-rules', 'get'>['items'][number];
export type NewOptionRule = RequestOf<'/factory/lines/{lineId}/option-rules', 'post'>;
export type OptionRuleUpdate = RequestOf<'/factory/lines/{lineId}/option-rules/{ruleId}', 'put'>;
export type ExceptionRequest = RequestOf<'/factory/lines/{lineId}/calendar/{day}', 'put'>;
export type TransportRoute = ResponseOf<'/factory/transport-days', 'get'>['items'][number];
export type DayPlan = ResponseOf<'/factory/lines/{lineId}/days/{day}', 'get'>;
export type PlannedVehicle = DayPlan['vehicles'][number];
export type PlantCallOff = ResponseOf<'/factory/lines/{lineId}/days/{day}/call-offs', 'get'>['items'][number];
export type MoveResult = ResponseOf<'/factory/vehicles/{vehicleId}/move', 'post'>;
export type Dealer = ResponseOf<'/store/dealers', 'get'>['items'][number];
export type ModelLineSummary = ResponseOf<'/store/model-lines', 'get'>['items'][number];

const line = (lineId: string) => ({ params: { path: { lineId } } });
const lineDay = (lineId: string, day: string) => ({ params: { path: { lineId, day } } });

export async function listLines(): Promise<Line[]> {
  return (await unwrap(api.GET('/factory/lines'))).items;
}

export function getLineCalendar(lineId: string, from: string, to: string): Promise<LineCalendar> {
  return unwrap(
    api.GET('/factory/lines/{lineId}/calendar', { params: { path: { lineId }, query: { from, to } } }),
  );
}

export function updateLine(lineId: string, body: LineSettingsPatch): Promise<Line> {
  return unwrap(api.PATCH('/factory/lines/{lineId}', { ...line(lineId), body }));
}

export function setWeeklyPattern(lineId: string, weekly: DayPattern[]): Promise<Line> {
  return unwrap(api.PUT('/factory/lines/{lineId}/weekly-pattern', { ...line(lineId), body: { weekly } }));
}

export async function putException(lineId: string, day: string, body: ExceptionRequest): Promise<void> {
  await unwrap(api.PUT('/factory/lines/{lineId}/calendar/{day}', { ...lineDay(lineId, day), body }));
}

export async function deleteException(lineId: string, day: string): Promise<void> {
  await unwrap(api.DELETE('/factory/lines/{lineId}/calendar/{day}', lineDay(lineId, day)));
}

export async function listOptionRules(lineId: string): Promise<OptionRule[]> {
  return (await unwrap(api.GET('/factory/lines/{lineId}/option-rules', line(lineId)))).items;
}

export function createOptionRule(lineId: string, body: NewOptionRule): Promise<OptionRule> {
  return unwrap(api.POST('/factory/lines/{lineId}/option-rules', { ...line(lineId), body }));
}

export function updateOptionRule(
  lineId: string,
  ruleId: string,
  body: OptionRuleUpdate,
): Promise<OptionRule> {
  return unwrap(
    api.PUT('/factory/lines/{lineId}/option-rules/{ruleId}', { params: { path: { lineId, ruleId } }, body }),
  );
}

export async function deleteOptionRule(lineId: string, ruleId: string): Promise<void> {
  await unwrap(
    api.DELETE('/factory/lines/{lineId}/option-rules/{ruleId}', { params: { path: { lineId, ruleId } } }),
  );
}

export async function listTransportRoutes(): Promise<TransportRoute[]> {
  return (await unwrap(api.GET('/factory/transport-days'))).items;
}

export function setTransportDays(dealerId: string, days: number): Promise<TransportRoute> {
  return unwrap(
    api.PUT('/factory/transport-days/{dealerId}', { params: { path: { dealerId } }, body: { days } }),
  );
}

export async function deleteTransportDays(dealerId: string): Promise<void> {
  await unwrap(api.DELETE('/factory/transport-days/{dealerId}', { params: { path: { dealerId } } }));
}

export function getDayPlan(lineId: string, day: string): Promise<DayPlan> {
  return unwrap(api.GET('/factory/lines/{lineId}/days/{day}', lineDay(lineId, day)));
}

/** The run schema is generated as nullable (it is also `latestRun: ... | null`); a run route always has one. */
function present(run: SequenceRun | null): SequenceRun {
  if (!run) throw new ApiError({ status: 200, code: UNEXPECTED_RESPONSE_CODE });
  return run;
}

export async function startSequenceRun(
  lineId: string,
  day: string,
  body: { seconds: number; seed: number },
): Promise<SequenceRun> {
  // 202 Accepted with the queued run.
  return present(
    await unwrap(
      api.POST('/factory/lines/{lineId}/days/{day}/sequence-runs', { ...lineDay(lineId, day), body }),
    ),
  );
}

export async function getSequenceRun(runId: string): Promise<SequenceRun> {
  return present(await unwrap(api.GET('/factory/sequence-runs/{runId}', { params: { path: { runId } } })));
}

export function freezeDay(lineId: string, day: string): Promise<DayPlan> {
  return unwrap(api.POST('/factory/lines/{lineId}/days/{day}/freeze', lineDay(lineId, day)));
}

export async function listDayCallOffs(lineId: string, day: string): Promise<PlantCallOff[]> {
  return (await unwrap(api.GET('/factory/lines/{lineId}/days/{day}/call-offs', lineDay(lineId, day)))).items;
}

/** 409 `production.day_unavailable` carries `reasons` (ProblemError). */
export function moveVehicle(vehicleId: string, productionDay: string): Promise<MoveResult> {
  return unwrapProblem(
    api.POST('/factory/vehicles/{vehicleId}/move', {
      params: { path: { vehicleId } },
      body: { productionDay },
    }),
  );
}

export function getBuildSheet(vehicleId: string): Promise<BuildSheet> {
  return unwrap(api.GET('/factory/vehicles/{vehicleId}', { params: { path: { vehicleId } } }));
}

/** 409 `production.step_out_of_order` carries `currentStep` and `allowed` (ProblemError). */
export function recordStep(
  vehicleId: string,
  body: { step: Step; result?: 'pass' | 'fail'; defects?: { code: string; description: string }[] },
): Promise<VehicleProgress> {
  return unwrapProblem(
    api.POST('/factory/vehicles/{vehicleId}/steps', { params: { path: { vehicleId } }, body }),
  );
}

export async function listDealers(): Promise<Dealer[]> {
  return (await unwrap(api.GET('/store/dealers', { params: { query: {} } }))).items;
}

export async function listModelLines(): Promise<ModelLineSummary[]> {
  return (await unwrap(api.GET('/store/model-lines'))).items;
}
