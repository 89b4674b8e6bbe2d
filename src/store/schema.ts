import type { ColumnType, Generated } from 'kysely';

/**
 * Table types. Dates are ISO strings ('YYYY-MM-DD') and timestamps ISO instants in text
 * columns on both engines, so rows read the same from SQLite and PostgreSQL; flags are 0/1.
 * Rows are mapped to entities in each feature's repo, never used as entities.
 */
type Id = Generated<number>;
type Flag = number;
type Version = ColumnType<number, number | undefined, number>;

export interface UnitTable {
  id: Id;
  code: string;
  name: string;
  level: string;
  parent_id: number | null;
  /** Province key carried by every large table, so distribution by province stays possible. */
  province_id: number | null;
  /** Materialised path of ids ("/1/5/"), for subtree queries without recursion. */
  path: string;
  depth: number;
  valid_from: string | null;
  valid_to: string | null;
  version: Version;
}

export interface UnitPredecessorTable {
  unit_id: number;
  predecessor_id: number;
}

export interface PlanTable {
  id: Id;
  code: string;
  name: string;
  year: number;
  unit_id: number;
  issuing_body: string;
  document_number: string | null;
  adopted_on: string | null;
  default_basis: string;
  version: Version;
}

/** The catalogue of indicators of a unit; plans pick from it, so figures outlive a plan year. */
export interface IndicatorTable {
  id: Id;
  owner_unit_id: number;
  code: string;
  name: string;
  field: string;
  measure_unit: string;
  kind: string;
  direction: string;
  rollup: string;
  weight_indicator_id: number | null;
  /** monthly | quarterly | half_yearly | yearly: which months a figure is owed for. */
  frequency: Generated<string>;
  allow_negative: Flag;
  decimals: number;
  /** JSON array of other names the indicator goes by in reports. */
  aliases: string;
  version: Version;
}

export interface PlanIndicatorTable {
  plan_id: number;
  indicator_id: number;
  sort_order: number;
  /** Value at the start of the plan year; the reference for decrease indicators. */
  baseline: number | null;
}

export interface TargetTable {
  id: Id;
  plan_id: number;
  indicator_id: number;
  unit_id: number;
  basis: string;
  issuing_body: string;
  value: number;
  version: Version;
}

export interface FigureTable {
  id: Id;
  indicator_id: number;
  unit_id: number;
  province_id: number | null;
  /** The unit's depth in the tree, copied like the province key (units never move). */
  unit_depth: number | null;
  year: number;
  month: number;
  cumulative: Flag;
  value: number;
  status: string;
  source: string;
  source_ref: string | null;
  note: string | null;
  revision: number;
  /** 1 on the latest revision of its key; older revisions keep their values untouched. */
  is_current: Flag;
  recorded_by: number | null;
  recorded_at: string;
}

/**
 * Sums of the current month values per province, year, indicator, depth and month, kept by the
 * database's triggers (migration 0005): read, never written, by the app.
 */
export interface FigureMonthSumTable {
  /** The figures' province, 0 for units above the provinces. */
  province_key: number;
  year: number;
  indicator_id: number;
  unit_depth: number;
  month: number;
  total: number;
  count: number;
  /** Σ value × weight over the values with a weight figure beside them; null when none has. */
  weighted_total: number | null;
  weight_total: number | null;
}

export interface PersonTable {
  id: Id;
  full_name: string;
  version: Version;
}

export interface PositionTable {
  id: Id;
  person_id: number;
  title: string;
  unit_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
}

export interface MeetingTable {
  id: Id;
  unit_id: number;
  body: string;
  kind: string;
  session_number: number | null;
  term: string | null;
  title: string;
  held_on: string;
  place: string | null;
  plan_id: number | null;
  period_year: number | null;
  period_month: number | null;
  summary: string | null;
  conclusion: string | null;
  province_id: number | null;
  version: Version;
}

