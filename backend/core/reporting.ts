/**
 * Rules of reporting tasks (上报任务): the notices' presets, what each item accepts, lateness,
 * the submission states and the tracker's reporting rates (DHIS2: completeness and timeliness).
 * Pure: no store, no SDK.
 */
import type { Day } from '../../types/domain';
import type {
  Answer,
  AnswerInput,
  FileRef,
  ReportItem,
  ReportSubmission,
  ReportTask,
  SubmissionStatus,
  TrackerRow,
  TrackerState,
} from '../../types/reporting';
import { DomainError, fail } from './errors';
import { addDays, at } from './time';

// ------------------------------------------------------------------ presets

export interface ReportPreset {
  id: string;
  /** Which notice it reproduces (shared/seeds). */
  notice: string;
  title: string;
  /** Month and day of the deadline the notice sets ('MM-DD'); the year is the task's. */
  deadline: string;
  items: ReportItem[];
}

const PHOTO_MIN = { minWidth: 1280, minHeight: 720 };
const summaryText = (minChars: number, label = '活动总结'): ReportItem => ({
  kind: 'text',
  key: 'summary',
  label,
  required: true,
  minChars,
  maxChars: 20_000,
});
const photos = (count: number, orVideoSeconds?: number): ReportItem => ({
  kind: 'photos',
  key: 'photos',
  label: orVideoSeconds
    ? `活动照片 ${count} 张或活动记录视频（不超过${orVideoSeconds / 60}分钟）`
    : `活动照片 ${count} 张`,
  required: true,
  count,
  ...PHOTO_MIN,
  ...(orVideoSeconds ? { orVideoSeconds } : {}),
});
const cases = (count: number, key = 'cases', label = '典型活动案例'): ReportItem => ({
  kind: 'cases',
  key,
  label: `${label} ${count} 个`,
  required: true,
  count,
  titleMax: 20,
  minChars: 300,
  maxChars: 800,
  images: key === 'board' ? 8 : 1,
});

/** The tasks the four notices in shared/seeds set, as they word them. */
export const REPORT_PRESETS: readonly ReportPreset[] = [
  {
    id: 'jintan-plan',
    notice: '000 金坛区',
    title: '启动周活动情况统计表',
    deadline: '10-30',
    items: [
      { kind: 'form', key: 'f1', label: '启动周活动情况统计表', required: true, form: 'F1', mode: 'plan' },
      { kind: 'scan', key: 'scan', label: '盖章统计表（拍照或扫描）', required: true },
    ],
  },
  {
    id: 'jintan-summary',
    notice: '000 金坛区',
    title: '活动总结',
    deadline: '11-23',
    items: [summaryText(300), photos(5, 180)],
  },
  {
    id: 'changzhou-plan',
    notice: '002 常州市',
    title: '启动仪式方案、实施方案和活动项目安排表',
    deadline: '10-10',
    items: [
      { kind: 'text', key: 'plan', label: '启动仪式方案和实施方案', required: true, minChars: 300, maxChars: 20_000 },
      { kind: 'form', key: 'f2', label: '活动项目安排表', required: true, form: 'F2', mode: 'plan' },
    ],
  },
  {
    id: 'changzhou-summary',
    notice: '002 常州市',
    title: '活动总结',
    deadline: '10-31',
    items: [summaryText(300), photos(5)],
  },
  {
    id: 'nanchang-summary',
    notice: '003 南昌市',
    title: '工作总结材料、总结表和典型活动案例',
    deadline: '12-05',
    items: [
      summaryText(300, '工作总结材料'),
      { kind: 'form', key: 'f3', label: '活动周总结表', required: true, form: 'F3', mode: 'actual' },
      cases(1),
      { kind: 'scan', key: 'scan', label: '盖章扫描件（PDF）', required: true },
    ],
  },
  {
    id: 'jilin-board',
    notice: '004 吉林省',
    title: '成果系列展 展板素材',
    deadline: '10-20',
    items: [cases(1, 'board', '展板素材')],
  },
  {
    id: 'jilin-summary',
    notice: '004 吉林省',
    title: '总结表、工作总结、照片和典型案例',
    deadline: '11-30',
    items: [
      { kind: 'form', key: 'f3', label: '举办单位总结表', required: true, form: 'F3', mode: 'actual' },
      summaryText(2000, '工作总结'),
      photos(8),
      cases(2),
    ],
  },
];

export function presetOf(id: string): ReportPreset {
  const preset = REPORT_PRESETS.find((p) => p.id === id);
  if (!preset) fail('VALIDATION_FAILED', '没有这个预设');
  return preset;
}

/** The deadline of a preset in a given year. */
export function presetDeadline(preset: ReportPreset, year: number): Day {
  return `${year}-${preset.deadline}`;
}

// ------------------------------------------------------------------ deadlines

