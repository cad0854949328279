/**
 * The registrant list before an event (报名名单): one line per sign-up, confirmed first, then the
 * waitlist in its order, with room to tick attendance by hand at the door (签到 column).
 */
import { renderList } from './workbook-list';

export const REGISTRANTS_SHEET = '报名名单';
export const REGISTRANTS_HEADER = [
  '序号',
  '姓名',
  '手机号',
  '同行家属',
  '占名额',
  '状态',
  '报名方式',
  '报名时间',
  '签到',
];
const WIDTHS = [7, 12, 15, 9, 8, 12, 12, 18, 10];

export interface RegistrantLine {
  name: string;
  phone: string;
  companions: number;
  party: number;
  /** 已报名 / 候补第N位 */
  status: string;
  /** 本人报名 / 工作人员代报 */
  source: string;
  /** 11月14日 09:30 */
  signedUpAt: string;
  /** 已签到, or empty to tick by hand. */
  checkedIn: string;
  /** One cell per sign-up question of the event, in the order of `questions`. */
  answers: string[];
}

/** `questions`: the labels of the event's sign-up questions, one column each after 签到. */
export async function renderRegistrants(
  title: string,
  lines: readonly RegistrantLine[],
  questions: readonly string[] = [],
): Promise<Buffer> {
  return renderList(
    REGISTRANTS_SHEET,
    title,
    [
      ...REGISTRANTS_HEADER.map((header, i) => ({ header, width: WIDTHS[i] })),
      ...questions.map((header) => ({ header, width: 16 })),
    ],
    lines.map((line, i) => [
      i + 1,
      line.name,
      line.phone,
      line.companions,
      line.party,
      line.status,
      line.source,
      line.signedUpAt,
      line.checkedIn,
      ...line.answers,
    ]),
  );
}
