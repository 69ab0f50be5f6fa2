/**
 * Catalogue: model lines, their drafts (engine model format, see packages/configurator), the
 * immutable published versions (model, model hash, compiled decision diagram, figures), and
 * the configurations customers save, each pinned to the version it was priced on.
 *
 * Publish rule: a draft is published only when it is structurally valid, has at least one valid
 * configuration, has no option that can never be chosen (a dead option is an authoring error:
 * customers would see a choice they can never make), and its defaults can be completed. Forced
 * options (always chosen) and unpriced options are warnings in the report and do not block.
 * A published version never changes; publishing makes a new one live.
 *
 * Must not: trust a price, count or code sent by a client (every save is re-derived with the
 * engine on the pinned version); change a published version; edit the engine or the demo models;
 * touch another module's schema. Only store.ts has SQL, and only schema `catalog`.
 */
export type { CheckedSelection, SelectionCheck } from './check-selection.ts';
export { checkSelection } from './check-selection.ts';
export type { LoadedVersion } from './compiled-cache.ts';
export { loadVersion } from './compiled-cache.ts';
export { demoModels } from './demo/index.ts';
export { configurationSaved, versionPublished } from './events.ts';
export type { NewModelLine } from './manage-model-lines.ts';
export {
  createModelLine,
  findModelLine,
  getDraft,
  getVersionModel,
  importXcspDraft,
  listModelLinesForAdmin,
  listVersionHistory,
  putDraft,
} from './manage-model-lines.ts';
export { breakdownTotal, priceBreakdown } from './price-breakdown.ts';
export type { VersionBuild } from './publish-version.ts';
export { checkDraft, prepareVersion, publishVersion } from './publish-version.ts';
export {
  getLineVersion,
  getLiveModelLine,
  listLineVersions,
  listModelLines,
  validateSelection,
} from './read-catalog.ts';
export type { ConfigurationInput, Derived, SaveInput } from './save-configuration.ts';
export {
  deriveConfiguration,
  getSavedConfiguration,
  listMyConfigurations,
  listPopularConfigurations,
  saveConfiguration,
} from './save-configuration.ts';
export type {
  AdminModelLine,
  Bilingual,
  Draft,
  ModelLine,
  ModelLineSummary,
  PopularConfiguration,
  PriceBreakdown,
  PublishReport,
  SavedConfiguration,
  Version,
  VersionStats,
} from './types.ts';
