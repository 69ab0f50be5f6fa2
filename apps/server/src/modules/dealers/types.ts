import type { Bilingual } from '../identity/index.ts';

/** Services a dealer offers, as codes the web translates. */
export const DEALER_SERVICES = [
  'sales',
  'test_drive',
  'delivery',
  'service',
  'body_repair',
  'charging',
] as const;
export type DealerService = (typeof DEALER_SERVICES)[number];

export type DealerProfile = {
  orgId: string;
  services: DealerService[];
  /** Vehicles the dealer can hand over per day. */
  handoverCapacityPerDay: number;
  /** Inactive dealers are not in the directory and take no new orders. */
  active: boolean;
  updatedAt: Date;
};

/** A directory entry: the dealer organisation with its profile. */
export type Dealer = {
  id: string;
  code: string;
  name: Bilingual;
  city: Bilingual | null;
  address: Bilingual | null;
  lat: number | null;
  lng: number | null;
  phone: string | null;
  /** OpenStreetMap opening_hours syntax. */
  openingHours: string | null;
  services: DealerService[];
  handoverCapacityPerDay: number;
  active: boolean;
  /** Great-circle distance from the asked location, when one was given. */
  distanceKm: number | null;
};

/** What a dealer uses a stock vehicle for. */
export const STOCK_USAGES = ['demo', 'test_drive', 'for_sale'] as const;
export type StockUsage = (typeof STOCK_USAGES)[number];

export const STOCK_STATUSES = ['in_transit', 'available', 'reserved', 'sold', 'retired'] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

/** A vehicle in a dealer's own stock, as the dealer's DMS reports it. */
export type StockVehicle = {
  dealerOrgId: string;
  vin: string;
  /** Catalogue model line code. */
  modelLine: string;
  configurationCode: string | null;
  usage: StockUsage;
  status: StockStatus;
  createdAt: Date;
  updatedAt: Date;
};

export const HANDOVER_STATUSES = ['booked', 'completed', 'cancelled'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/** A hand-over appointment of one vehicle at its dealer, with the pre-delivery checklist. */
export type Handover = {
  id: string;
  dealerOrgId: string;
  vehicleId: string;
  orderId: string;
  /** YYYY-MM-DD, the dealer's local date. */
  day: string;
  /** HH:MM, local time. */
  slotStart: string;
  slotEnd: string;
  status: HandoverStatus;
  checklist: import('./handover-checklist.ts').ChecklistEntry[];
  bookedBy: string | null;
  bookedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  /** The keys handed over, as the dealer's DMS confirmed it after the customer accepted the car. */
  keysHandedOver: { at: Date; staffName: string } | null;
};
