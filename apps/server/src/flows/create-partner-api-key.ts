import { type ApiKey, createApiKey, findOrganisation, type NewApiKey } from '../modules/identity/index.ts';
import { issueSigningSecret, scopesNotFor } from '../modules/partner/index.ts';
import { type Ctx, inTransaction } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import type { SecretBox } from '../platform/secret-box.ts';

/**
 * A partner API key with its request-signing secret, in one transaction: identity keeps the key
 * (hashed), the partner module the signing secret (sealed). Both secrets are in this answer only.
 * 422 `partner.scope_not_for_organisation` when a scope does not fit the organisation (an ERP
 * key belongs to the brand, a DMS key to its dealer, ...).
 */
export async function createPartnerApiKey(
  ctx: Ctx,
  input: NewApiKey,
  box: SecretBox,
): Promise<{ apiKey: ApiKey; secret: string; signingSecret: string }> {
  const org = await findOrganisation(ctx, input.orgId);
  if (org) {
    const misfits = scopesNotFor(input.scopes, org.kind);
    if (misfits.length > 0) {
      throw new AppError(
        'unprocessable',
        'partner.scope_not_for_organisation',
        misfits
          .map((m) => `${m.scope} is for ${m.allowed.join(' or ')} organisations, not ${org.kind}`)
          .join('; '),
        {
          fields: misfits.map((m) => ({
            path: `scopes.${m.index}`,
            message: `For ${m.allowed.join(' or ')} organisations`,
          })),
        },
      );
    }
  }
  return inTransaction(ctx, async (tx) => {
    // createApiKey checks the permission and the organisation itself.
    const created = await createApiKey(tx, input);
    const signingSecret = await issueSigningSecret(tx, created.apiKey.id, box);
    return { ...created, signingSecret };
  });
}
