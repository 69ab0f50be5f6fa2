/** The supplier page's calls to `/partner/call-offs` (own call-offs only; another supplier's is 404). */
import { api, unwrap } from '../api/client.ts';
import type { ResponseOf } from '../api/types.ts';
import { type CallOff, type CallOffFilter, callOffQuery } from './call-off-logic.ts';

export type DelayAnswer = ResponseOf<'/partner/call-offs/{callOffId}/delay', 'post'>;

export async function listCallOffs(filter: CallOffFilter): Promise<CallOff[]> {
  return (await unwrap(api.GET('/partner/call-offs', { params: { query: callOffQuery(filter) } }))).items;
}

export function getCallOff(callOffId: string): Promise<CallOff> {
  return unwrap(api.GET('/partner/call-offs/{callOffId}', { params: { path: { callOffId } } }));
}

export function confirmShipment(callOffId: string): Promise<CallOff> {
  return unwrap(
    api.POST('/partner/call-offs/{callOffId}/confirm-shipment', { params: { path: { callOffId } } }),
  );
}

export function reportDelay(
  callOffId: string,
  body: { newDate: string; reason: string },
): Promise<DelayAnswer> {
  return unwrap(api.POST('/partner/call-offs/{callOffId}/delay', { params: { path: { callOffId } }, body }));
}
