import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import {
  generateSigningSecret,
  SIGNATURE_TOLERANCE_SECONDS,
  verifyRequestSignature,
} from './sign-request.ts';
import * as store from './store.ts';

/**
 * A new signing secret for an API key, sealed at rest (see platform/secret-box.ts), returned
 * once. Call in the transaction that creates the key.
 */
export async function issueSigningSecret(ctx: Ctx, keyId: string, box: SecretBox): Promise<string> {
  const secret = generateSigningSecret();
  await store.insertSigningSecret(ctx, keyId, box.seal(secret, keyId));
  return secret;
}

export type SignedRequest = {
  method: string;
  /** Path and query string as received. */
  path: string;
  body: string;
  timestampHeader: string | undefined;
  nonceHeader: string | undefined;
  signatureHeader: string | undefined;
};

const FAILURE_DETAIL = {
  signature_missing: 'Send the OpenC2B-Timestamp, OpenC2B-Nonce and OpenC2B-Signature headers.',
  timestamp_invalid: 'OpenC2B-Timestamp must be Unix seconds.',
  nonce_invalid: 'OpenC2B-Nonce must be 16-64 characters A-Z, a-z, 0-9, "_" or "-", new for each request.',
  signature_invalid: 'The signature does not match the request.',
  timestamp_out_of_window: `The timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} seconds from the server's clock.`,
} as const;

/**
 * Checks the signature of a partner API key's request and uses it up: a signature is accepted
 * once. 401 problem codes: `partner.signature_missing`, `partner.timestamp_invalid`, `partner.nonce_invalid`,
 * `partner.signature_invalid`, `partner.timestamp_out_of_window`, `partner.signature_replayed`,
 * `partner.signing_secret_missing` (a key without a readable secret: issue a new key).
 * Nothing is written unless the signature is good and new.
 */
export async function verifySignedRequest(ctx: Ctx, box: SecretBox, request: SignedRequest): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'api_key') {
    throw new AppError('forbidden', 'identity.forbidden', 'Only partner API keys sign requests.');
  }
  const sealed = await store.findSigningSecret(ctx, actor.keyId);
  const secret = sealed === undefined ? undefined : box.open(sealed, actor.keyId);
  if (secret === undefined) {
    throw new AppError(
      'unauthenticated',
      'partner.signing_secret_missing',
      'This API key has no usable signing secret; ask for a new key.',
    );
  }
  const nowSeconds = Math.floor(ctx.now.getTime() / 1000);
  const result = verifyRequestSignature({ secret, nowSeconds, ...request });
  if (!result.ok)
    throw new AppError('unauthenticated', `partner.${result.reason}`, FAILURE_DETAIL[result.reason]);
  // Kept while its timestamp is inside the window; after that the timestamp alone refuses it.
  const expiresAt = new Date((result.timestamp + SIGNATURE_TOLERANCE_SECONDS + 1) * 1000);
  await store.forgetExpiredSignatures(ctx, ctx.now);
  if (!(await store.rememberSignature(ctx, actor.keyId, result.signature, expiresAt))) {
    throw new AppError(
      'unauthenticated',
      'partner.signature_replayed',
      'This signature was already used; sign each request anew (a re-send gets a new timestamp).',
    );
  }
}
