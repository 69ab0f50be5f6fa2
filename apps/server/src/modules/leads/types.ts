/** The shapes this module hands out. A lead is customer data: only its dealer's staff read it. */
export const LEAD_STAGES = ['new', 'contacted', 'test_drive', 'negotiating', 'won', 'lost'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

/** Stages in which a lead still needs a dealer's work (used to spread new leads fairly). */
export const OPEN_STAGES: readonly LeadStage[] = ['new', 'contacted', 'test_drive', 'negotiating'];

export const ASSIGNMENT_RULES = ['preferred_dealer', 'city'] as const;
export type AssignmentRule = (typeof ASSIGNMENT_RULES)[number];

export type Lead = {
  id: string;
  /** The system of record (`crm`) and its own id for the lead. */
  sourceSystem: string;
  sourceId: string;
  /** As the person gave it, any script (Unicode NFC, spaces collapsed). */
  name: string;
  /** E.164. */
  phone: string;
  city: string | null;
  /** Catalogue model line code. */
  modelLine: string | null;
  preferredDealerCode: string | null;
  /** Identity organisation of kind dealer; null while no dealer matches. */
  dealerOrgId: string | null;
  assignedBy: AssignmentRule | null;
  source: string | null;
  campaign: string | null;
  stage: LeadStage;
  createdAt: Date;
  updatedAt: Date;
};

export type Page<T> = { items: T[]; nextCursor: string | null };
