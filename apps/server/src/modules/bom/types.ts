import type { Expr, Selection } from '@openc2b/configurator';

export type Bilingual = { 'zh-CN': string; en: string };

/** Where on the line a part is fitted, in line order. */
export const STATIONS = ['stamping', 'body', 'paint', 'assembly'] as const;
export type Station = (typeof STATIONS)[number];

export const PART_UNITS = ['pc', 'set', 'pair', 'kg', 'l', 'm'] as const;
export type PartUnit = (typeof PART_UNITS)[number];

/** An amount in minor units (fen for CNY) with its ISO 4217 currency. */
export type Money = { amount: number; currency: string };

export type Part = {
  id: string;
  partNumber: string;
  name: Bilingual;
  /** Identity organisation of kind supplier. */
  supplierOrgId: string;
  leadTimeDays: number;
  unit: PartUnit;
  /** Just in sequence: delivered per vehicle in line order (seats, the wiring harness, ...). */
  sequenced: boolean;
  active: boolean;
  /** Price of one unit, from the ERP; null while the part has none. */
  unitPrice: Money | null;
  createdAt: Date;
  updatedAt: Date;
};

/** A BOM line as written: `condition` null = every car; `group` = alternative group code. */
export type BomLineInput = {
  lineNo: number;
  partId: string;
  quantity: number;
  condition: Expr | null;
  group: string | null;
  station: Station;
};

/** A BOM line with its part. */
export type BomLine = Omit<BomLineInput, 'partId'> & { part: Part };

export type BomDraft = {
  modelLine: string;
  lines: BomLine[];
  basedOnVersionId: string | null;
  /** null while nothing was ever saved for this line. */
  updatedAt: Date | null;
  updatedBy: string | null;
};

export type BomVersion = {
  id: string;
  modelLine: string;
  number: number;
  /** The live catalogue version the publish check ran against. */
  catalogVersionId: string;
  lineCount: number;
  report: BomReport;
  publishedAt: Date;
  publishedBy: string | null;
};

export type BomVersionWithLines = BomVersion & { lines: BomLine[] };

/** A valid configuration that shows a finding: its choices and its configuration code. */
export type Witness = { selection: Selection; code: string };

/**
 * What the publish check found. Every kind but `inactive_part` is about the configuration
 * model; all of them block publishing (see index.ts).
 */
export type BomFinding =
  | { kind: 'empty_bom'; message: string }
  | { kind: 'unknown_option'; line: number; options: string[]; message: string }
  | { kind: 'inactive_part'; line: number; partNumber: string; message: string }
  | { kind: 'dead_line'; line: number; message: string }
  | {
      kind: 'overlap';
      group: string;
      lines: [number, number];
      /** Valid configurations that get both lines, exact decimal string. */
      count: string;
      witness: Witness;
      message: string;
    }
  | {
      kind: 'gap';
      group: string;
      /** Valid configurations that get no line of the group, exact decimal string. */
      count: string;
      witness: Witness;
      message: string;
    };

export type BomFindingKind = BomFinding['kind'];

export type BomReport = {
  /** False when publishing would be refused. */
  ok: boolean;
  modelLine: string;
  catalogVersionId: string;
  catalogVersionNumber: number;
  /** Valid configurations of that catalogue version, exact decimal string. */
  variantCount: string;
  lineCount: number;
  groups: { code: string; lines: number[] }[];
  findings: BomFinding[];
};

/** One part of one car, from one BOM line. */
export type ExplodedPart = {
  lineNo: number;
  partId: string;
  partNumber: string;
  name: Bilingual;
  supplierOrgId: string;
  quantity: number;
  unit: PartUnit;
  leadTimeDays: number;
  sequenced: boolean;
  station: Station;
  group: string | null;
};

/** The exact parts list of one configuration, from one published BOM version. */
export type PartsList = {
  modelLine: string;
  bomVersionId: string;
  bomVersionNumber: number;
  catalogVersionId: string;
  /** The configuration, every family (optional ones as `<family>:none`). */
  selection: Selection;
  /** In station order, then line number. */
  parts: ExplodedPart[];
  /** The part that takes longest to arrive, or null for an empty list. */
  longestLeadTime: { days: number; partId: string; partNumber: string; name: Bilingual } | null;
};

/** A parts list stored against a vehicle id. */
export type VehicleParts = PartsList & { vehicleId: string; storedAt: Date };

/** One just-in-sequence part for one vehicle, in the order the vehicles were given. */
export type SequencedDemand = {
  /** 1-based position of the vehicle in the list the caller gave (the line sequence). */
  position: number;
  vehicleId: string;
  lineNo: number;
  partId: string;
  partNumber: string;
  name: Bilingual;
  quantity: number;
  unit: PartUnit;
  station: Station;
};

/** A part called off as a total over the vehicles. */
export type TotalDemand = {
  partId: string;
  partNumber: string;
  name: Bilingual;
  unit: PartUnit;
  quantity: number;
  /** Vehicles that need it. */
  vehicles: number;
  leadTimeDays: number;
};

export type SupplierDemand = {
  supplierOrgId: string;
  sequenced: SequencedDemand[];
  totals: TotalDemand[];
};

export type PartsDemand = {
  /** Suppliers by id, each with its sequenced parts (in vehicle order) and daily totals. */
  suppliers: SupplierDemand[];
  /** Vehicles of the request that have no stored parts list. */
  missingVehicleIds: string[];
};

/** A model line's BOM at a glance (the planner's list). */
export type BomSummary = {
  modelLine: string;
  name: Bilingual;
  catalogLiveVersionId: string | null;
  current: {
    id: string;
    number: number;
    catalogVersionId: string;
    lineCount: number;
    publishedAt: Date;
  } | null;
  /** The current version was checked against the live catalogue version. */
  upToDate: boolean;
  draftLineCount: number;
  draftUpdatedAt: Date | null;
};

export type Page<T> = { items: T[]; nextCursor: string | null };
