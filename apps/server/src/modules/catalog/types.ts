import type { AnalysisFinding, Model, ModelIssue, Selection } from '@openc2b/configurator';

export type Bilingual = { 'zh-CN': string; en: string };

export type ModelLine = {
  id: string;
  code: string;
  name: Bilingual;
  tagline: Bilingual | null;
  bodyType: Bilingual;
  modelYear: number;
  liveVersionId: string | null;
  createdAt: Date;
};

/** Figures computed once at publish time and kept with the version. */
export type VersionStats = {
  currency: string;
  basePrice: number;
  nodes: number;
  compiledBytes: number;
  minPrice: number | null;
  maxPrice: number | null;
  /** A representative swatch colour for cards (the default paint), or null. */
  swatch: string | null;
  findings: AnalysisFinding[];
};

export type Version = {
  id: string;
  modelLineId: string;
  number: number;
  modelHash: string;
  /** Exact, decimal string. */
  variantCount: string;
  stats: VersionStats;
  publishedAt: Date;
  publishedBy: string | null;
};

export type ModelLineSummary = {
  code: string;
  name: Bilingual;
  tagline: Bilingual | null;
  bodyType: Bilingual;
  modelYear: number;
  currency: string;
  basePrice: number;
  minPrice: number | null;
  maxPrice: number | null;
  variantCount: string;
  swatch: string | null;
  versionId: string;
};

export type Draft = {
  modelLineId: string;
  model: Model;
  basedOnVersionId: string | null;
  updatedAt: Date;
  updatedBy: string | null;
};

/** What an author sees before publishing; `ok` false means publishing would be refused. */
export type PublishReport = {
  ok: boolean;
  issues: ModelIssue[];
  findings: AnalysisFinding[];
  variantCount: string;
  compiledBytes: number;
  nodes: number;
};

export type PriceBreakdown = {
  base: number;
  options: { family: string; option: string; price: number }[];
  adjustments: { id: string; label: Bilingual | null; amount: number }[];
};

export type SavedConfiguration = {
  id: string;
  code: string;
  modelLine: string;
  versionId: string;
  versionNumber: number;
  selection: Selection;
  total: number;
  currency: string;
  breakdown: PriceBreakdown;
  createdAt: Date;
};

export type PopularConfiguration = { code: string; selection: Selection; total: number; saves: number };

export type AdminModelLine = {
  code: string;
  name: Bilingual;
  tagline: Bilingual | null;
  bodyType: Bilingual;
  modelYear: number;
  liveVersion: { id: string; number: number; publishedAt: Date } | null;
  draftUpdatedAt: Date | null;
  draftDiffersFromLive: boolean;
};
