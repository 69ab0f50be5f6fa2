/**
 * Super-BOM: parts (part number, bilingual name, supplier, lead time, unit, just-in-sequence
 * flag, active), the bill of material of each catalogue model line as one editable draft and
 * immutable published versions whose lines are conditioned on configuration options, the
 * publish check against the configuration model, the explosion of a configuration into the
 * exact parts list of one car, and the parts lists stored against vehicle ids.
 *
 * Lines. A line has a line number, a part, a quantity (integer > 0), the station where the part
 * is fitted (stamping, body, paint, assembly), an optional alternative group and a condition.
 * The condition is the configurator's `Expr` over option codes, the format the model's own
 * rules use: `'ROOF_PANO'`, `{ all: [...] }`, `{ any: [...] }`, `{ not: ... }`; an optional
 * family left empty is `<family>:none`; null means every car. Of the lines of one alternative
 * group exactly one applies to each car (the four seat variants, one paint per colour, ...).
 *
 * Publish check (`checkBomDraft`, run again by `publishBom`), against the model line's LIVE
 * catalogue version (model and compiled diagram): exact on any model size, since every question
 * is answered by the engine's `solveExpr` ("valid configuration AND expression": exact count
 * and a witness, no enumeration; the D90 Pro has 9.6e12 configurations). Findings, each
 * refusing the publish: `unknown_option` (a condition names a code the model does not have),
 * `dead_line` (no valid configuration meets the condition), `overlap` (two lines of a group
 * both hold for some valid configuration: count and witness), `gap` (some valid configuration
 * gets no line of a group: count and witness; a gap is a car built without its seats or
 * paint, so it refuses too), `inactive_part`, `empty_bom`. Witnesses carry their
 * configuration code. A version records the catalogue version it was checked against, and
 * explosions validate configurations on that version, so "exactly one line per group" holds
 * for every parts list.
 *
 * Public functions for other modules (production calls these; they do not check permissions:
 * authorising is the caller's, e.g. the route or flow that calls them):
 * - `explodeConfiguration(ctx, { modelLine, versionId?, selection }): Promise<PartsList>`:
 *   `versionId` is a BOM version (`bomv_...`), default the newest published one; the selection
 *   must be a complete valid configuration of the catalogue version that BOM was checked
 *   against (400 `catalog.unknown_option`, 422 `bom.invalid_configuration`, 404
 *   `bom.model_line_not_found` / `bom.bom_not_published` / `bom.version_not_found`).
 *   `explodeConfigurationCode(ctx, { modelLine, versionId?, configurationCode })`: the same for a
 *   configuration code, decoded on that catalogue version (400 `bom.invalid_configuration_code`).
 * - `longestLeadTimeDays(ctx, { modelLine, versionId?, selection }): Promise<number>`: exact for
 *   a complete configuration; for a partial one the maximum over lines some valid completion
 *   can still need (a date promised now holds whatever the customer picks next).
 * - `storeVehicleParts(ctx, vehicleId, { modelLine, versionId?, selection }): Promise<VehicleParts>`:
 *   explodes and stores (replaces) the list; idempotent for the same version and selection;
 *   publishes `bom.vehicle_parts_stored`. `getVehicleParts(ctx, vehicleId): Promise<VehicleParts>`
 *   (404 `bom.vehicle_parts_not_found`).
 * - `partsBySupplier(ctx, vehicleIds, { supplierOrgId? }): Promise<PartsDemand>`: for call-offs,
 *   per supplier the just-in-sequence parts per vehicle in the given (line) order, and totals of
 *   every other part; vehicles without a stored list in `missingVehicleIds`.
 * - `upsertPartMaster(ctx, { partNumber, name, supplierOrgId, leadTimeDays, unit, sequenced?,
 *   active? })`: creates or updates a part by part number with the rules of createPart /
 *   updatePart (a lead-time change publishes `bom.part_updated` with the previous lead time; the
 *   delivery promise reads lead times live through `longestLeadTimeDays`), and
 *   `setPartPrice(ctx, partNumber, { amount, currency } | null)`: the unit price in minor units
 *   (fen for CNY). Both for the partner flows (the ERP): they do not check permissions.
 * Planner and admin functions (parts, drafts, versions, check, publish) check `bom.read` /
 * `bom.edit` themselves.
 *
 * Must not: change a published version; trust a client's parts list (lists are always
 * exploded here); edit the configuration model or the engine; touch another module's schema.
 * Only store.ts has SQL, and only schema `bom`.
 */
export type { DemoBom, DemoLine, DemoPart } from './demo/index.ts';
export { demoBoms, demoParts } from './demo/index.ts';
export { bomVersionPublished, partUpdated, vehiclePartsStored } from './events.ts';
export type { ExplodeInput } from './explode-configuration.ts';
export {
  explodeConfiguration,
  explodeConfigurationCode,
  longestLeadTimeDays,
} from './explode-configuration.ts';
export {
  getBomDraft,
  getBomVersion,
  listBoms,
  listBomVersions,
  putBomDraft,
} from './manage-boms.ts';
export type { NewPart, PartMaster, PartPatch, PartQuery } from './manage-parts.ts';
export {
  createPart,
  findPartByNumber,
  getPart,
  listParts,
  setPartPrice,
  updatePart,
  upsertPartMaster,
} from './manage-parts.ts';
export { checkBomDraft, publishBom } from './publish-bom.ts';
export {
  getVehicleParts,
  partsBySupplier,
  storeVehicleParts,
  VEHICLE_ID_PATTERN,
} from './store-vehicle-parts.ts';
export type {
  Bilingual,
  BomDraft,
  BomFinding,
  BomFindingKind,
  BomLine,
  BomLineInput,
  BomReport,
  BomSummary,
  BomVersion,
  BomVersionWithLines,
  ExplodedPart,
  Money,
  Page,
  Part,
  PartsDemand,
  PartsList,
  PartUnit,
  SequencedDemand,
  Station,
  SupplierDemand,
  TotalDemand,
  VehicleParts,
  Witness,
} from './types.ts';
export { PART_UNITS, STATIONS } from './types.ts';