export interface MeetingChairTable {
  meeting_id: number;
  person_id: number;
  position_title: string | null;
  sort_order: number;
}

export interface MeetingAttendeeTable {
  id: Id;
  meeting_id: number;
  person_id: number | null;
  name: string;
  position_title: string | null;
  unit_id: number | null;
}

export interface AgendaItemTable {
  id: Id;
  meeting_id: number;
  sort_order: number;
  title: string;
}

export interface OpinionTable {
  id: Id;
  meeting_id: number;
  sort_order: number;
  speaker: string | null;
  speaker_position: string | null;
  text: string;
}

export interface ConclusionItemTable {
  id: Id;
  meeting_id: number;
  sort_order: number;
  text: string;
  is_key: Flag;
}

export interface DirectiveTable {
  id: Id;
  title: string;
  meeting_id: number | null;
  conclusion_item_id: number | null;
  source_document: string | null;
  lead_unit_id: number;
  province_id: number | null;
  deadline: string | null;
  completed_on: string | null;
  is_key: Flag;
  created_at: string;
  version: Version;
}

export interface DirectiveCoUnitTable {
  directive_id: number;
  unit_id: number;
}

export interface DirectiveUpdateTable {
  id: Id;
  directive_id: number;
  reported_on: string;
  text: string;
  evidence: string | null;
  recorded_by: number | null;
  recorded_at: string;
}

export interface UserTable {
  id: Id;
  username: string;
  display_name: string;
  password_hash: string | null;
  person_id: number | null;
  active: Flag;
  created_at: string;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: string | null;
  version: Version;
}

export interface SessionTable {
  id: Id;
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiTokenTable {
  id: Id;
  token_hash: string;
  user_id: number;
  unit_id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface UserRoleTable {
  user_id: number;
  unit_id: number;
  role: string;
}

export interface AuditTable {
  id: Id;
  at: string;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: number | null;
  before: string | null;
  after: string | null;
}

/** A plan's reporting calendar; a plan without a row uses the defaults of src/reporting/due.ts. */
export interface ReportingSettingsTable {
  plan_id: number;
  due_day: number;
  /** 0: figures of month M are due in M itself (Nghị định 09/2019 cut-off); 1: in M + 1. */
  due_month_offset: number;
  /** JSON array of e-mail addresses the daily digest goes to. */
  recipients: string;
  version: Version;
}

/** A plan's month closed after its review: figure writes for it are refused until an admin reopens it. */
export interface PeriodLockTable {
  id: Id;
  plan_id: number;
  year: number;
  month: number;
  locked_at: string;
  locked_by: number | null;
  note: string | null;
}

export interface ReminderTable {
  id: Id;
  user_id: number;
  subject: string;
  kind: string;
  plan_id: number | null;
  unit_id: number | null;
  directive_id: number | null;
  period: string | null;
  /** The day the reminder was last raised; generating twice on one day changes nothing. */
  day: string;
  message_vi: string;
  message_en: string;
  created_at: string;
  read_at: string | null;
}

export interface Database {
  units: UnitTable;
  unit_predecessors: UnitPredecessorTable;
  plans: PlanTable;
  indicators: IndicatorTable;
  plan_indicators: PlanIndicatorTable;
  targets: TargetTable;
  figures: FigureTable;
  figure_month_sums: FigureMonthSumTable;
  people: PersonTable;
  positions: PositionTable;
  meetings: MeetingTable;
  meeting_chairs: MeetingChairTable;
  meeting_attendees: MeetingAttendeeTable;
  agenda_items: AgendaItemTable;
  opinions: OpinionTable;
  conclusion_items: ConclusionItemTable;
  directives: DirectiveTable;
  directive_co_units: DirectiveCoUnitTable;
  directive_updates: DirectiveUpdateTable;
  users: UserTable;
  user_roles: UserRoleTable;
  audit_log: AuditTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  reporting_settings: ReportingSettingsTable;
  period_locks: PeriodLockTable;
  reminders: ReminderTable;
}
