import {
  type CompiledModel,
  decodeConfiguration,
  encodeConfiguration,
  type Model,
  type Selection,
} from '@openc2b/configurator';
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { newId } from '../../platform/ids.ts';
import { assertAuthorized } from '../identity/index.ts';
import { checkSelection } from './check-selection.ts';
import { loadVersion } from './compiled-cache.ts';
import { configurationSaved } from './events.ts';
import { getLine, versionNotFound } from './manage-model-lines.ts';
import { unknownOption } from './read-catalog.ts';
import * as store from './store.ts';
import type { PopularConfiguration, PriceBreakdown, SavedConfiguration } from './types.ts';

/** What a client may send: the choices, or a configuration code. Never a price. */
export type ConfigurationInput = { selection: Selection } | { code: string };

export type Derived =
  | { ok: true; selection: Selection; code: string; total: number; breakdown: PriceBreakdown }
  | { ok: false; reason: 'invalid_code'; detail: string }
  | { ok: false; reason: 'unknown_option'; family: string; option: string | null }
  | { ok: false; reason: 'invalid_configuration'; consistent: boolean; missing: string[] };

/**
 * Re-derives a configuration on one version with the engine: the selection (decoded from the
 * code, or checked code by code), its canonical code and its price. Nothing the client says about
 * price is used; the code of a selection is re-encoded, so garbled, forged or other-model codes
 * do not get through.
 */
export function deriveConfiguration(
  model: Model,
  compiled: CompiledModel,
  input: ConfigurationInput,
): Derived {
  let selection: Selection;
  if ('code' in input) {
    const decoded = decodeConfiguration(compiled, input.code);
    if (!decoded.ok) return { ok: false, reason: 'invalid_code', detail: CODE_PROBLEMS[decoded.reason] };
    selection = decoded.selection;
  } else {
    selection = input.selection;
  }
  const checked = checkSelection(model, compiled, selection);
  if (!checked.ok)
    return { ok: false, reason: 'unknown_option', family: checked.family, option: checked.option };
  if (!checked.complete || checked.total === null) {
    return {
      ok: false,
      reason: 'invalid_configuration',
      consistent: checked.consistent,
      missing: checked.missing,
    };
  }
  // Families in model order, so equal cars store equal selections.
  const ordered: Selection = {};
  for (const f of model.families) {
    const chosen = selection[f.code];
    if (chosen !== undefined) ordered[f.code] = chosen;
  }
  return {
    ok: true,
    selection: ordered,
    code: encodeConfiguration(compiled, ordered),
    total: checked.total,
    breakdown: checked.breakdown,
  };
}

const CODE_PROBLEMS = {
  malformed: 'Not a configuration code.',
  checksum: 'The code has a typo (its check characters do not match).',
  wrong_model: 'The code belongs to another model or version.',
  invalid_configuration: 'The code does not describe a valid configuration of this model.',
} as const;

export type SaveInput = { modelLine: string; versionId: string } & ConfigurationInput;

/**
 * Saves a configuration on the live version of its line. Refused and never stored: an unknown
 * line or version (404), a version that is no longer live (409 `catalog.stale_version` with
 * `liveVersionId`), a bad code (400), an unknown option (400), an incomplete or invalid
 * configuration (422). Idempotent per (version, code): saving the same car again returns the same
 * record with `created: false`. Each person counts once towards "saves".
 */
export async function saveConfiguration(
  ctx: Ctx,
  input: SaveInput,
): Promise<{ configuration: SavedConfiguration; created: boolean }> {
  assertAuthorized(ctx.actor, 'configuration.save');
  const line = await getLine(ctx, input.modelLine);
  const loaded = await loadVersion(ctx, input.versionId);
  if (!loaded || loaded.version.modelLineId !== line.id) throw versionNotFound(input.versionId);
  if (line.liveVersionId !== loaded.version.id) {
    throw new AppError(
      'conflict',
      'catalog.stale_version',
      `Version ${loaded.version.number} of ${line.code} is no longer on sale; load the live version and configure again.`,
      { extra: { liveVersionId: line.liveVersionId } },
    );
  }
  const derived = deriveConfiguration(loaded.model, loaded.compiled, input);
  if (!derived.ok) {
    switch (derived.reason) {
      case 'invalid_code':
        throw new AppError('bad_request', 'catalog.invalid_code', derived.detail, {
          fields: [{ path: 'code', message: derived.detail }],
        });
      case 'unknown_option':
        throw unknownOption(derived.family, derived.option);
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
  const saver = saverOf(ctx);
  const { configuration, created } = await inTransaction(ctx, async (tx) => {
    const created = await store.insertSavedConfiguration(tx, {
      id: newId('cfg'),
      code: derived.code,
      modelLineId: line.id,
      versionId: loaded.version.id,
      selection: derived.selection,
      total: derived.total,
      currency: loaded.model.currency,
      breakdown: derived.breakdown,
      createdAt: tx.now,
    });
    const configuration = await store.findSavedConfiguration(tx, loaded.version.id, derived.code);
    if (!configuration) throw new Error('saved configuration vanished');
    await store.insertSave(tx, configuration.id, saver, tx.now);
    if (created) {
      await publish(tx, configurationSaved, configuration.id, {
        configurationId: configuration.id,
        code: configuration.code,
        modelLine: line.code,
        versionId: configuration.versionId,
        total: configuration.total,
        currency: configuration.currency,
      });
    }
    return { configuration, created };
  });
  return { configuration, created };
}

/** A saved configuration by its code (any case, hyphens and spaces allowed, as the engine decodes). */
export async function getSavedConfiguration(ctx: Ctx, code: string): Promise<SavedConfiguration> {
  const found = await store.findSavedConfigurationByCode(ctx, normalizeCode(code));
  if (!found)
    throw new AppError('not_found', 'catalog.configuration_not_found', `No saved configuration ${code}.`);
  return found;
}

/** The live version's configurations, most savers first. */
export async function listPopularConfigurations(
  ctx: Ctx,
  lineCode: string,
  limit = 8,
): Promise<PopularConfiguration[]> {
  const line = await getLine(ctx, lineCode);
  if (!line.liveVersionId) return [];
  return store.listPopular(ctx, line.liveVersionId, limit);
}

/** The signed-in customer's saved configurations, newest save first. */
export async function listMyConfigurations(ctx: Ctx, limit = 50): Promise<SavedConfiguration[]> {
  assertAuthorized(ctx.actor, 'configuration.read_own');
  return store.listSavedBy(ctx, saverOf(ctx), limit);
}

function saverOf(ctx: Ctx): string {
  return ctx.actor.kind === 'customer' || ctx.actor.kind === 'staff' ? ctx.actor.userId : 'anonymous';
}

export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
