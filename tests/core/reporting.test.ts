/**
 * Every item rule of reporting tasks, against the presets that reproduce the four notices.
 * Expected values are written from the notices, not computed by the rules.
 */
import { DomainError } from '../../backend/core/errors';
import {
  charCount,
  checkAnswers,
  isLate,
  presetDeadline,
  presetOf,
  REPORT_PRESETS,
  reportingRates,
  trackerState,
} from '../../backend/core/reporting';
import { at } from '../../backend/core/time';
import type { AnswerInput, FileRef, ReportSubmission } from '../../types/reporting';

const img = (n: number, over: Partial<FileRef> = {}): FileRef => ({
  fileId: `f${n}`,
  name: `活动${n}.jpg`,
  mime: 'image/jpeg',
  size: 2_000_000,
  width: 1920,
  height: 1080,
  caption: `第${n}张`,
  ...over,
});
const video = (durationSec: number): FileRef => ({
  fileId: 'v1',
  name: '记录.mp4',
  mime: 'video/mp4',
  size: 50_000_000,
  durationSec,
});
const pdf: FileRef = { fileId: 's1', name: '盖章.pdf', mime: 'application/pdf', size: 1_000_000 };
const text = (n: number) => '学'.repeat(n);
const aCase = (title: string, chars: number, images: number) => ({
  title,
  text: text(chars),
  images: Array.from({ length: images }, (_, i) => img(i + 1)),
});

function refusal(fn: () => unknown): [string, string | undefined] | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return [error.code, error.fields?.[0]?.path];
  }
}

describe('presets reproduce the notices', () => {
  it('sets the deadlines each notice names', () => {
    const deadlines = Object.fromEntries(REPORT_PRESETS.map((p) => [p.id, presetDeadline(p, 2020)]));
    expect(deadlines).toEqual({
      'jintan-plan': '2020-10-30',
      'jintan-summary': '2020-11-23',
      'changzhou-plan': '2020-10-10',
      'changzhou-summary': '2020-10-31',
      'nanchang-summary': '2020-12-05',
      'jilin-board': '2020-10-20',
      'jilin-summary': '2020-11-30',
    });
  });

  it('asks Jilin for 总结表, 工作总结 ≥ 2,000 字, 8 photos and 2 cases', () => {
    const jilin = presetOf('jilin-summary');
    expect(
      jilin.items.map((i) => [
        i.kind,
        i.kind === 'text' ? i.minChars : i.kind === 'photos' || i.kind === 'cases' ? i.count : null,
      ]),
    ).toEqual([
      ['form', null],
      ['text', 2000],
      ['photos', 8],
      ['cases', 2],
    ]);
  });
});

