import type { ColumnType, Kysely } from 'kysely';

/** Rows of schema `production`, as Kysely sees them. Only store.ts uses these. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: objects go in as JSON text, come out parsed. */
type Json<T> = ColumnType<T, string, string>;
/** date: 'YYYY-MM-DD' both ways (both drivers are set to leave dates as text). */
type DateText = ColumnType<string, string, string>;
type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>;

export type LinesTable = {
  id: string;
  plant_org_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  paint_family: string;
  paint_batch_limit: number;
  frozen_days: number;
  build_days: number;
  storage_slack_days: number;
  rework_days: number;
  time_zone: string;
  vin_wmi: string;
  vin_plant_code: string;
  vin_descriptors: Json<unknown>;
  weekly: Json<unknown>;
  active: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type LineModelLinesTable = { model_line: string; line_id: string };

export type CalendarExceptionsTable = {
  line_id: string;
  date: DateText;
  kind: string;
  shifts: number;
  cars_per_shift: number;
  reason_zh: string;
  reason_en: string;
};

export type OptionRulesTable = {
  id: string;
  line_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  n: number;
  p: number;
  priority: string;
  condition: Json<unknown>;
  active: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type TransportRoutesTable = { plant_org_id: string; dealer_org_id: string; days: number };

export type DaysTable = {
  line_id: string;
  day: DateText;
  capacity: number;
  reserved: ColumnType<number, number | undefined, number>;
  frozen_at: NullableTimestamp;
  frozen_by: string | null;
  plan_version: ColumnType<number, number | undefined, number>;
  sequenced_version: number | null;
};

export type DayOptionLoadsTable = {
  line_id: string;
  day: DateText;
  rule_id: string;
  max_cars: number;
  reserved: ColumnType<number, number | undefined, number>;
};

export type VehiclesTable = {
  vehicle_id: string;
  order_id: string;
  customer_user_id: string | null;
  model_line: string;
  model_year: number;
  version_id: string;
  configuration_code: string;
  selection: Json<unknown>;
  colour: string;
  dealer_org_id: string;
  plant_org_id: string;
  line_id: string;
  delivery_date: NullableDateText;
  production_day: NullableDateText;
  ship_date: NullableDateText;
  rule_ids: Json<unknown>;
  sequence_position: number | null;
  vin: string | null;
  state: ColumnType<string, string | undefined, string>;
  estimates: Json<unknown>;
  status: ColumnType<string, string | undefined, string>;
  cancelled_at: NullableTimestamp;
  registered_at: Timestamp;
  reserved_at: NullableTimestamp;
  confirmed_at: NullableTimestamp;
  updated_at: Timestamp;
};

export type StepRecordsTable = {
  id: string;
  vehicle_id: string;
  step: string;
  result: string | null;
  defects: Json<unknown>;
  at: Timestamp;
  estimated_at: NullableTimestamp;
  recorded_by: string | null;
};

export type DeliveryChangesTable = {
  id: string;
  vehicle_id: string;
  at: Timestamp;
  previous_date: NullableDateText;
  new_date: NullableDateText;
  reason: string;
  detail: Json<unknown>;
};

export type VinSerialsTable = {
  wmi: string;
  model_year_code: string;
  plant_code: string;
  last_serial: number;
};

export type SequenceRunsTable = {
  id: string;
  line_id: string;
  day: DateText;
  status: string;
  seconds: number;
  seed: number;
  max_iterations: number | null;
  plan_version: number;
  progress: ColumnType<unknown, string | null | undefined, string | null>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
  requested_by: string | null;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
};

export type CallOffsTable = {
  id: string;
  line_id: string;
  plant_org_id: string;
  day: DateText;
  supplier_org_id: string;
  kind: string;
  due_date: DateText;
  status: ColumnType<string, string | undefined, string>;
  shipped_at: NullableTimestamp;
  delayed_until: NullableDateText;
  delay_reason: string | null;
  received_at: ColumnType<Date | string | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type PartArrivalsTable = {
  arrival_id: string;
  plant_org_id: string;
  part_number: string;
  quantity: number;
  arrived_at: Timestamp;
  calloff_id: string | null;
  recorded_at: Timestamp;
};

export type CallOffReceiptsTable = {
  calloff_id: string;
  item_no: number;
  arrival_id: string;
  quantity: number;
};

export type CallOffItemsTable = {
  calloff_id: string;
  item_no: number;
  sequence_position: number | null;
  vehicle_id: string | null;
  part_id: string;
  part_number: string;
  name_zh: string;
  name_en: string;
  quantity: number;
  unit: string;
  station: string | null;
  vehicles: number;
};

export type ProductionTables = {
  'production.lines': LinesTable;
  'production.line_model_lines': LineModelLinesTable;
  'production.calendar_exceptions': CalendarExceptionsTable;
  'production.option_rules': OptionRulesTable;
  'production.transport_routes': TransportRoutesTable;
  'production.days': DaysTable;
  'production.day_option_loads': DayOptionLoadsTable;
  'production.vehicles': VehiclesTable;
  'production.step_records': StepRecordsTable;
  'production.delivery_changes': DeliveryChangesTable;
  'production.vin_serials': VinSerialsTable;
  'production.sequence_runs': SequenceRunsTable;
  'production.calloffs': CallOffsTable;
  'production.calloff_items': CallOffItemsTable;
  'production.part_arrivals': PartArrivalsTable;
  'production.calloff_receipts': CallOffReceiptsTable;
};

export type ProductionDb = Kysely<ProductionTables>;