/** The moment a deadline day ends in Asia/Shanghai: anything at or after it is late. */
export function deadlineEnd(deadline: Day): number {
  return at(addDays(deadline, 1));
}

export function isLate(deadline: Day, at: number): boolean {
  return at >= deadlineEnd(deadline);
}

// ------------------------------------------------------------------ items

/** Characters of a text as 字数 counts them: everything but whitespace. */
export function charCount(text: string): number {
  return [...text.replace(/\s/g, '')].length;
}

export const FILE_RULES = {
  image: { mimes: ['image/jpeg', 'image/png'], maxBytes: 10 * 1024 * 1024, label: 'JPG 或 PNG 图片' },
  // A 3-minute phone video compressed by WeChat is well under this; the function reads it whole.
  video: { mimes: ['video/mp4', 'video/quicktime'], maxBytes: 100 * 1024 * 1024, label: 'MP4 视频' },
  scan: {
    mimes: ['application/pdf', 'image/jpeg', 'image/png'],
    maxBytes: 20 * 1024 * 1024,
    label: 'PDF 或 JPG/PNG 扫描件',
  },
} as const;
export type FileClass = keyof typeof FILE_RULES;

function itemError(code: Parameters<typeof fail>[0], item: ReportItem, message: string): never {
  throw new DomainError(code, `${item.label}：${message}`, [{ path: item.key, message }]);
}

export function checkFile(item: ReportItem, file: FileRef, kind: FileClass, what: string): void {
  const rule = FILE_RULES[kind];
  if (!(rule.mimes as readonly string[]).includes(file.mime)) {
    itemError('REPORT_FILE_TYPE', item, `${what}“${file.name}”应为${rule.label}`);
  }
  if (file.size > rule.maxBytes) {
    itemError('REPORT_FILE_TOO_LARGE', item, `${what}“${file.name}”超过 ${rule.maxBytes / 1024 / 1024} MB`);
  }
}

function checkImage(item: ReportItem, file: FileRef, minWidth: number, minHeight: number, what: string): void {
  checkFile(item, file, 'image', what);
  const w = file.width ?? 0;
  const h = file.height ?? 0;
  // Either orientation: a portrait photo of 720×1280 is as sharp as a landscape one.
  if (Math.max(w, h) < Math.max(minWidth, minHeight) || Math.min(w, h) < Math.min(minWidth, minHeight)) {
    itemError('REPORT_FILE_TYPE', item, `${what}“${file.name}”分辨率不足 ${minWidth}×${minHeight}`);
  }
}

function checkVideo(item: ReportItem, file: FileRef, maxSeconds: number): void {
  checkFile(item, file, 'video', '视频');
  if (file.durationSec === undefined || file.durationSec > maxSeconds) {
    itemError('REPORT_FILE_TYPE', item, `视频不能超过 ${maxSeconds / 60} 分钟`);
  }
}

/**
 * Checks one answer against its item; throws a typed error naming the item and why. Returns
 * the answer to store (forms are frozen by the caller, which alone may count).
 */
export function checkAnswer(item: ReportItem, input: AnswerInput | undefined): AnswerInput | null {
  if (!input) {
    if (item.required) itemError('REPORT_INCOMPLETE', item, '未填写');
    return null;
  }
  if (input.kind !== item.kind) itemError('REPORT_INCOMPLETE', item, '材料类型不符');
  switch (item.kind) {
    case 'form':
      return input;
    case 'text': {
      const { text } = input as Extract<AnswerInput, { kind: 'text' }>;
      const n = charCount(text);
      if (n < item.minChars) itemError('REPORT_TEXT_TOO_SHORT', item, `不少于 ${item.minChars} 字，现有 ${n} 字`);
      if (n > item.maxChars) itemError('REPORT_INCOMPLETE', item, `不超过 ${item.maxChars} 字，现有 ${n} 字`);
      return input;
    }
    case 'photos': {
      const answer = input as Extract<AnswerInput, { kind: 'photos' }>;
      if (answer.video && item.orVideoSeconds) {
        checkVideo(item, answer.video, item.orVideoSeconds);
        return answer;
      }
      if (answer.video) itemError('REPORT_FILE_TYPE', item, '此项须上传照片');
      if (answer.photos.length < item.count) {
        itemError('REPORT_INCOMPLETE', item, `须上传 ${item.count} 张照片，现有 ${answer.photos.length} 张`);
      }
      answer.photos.forEach((p, i) => {
        checkImage(item, p, item.minWidth, item.minHeight, `第 ${i + 1} 张照片`);
        if (!p.caption?.trim()) itemError('REPORT_INCOMPLETE', item, `第 ${i + 1} 张照片缺少说明`);
      });
      return answer;
    }
    case 'video':
      checkVideo(item, (input as Extract<AnswerInput, { kind: 'video' }>).video, item.maxSeconds);
      return input;
    case 'cases': {
      const answer = input as Extract<AnswerInput, { kind: 'cases' }>;
      if (answer.cases.length < item.count) {
        itemError('REPORT_INCOMPLETE', item, `须提交 ${item.count} 个案例，现有 ${answer.cases.length} 个`);
      }
      answer.cases.forEach((c, i) => {
        const title = [...c.title.trim()].length;
        if (title === 0 || title > item.titleMax) {
          itemError('REPORT_INCOMPLETE', item, `第 ${i + 1} 个案例的题目须为 1–${item.titleMax} 字`);
        }
        const n = charCount(c.text);
        if (n < item.minChars) {
          itemError('REPORT_TEXT_TOO_SHORT', item, `第 ${i + 1} 个案例不少于 ${item.minChars} 字，现有 ${n} 字`);
        }
        if (n > item.maxChars) itemError('REPORT_INCOMPLETE', item, `第 ${i + 1} 个案例不超过 ${item.maxChars} 字`);
        if (c.images.length < item.images) {
          itemError('REPORT_INCOMPLETE', item, `第 ${i + 1} 个案例须配图 ${item.images} 张`);
        }
        c.images.forEach((img, j) => checkImage(item, img, 1280, 720, `第 ${i + 1} 个案例第 ${j + 1} 张图片`));
      });
      return answer;
    }
    case 'scan':
      checkFile(item, (input as Extract<AnswerInput, { kind: 'scan' }>).file, 'scan', '扫描件');
      return input;
  }
}

