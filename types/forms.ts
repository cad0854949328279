/**
 * The statistics forms the bureaus ask for (shared/design/forms.md), as data: what the
 * backend fills from attendance and typed profiles, and what the workbook renderer lays out
 * like the paper form. Labels in comments are the forms' own.
 */
import type { Day } from './domain';

export type FormKind = 'F1' | 'F2' | 'F3';

/** A figure that is counted from data, with how it was counted (shown as a note). */
export interface Counted<T = number> {
  value: T;
  /** e.g. '签到 120 人次 + 现场登记 8 人次 + 线上填报 300 人次'. */
  basis: string;
}

/** One activity row of F1 and F2. */
export interface ActivityRow {
  eventId: string;
  day: Day;
  /** 活动时间, e.g. '11月14日 09:00–11:00'. */
  time: string;
  /** 活动项目 */
  title: string;
  /** 形式与内容 (the typed override where one was saved, else the event's own text). */
  content: string;
  /** 活动地点 */
  venue: string;
  /** 参加人数 (F1, F2 actual) or expected people (F2 plan). */
  participants: Counted;
}

/** F1 — 金坛区 …“启动周”活动情况统计表, one per unit. */
export interface F1Data {
  title: string;
  /** 单位名称（盖章） */
  unitName: string;
  /** 分管领导（签字）: typed, left blank for the signature when empty. */
  leader: string;
  /** 组织单位 */
  organizingUnits: string;
  /** 参与单位 */
  participatingUnits: string;
  /** “启动周”主要负责人 */
  contact: { name: string; position: string; phone: string; email: string };
  /** 动员会时间 / 动员会举办地点 / 参与动员会人数: from the event chosen as the mobilisation meeting. */
  mobilisation: { time: string; place: string; participants: Counted | null };
  /** 活动周主题 */
  theme: string;
  /** Seven day blocks, 11月14日 … 11月20日, each with its activities (possibly none). */
  days: { day: Day; label: string; rows: ActivityRow[] }[];
  /** 参加人数合计 (人次): the sum of the printed rows. */
  total: Counted;
  /** Distinct people (人) of the unit over the week, printed beside the total. */
  people?: number | null;
  /** The note under the table (deadline etc.). */
  footnote: string;
}

/** F2 — “全民终身学习推进周”活动项目安排表, one per unit. */
export interface F2Data {
  title: string;
  /** 单位名称（盖章） */
  unitName: string;
  /** 联系人 / 联系电话 */
  contactName: string;
  contactPhone: string;
  /** plan: 参加人数 = expected (seats or sign-ups); actual: people who came. */
  mode: 'plan' | 'actual';
  rows: ActivityRow[];
  /** Sum of the rows: 人次 in actual mode, expected people in plan mode. */
  total: Counted;
  /** Distinct people (人) of the unit over the period (actual mode), printed beside the total. */
  people?: number | null;
}

/** F3 — 南昌市全民终身学习活动周总结表, one per district. */
export interface F3Data {
  title: string;
  /** 举办县区 */
  district: string;
  /** 主办单位及协办单位 */
  hostsAndCoHosts: string;
  /** 组织领导 */
  leadership: {
    issuingDepartment: string;
    attendingLeaders: string;
    coordinatingDepartment: string;
    planningDepartment: string;
  };
  /** 活动参与情况 */
  participation: {
    /** 全市区数及参与活动的数量 (for a district: its streets/towns and how many took part) */
    areas: Counted<string>;
    /** 主会场及分会场数量 */
    venues: Counted<string>;
    /** 参加活动人数 (人次, and distinct 人 beside it) */
    participants: Counted<string>;
    /** 有特色的活动 */
    highlights: string;
  };
  /** 活动主题与内容 */
  themeAndContent: { theme: string; content: string; results: string; period: Counted<string> };
  /** 活动的群众性 */
  reach: { scope: Counted<string>; satisfaction: Counted<string>; selfAssessment: string };
  /** 宣传报道 */
  publicity: { range: string; articles: string; media: string };
  /** 其他 */
  other: string;
}

/** Typed once, saved, reused next time: the non-counted fields of each form, per unit or district. */
export interface FormProfile {
  /** `${kind}:${orgId}` */
  id: string;
  kind: FormKind;
  orgId: string;
  fields: Record<string, string>;
  /** Event chosen as the mobilisation meeting (F1), if any. */
  mobilisationEventId?: string | null;
  /** 形式与内容 overrides per event (F1, F2), where the event text is not enough. */
  contentOverrides?: Record<string, string>;
  /** F2 plan: expected participants typed per event (online activities have no seats to count). */
  expected?: Record<string, number>;
  updatedAt: number;
  updatedBy: string;
}

/** One line of a raw attendance export. */
export interface AttendanceLine {
  eventTitle: string;
  day: Day;
  /** HH:mm, Asia/Shanghai */
  time: string;
  /** Full name for the unit's own records; '现场来宾' for anonymous walk-ins. */
  name: string;
  /** Masked: 138****5678 (empty when not given). */
  phone: string;
  party: number;
  /** 扫码 / 手工 / 现场登记 */
  method: string;
  offline: boolean;
  /** The sign-up's answers to the event's questions in one line (报名信息), '' when none. */
  answers: string;
}

/** A row of an imported 活动项目安排表 (F2 layout). */
export interface ImportedRow {
  /** 1-based row number in the sheet, for error reports. */
  row: number;
  title: string;
  content: string;
  /** 参加人数 read as the expected number of people (becomes the capacity), null if blank. */
  participants: number | null;
  venue: string;
  /** 活动时间 as typed (text or an Excel date), parsed by the importer. */
  startAt: number;
  endAt: number;
}

export interface ImportProblem {
  row: number;
  reason: string;
}
