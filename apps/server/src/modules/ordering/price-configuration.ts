import { decodeConfiguration, type Selection } from '@openc2b/configurator';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { deriveConfiguration, getLiveModelLine, listLineVersions, loadVersion } from '../catalog/index.ts';
import type { Bilingual } from './order-terms.ts';
import { type PriceSnapshot, priceSnapshotOf } from './price-snapshot.ts';

export type PricedConfiguration = {
  modelLine: { code: string; name: Bilingual };
  code: string;
  selection: Selection;
  price: PriceSnapshot;
};

export type PriceRequest = {
  modelLine: string;
  configurationCode: string;
  /** The version the client configured on; when given it must be the live one. */
  versionId?: string | undefined;
};

/**
 * A configuration code priced on the model line's LIVE version, by the engine: the selection is
 * decoded and re-checked, the code re-encoded, every price line computed here. Nothing a client
 * says about price is used.
 * - unknown line: 404 `catalog.model_line_not_found`;
 * - a code (or `versionId`) of an older version: 409 `catalog.stale_version` with `liveVersionId`;
 * - a malformed or mistyped code: 400 `catalog.invalid_code` naming `configurationCode`;
 * - an invalid or incomplete configuration: 422 `catalog.invalid_configuration`.
 */
export async function priceConfiguration(ctx: Ctx, request: PriceRequest): Promise<PricedConfiguration> {
  const live = await getLiveModelLine(ctx, request.modelLine);
  const liveVersionId = live.version.id;
  const stale = () =>
    new AppError(
      'conflict',
      'catalog.stale_version',
      `This configuration was made on an older version of ${request.modelLine}; configure it again on the version on sale.`,
      { extra: { liveVersionId } },
    );
  if (request.versionId !== undefined && request.versionId !== liveVersionId) throw stale();
  const loaded = await loadVersion(ctx, liveVersionId);
  if (!loaded) throw new Error(`live version ${liveVersionId} vanished`);

  const decoded = decodeConfiguration(loaded.compiled, request.configurationCode);
  if (!decoded.ok && decoded.reason === 'wrong_model') {
    // Another model's code, or one of an older version of this line (whose families changed).
    for (const v of await listLineVersions(ctx, request.modelLine)) {
      if (v.id === liveVersionId) continue;
      const old = await loadVersion(ctx, v.id);
      if (old && decodeConfiguration(old.compiled, request.configurationCode).ok) throw stale();
    }
  }
  const derived = deriveConfiguration(loaded.model, loaded.compiled, { code: request.configurationCode });
  if (!derived.ok) {
    switch (derived.reason) {
      case 'invalid_code':
        throw new AppError('bad_request', 'catalog.invalid_code', derived.detail, {
          fields: [{ path: 'configurationCode', message: derived.detail }],
        });
      case 'unknown_option':
        // A decoded code names only options of the model; kept for completeness.
        throw new AppError(
          'bad_request',
          'catalog.unknown_option',
          `Unknown option in family ${derived.family}.`,
          {
            fields: [{ path: 'configurationCode', message: 'Names an unknown option' }],
          },
        );
      case 'invalid_configuration':
        throw new AppError(
          'unprocessable',
          'catalog.invalid_configuration',
          derived.consistent
            ? `The configuration is incomplete: choose ${derived.missing.join(', ')}.`
            : 'The configuration breaks the rules of this model.',
          { extra: { consistent: derived.consistent, missing: derived.missing } },
        );
    }
  }
  return {
    modelLine: { code: live.line.code, name: live.line.name },
    code: derived.code,
    selection: derived.selection,
    price: priceSnapshotOf(loaded.model, live.version, derived.breakdown, derived.total),
  };
}