/** Checks every answer; refuses answers for items the task does not have. */
export function checkAnswers(
  task: Pick<ReportTask, 'items'>,
  inputs: Readonly<Record<string, AnswerInput>>,
): Record<string, AnswerInput> {
  for (const key of Object.keys(inputs)) {
    if (!task.items.some((i) => i.key === key)) fail('VALIDATION_FAILED', `任务中没有“${key}”这一项`);
  }
  const checked: Record<string, AnswerInput> = {};
  for (const item of task.items) {
    const answer = checkAnswer(item, Object.hasOwn(inputs, item.key) ? inputs[item.key] : undefined);
    if (answer) checked[item.key] = answer;
  }
  return checked;
}

/** Every file an answer refers to (for read permissions and the .zip). */
export function filesOf(answer: Answer): { file: FileRef; folder: string }[] {
  switch (answer.kind) {
    case 'photos':
      return [
        ...answer.photos.map((file) => ({ file, folder: '照片' })),
        ...(answer.video ? [{ file: answer.video, folder: '视频' }] : []),
      ];
    case 'video':
      return [{ file: answer.video, folder: '视频' }];
    case 'cases':
      return answer.cases.flatMap((c, i) => c.images.map((file) => ({ file, folder: `案例${i + 1}` })));
    case 'scan':
      return [{ file: answer.file, folder: '扫描件' }];
    default:
      return [];
  }
}

// ------------------------------------------------------------------ states

type Decision = 'submit' | 'return' | 'approve';

const FROM: Record<Decision, readonly (SubmissionStatus | null)[]> = {
  submit: [null, 'returned'],
  return: ['submitted', 'approved'],
  approve: ['submitted'],
};

const STATUS_NAMES: Record<SubmissionStatus, string> = { submitted: '已提交', returned: '已退回', approved: '已通过' };

export function assertTransition(current: SubmissionStatus | null, decision: Decision): void {
  if (FROM[decision].includes(current)) return;
  fail(
    'REPORT_STATE_CONFLICT',
    current === null ? '该单位尚未上报' : `当前为“${STATUS_NAMES[current]}”，不能执行此操作`,
  );
}

export function trackerState(sub: ReportSubmission | null): TrackerState {
  if (!sub) return 'missing';
  if (sub.status === 'approved') return 'approved';
  if (sub.status === 'returned') return 'returned';
  return sub.versions[0].late ? 'late' : 'submitted';
}

export const TRACKER_LABELS: Record<TrackerState, string> = {
  missing: '未提交',
  submitted: '已提交',
  late: '逾期提交',
  returned: '已退回',
  approved: '已通过',
};

/**
 * Reporting rates over the expected orgs: completeness counts every org that has handed in
 * (returned ones have not, until they resubmit); on time counts those whose first version came
 * before the deadline's end.
 */
export function reportingRates(rows: readonly Pick<TrackerRow, 'state'>[], firstLate: readonly boolean[]) {
  const expected = rows.length;
  if (expected === 0) return { completeness: 0, onTime: 0 };
  const done = rows.filter((r) => r.state === 'submitted' || r.state === 'late' || r.state === 'approved').length;
  const onTime = rows.filter(
    (r, i) => (r.state === 'submitted' || r.state === 'approved') && firstLate[i] === false,
  ).length;
  return { completeness: done / expected, onTime: onTime / expected };
}