describe('item rules', () => {
  const jilin = presetOf('jilin-summary');
  const good: Record<string, AnswerInput> = {
    f3: { kind: 'form' },
    summary: { kind: 'text', text: text(2000) },
    photos: { kind: 'photos', photos: Array.from({ length: 8 }, (_, i) => img(i + 1)) },
    cases: { kind: 'cases', cases: [aCase('社区智能手机课堂', 500, 1), aCase('家门口的读书会', 500, 1)] },
  };
  const check = (over: Record<string, AnswerInput | undefined>) =>
    refusal(() =>
      checkAnswers(jilin, Object.fromEntries(Object.entries({ ...good, ...over }).filter(([, v]) => v)) as never),
    );

  it('takes a complete submission', () => {
    expect(check({})).toBeNull();
  });

  it('counts 字 without whitespace', () => {
    expect(charCount(' 学 习\n型 ')).toBe(3);
    expect(check({ summary: { kind: 'text', text: `${text(1999)}   \n ` } })).toEqual([
      'REPORT_TEXT_TOO_SHORT',
      'summary',
    ]);
  });

  it('names a missing item', () => {
    expect(check({ cases: undefined })).toEqual(['REPORT_INCOMPLETE', 'cases']);
    expect(check({ f3: undefined })).toEqual(['REPORT_INCOMPLETE', 'f3']);
  });

  it('refuses an answer for an item the task does not have', () => {
    expect(check({ extra: { kind: 'text', text: 'x' } })).toEqual(['VALIDATION_FAILED', undefined]);
  });

  it('wants the number of photos, each with a caption, sharp enough, of an image type and size', () => {
    const seven = Array.from({ length: 7 }, (_, i) => img(i + 1));
    expect(check({ photos: { kind: 'photos', photos: seven } })).toEqual(['REPORT_INCOMPLETE', 'photos']);
    expect(check({ photos: { kind: 'photos', photos: [...seven, img(8, { caption: ' ' })] } })).toEqual([
      'REPORT_INCOMPLETE',
      'photos',
    ]);
    expect(check({ photos: { kind: 'photos', photos: [...seven, img(8, { width: 1024, height: 768 })] } })).toEqual([
      'REPORT_FILE_TYPE',
      'photos',
    ]);
    // A portrait photo of 1080×1920 is as sharp as a landscape one.
    expect(check({ photos: { kind: 'photos', photos: [...seven, img(8, { width: 1080, height: 1920 })] } })).toBeNull();
    expect(check({ photos: { kind: 'photos', photos: [...seven, img(8, { mime: 'image/gif' })] } })).toEqual([
      'REPORT_FILE_TYPE',
      'photos',
    ]);
    expect(check({ photos: { kind: 'photos', photos: [...seven, img(8, { size: 10 * 1024 * 1024 + 1 })] } })).toEqual([
      'REPORT_FILE_TOO_LARGE',
      'photos',
    ]);
  });

  it('lets a video of at most 3 minutes stand in for Jintan’s five photos, not for Jilin’s eight', () => {
    const jintan = presetOf('jintan-summary');
    const summary: AnswerInput = { kind: 'text', text: text(300) };
    const withVideo = (sec: number) => () =>
      checkAnswers(jintan, { summary, photos: { kind: 'photos', photos: [], video: video(sec) } });
    expect(refusal(withVideo(180))).toBeNull();
    expect(refusal(withVideo(181))).toEqual(['REPORT_FILE_TYPE', 'photos']);
    expect(check({ photos: { kind: 'photos', photos: [], video: video(60) } })).toEqual(['REPORT_FILE_TYPE', 'photos']);
  });

  it('wants cases with a title of at most 20 characters, enough text and their images', () => {
    const ok = aCase('社区智能手机课堂', 500, 1);
    expect(check({ cases: { kind: 'cases', cases: [ok] } })).toEqual(['REPORT_INCOMPLETE', 'cases']);
    expect(check({ cases: { kind: 'cases', cases: [ok, aCase('一'.repeat(21), 500, 1)] } })).toEqual([
      'REPORT_INCOMPLETE',
      'cases',
    ]);
    expect(check({ cases: { kind: 'cases', cases: [ok, aCase('一'.repeat(20), 500, 1)] } })).toBeNull();
    expect(check({ cases: { kind: 'cases', cases: [ok, aCase('短文', 299, 1)] } })).toEqual([
      'REPORT_TEXT_TOO_SHORT',
      'cases',
    ]);
    expect(check({ cases: { kind: 'cases', cases: [ok, aCase('无图', 500, 0)] } })).toEqual([
      'REPORT_INCOMPLETE',
      'cases',
    ]);
  });

  it('wants Jilin’s exhibition board with 8 images', () => {
    const board = presetOf('jilin-board');
    expect(
      refusal(() => checkAnswers(board, { board: { kind: 'cases', cases: [aCase('终身学习成果展', 500, 7)] } })),
    ).toEqual(['REPORT_INCOMPLETE', 'board']);
    expect(
      refusal(() => checkAnswers(board, { board: { kind: 'cases', cases: [aCase('终身学习成果展', 500, 8)] } })),
    ).toBeNull();
  });

  it('takes a stamped scan as PDF or photo only', () => {
    const nanchang = presetOf('nanchang-summary');
    const base: Record<string, AnswerInput> = {
      summary: { kind: 'text', text: text(300) },
      f3: { kind: 'form' },
      cases: { kind: 'cases', cases: [aCase('百姓学习之星', 500, 1)] },
    };
    expect(refusal(() => checkAnswers(nanchang, { ...base, scan: { kind: 'scan', file: pdf } }))).toBeNull();
    const docx = {
      ...pdf,
      name: '总结.docx',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    };
    expect(refusal(() => checkAnswers(nanchang, { ...base, scan: { kind: 'scan', file: docx } }))).toEqual([
      'REPORT_FILE_TYPE',
      'scan',
    ]);
    expect(
      refusal(() =>
        checkAnswers(nanchang, { ...base, scan: { kind: 'scan', file: { ...pdf, size: 21 * 1024 * 1024 } } }),
      ),
    ).toEqual(['REPORT_FILE_TOO_LARGE', 'scan']);
  });
});

describe('deadlines and states', () => {
  it('is late from the start of the day after the deadline (Asia/Shanghai)', () => {
    expect(isLate('2026-11-23', at('2026-11-23', '23:59') + 59_999)).toBe(false);
    expect(isLate('2026-11-23', at('2026-11-24', '00:00'))).toBe(true);
  });

  it('derives tracker states and DHIS2 rates', () => {
    const sub = (status: ReportSubmission['status'], late: boolean) =>
      ({ status, versions: [{ late }] }) as unknown as ReportSubmission;
    expect(
      [null, sub('submitted', false), sub('submitted', true), sub('returned', false), sub('approved', true)].map(
        trackerState,
      ),
    ).toEqual(['missing', 'submitted', 'late', 'returned', 'approved']);
    const rows = [{ state: 'submitted' }, { state: 'late' }, { state: 'missing' }, { state: 'approved' }] as const;
    // 3 of 4 handed in; on time: the submitted one and the approved one whose first version was on time.
    expect(reportingRates(rows, [false, true, true, false])).toEqual({ completeness: 0.75, onTime: 0.5 });
  });
});
