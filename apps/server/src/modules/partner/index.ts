/**
 * Partner API for the automaker's systems of record (ERP, WMS, DMS, CRM, MES): what makes their
 * requests trustworthy and their facts safe to apply in any order. It owns
 * - the per-key HMAC signing secrets (issued with the key, shown once, sealed at rest with a key
 *   derived from the server secret), the signature check (sign-request.ts: timestamp, nonce,
 *   method, path and body; five-minute window) and the seen-signature record that refuses replays;
 * - the one out-of-order rule (compare-versions.ts): per (system, entity, natural key) the last
 *   applied source version and its answer; newer applies, older is acknowledged as stale, the
 *   same version again gets the same answer;
 * - the partner request log (applied / stale / duplicate / refused), read by admins.
 *
 * For routes and flows:
 * - `verifySignedRequest(ctx, box, request)`: 401 `partner.*` codes; uses the signature up.
 * - `applyVersioned(ctx, write, apply)`: runs `apply(tx)` (the target module's write, passed by
 *   a flow) only for a newer version, in one transaction with the version row and the log.
 * - `recordRefusal(ctx, refused)`, `listPartnerRequests(ctx, query)` (`partner_request.read`).
 * - `issueSigningSecret(ctx, keyId, box)`: in the key's creating transaction.
 * - `SCOPE_SYSTEMS`, `scopesNotFor(scopes, orgKind)`: which organisations may hold a scope.
 *
 * Must not: write another module's records itself (flows do, through `applyVersioned`); return
 * a record's content in an answer (leads are customer data); keep a signing secret in the clear.
 * Only store.ts has SQL, and only schema `partner`.
 */
export type { VersionedResult, VersionedWrite } from './apply-versioned.ts';
export { applyVersioned } from './apply-versioned.ts';
export type { AppliedVersion, SourceVersion, VersionDecision } from './compare-versions.ts';
export { canonicalJson, decideVersion, parseSourceVersion } from './compare-versions.ts';
export type { RefusedRequest, RequestLogQuery } from './request-log.ts';
export { listPartnerRequests, recordRefusal } from './request-log.ts';
export type { SignedParts } from './sign-request.ts';
export {
  generateNonce,
  SIGNATURE_HEADERS,
  SIGNATURE_TOLERANCE_SECONDS,
  SIGNATURE_VERSION,
  SIGNING_SECRET_PREFIX,
  signRequest,
  stringToSign,
} from './sign-request.ts';
export type { SignedRequest } from './signing-secrets.ts';
export { issueSigningSecret, verifySignedRequest } from './signing-secrets.ts';
export { SCOPE_SYSTEMS, scopesNotFor } from './systems.ts';
export type { Page, PartnerAck, PartnerSystem, RequestLogEntry, RequestResult } from './types.ts';
export { PARTNER_SYSTEMS, REQUEST_RESULTS } from './types.ts';
