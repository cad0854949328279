import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import { openDownload } from '../../src/platform/download';
import { pickSpreadsheet } from '../../src/organizer/platform/spreadsheet-file';
import FormsPage from '../../src/organizer/forms/index';
import type { WhoAmI } from '../../types/api';
import type { FormProfile } from '../../types/forms';
import { cannedTransport, ok } from './builders';
import { aDashboard, anF1, anF3 } from './organizer-fixtures';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
jest.mock('../../src/platform/download', () => ({ openDownload: jest.fn() }));
jest.mock('../../src/organizer/platform/spreadsheet-file', () => ({ pickSpreadsheet: jest.fn() }));

const call = callFunction as jest.MockedFunction<typeof callFunction>;
const download = openDownload as jest.MockedFunction<typeof openDownload>;
const pick = pickSpreadsheet as jest.MockedFunction<typeof pickSpreadsheet>;

const organizer: WhoAmI = { role: 'organizer', name: '区教育局 凌老师', unitIds: [], districtId: 'd1' };
const staff: WhoAmI = { role: 'staff', name: '尧塘中心 张老师', unitIds: ['centre-yaotang'], districtId: 'd1' };

const savedProfile: FormProfile = {
  id: 'F1:centre-yaotang',
  kind: 'F1',
  orgId: 'centre-yaotang',
  fields: { contactName: '张老师', contactPhone: '0519-82000000' },
  mobilisationEventId: null,
  updatedAt: 0,
  updatedBy: 'x',
};

const FILE = {
  url: '/exports/abcdefgh12345678/F1-尧塘街道社区教育中心.xlsx',
  fileId: null,
  fileName: 'F1-尧塘街道社区教育中心.xlsx',
  expiresAt: 0,
};

function backend(me: WhoAmI = organizer, handlers: Parameters<typeof cannedTransport>[0] = {}) {
  call.mockImplementation(
    cannedTransport({
      'me.get': () => ok(me),
      'dashboard.get': () => ok(aDashboard()),
      'forms.preview': (input) => {
        if (input.kind === 'F3') {
          return ok({ form: { kind: 'F3', data: anF3() }, profile: null, orgId: 'd1', campaignId: 'c1' });
        }
        return ok({
          form: {
            kind: 'F1',
            data: anF1({ contact: { name: '张老师', position: '', phone: '0519-82000000', email: '' } }),
          },
          profile: savedProfile,
          orgId: String(input.orgId ?? 'centre-yaotang'),
          campaignId: 'c1',
        });
      },
      'forms.saveProfile': (input) =>
        ok({ profile: { ...savedProfile, fields: input.fields as Record<string, string> } }),
      'forms.export': () => ok(FILE),
      ...handlers,
    }) as typeof callFunction,
  );
}

const callsOf = (action: string) => call.mock.calls.filter(([, a]) => a === action);
const field = (key: string) => document.getElementById(`field-${key}`) as HTMLInputElement;

beforeEach(() => {
  jest.clearAllMocks();
  download.mockResolvedValue({ ok: true, message: `已开始下载：${FILE.fileName}` });
  backend();
});

async function openF1ForYaotang() {
  render(<FormsPage />);
  await screen.findByText('F1 启动周统计表');
  // Organizers choose the unit; the list is sorted by name, so pick 尧塘 explicitly.
  fireEvent.click(await screen.findByText('单位', { selector: '.unit-chooser__label' }));
  fireEvent.click(document.getElementById('unit-centre-yaotang') as HTMLElement);
  await waitFor(() =>
    expect(callsOf('forms.preview').some(([, , d]) => (d as { orgId?: string }).orgId === 'centre-yaotang')).toBe(true),
  );
  await screen.findByText('金坛区2020-2021年度全民终身学习活动“启动周”活动情况统计表');
}

test('shows the form like the paper, counted cells marked 自动统计 with their basis on tap', async () => {
  await openF1ForYaotang();
  const sheet = document.getElementById('paper-F1') as HTMLElement;
  expect(within(sheet).getByText('尧塘街道社区教育中心', { selector: '.paper__text' })).toBeTruthy();
  expect(within(sheet).getByText('全民智学，助力“双战双赢”')).toBeTruthy();
  expect(within(sheet).getByText('智能手机使用入门')).toBeTruthy();
  expect(within(sheet).getByText('（无活动）')).toBeTruthy(); // 11月16日 has none

  const count = document.getElementById('count-e1') as HTMLElement;
  expect(within(count).getByText('17')).toBeTruthy();
  expect(within(count).getByText('自动统计')).toBeTruthy();
  expect(within(count).queryByText(/统计依据/)).toBeNull();
  fireEvent.click(count);
  expect(within(count).getByText('统计依据：签到 17 人次 + 现场登记 0 人次')).toBeTruthy();

  const total = document.getElementById('table-F1-total') as HTMLElement;
  expect(within(total).getByText('合计')).toBeTruthy();
  expect(within(total).getByText('29')).toBeTruthy();
  expect(within(total).getByText('自动统计')).toBeTruthy();
  // Every counted cell carries the mark: two rows and the total.
  expect(within(sheet).getAllByText('自动统计')).toHaveLength(3);
});

test('prefills the typed fields from the saved profile and saves what was typed', async () => {
  await openF1ForYaotang();
  expect(field('contactName').value).toBe('张老师');
  expect(field('contactPhone').value).toBe('0519-82000000');
  expect(field('footnote').value).toBe('注：此表纸质稿盖章拍照后按通知要求的时间报送。');

  fireEvent.change(field('leader'), { target: { value: '李主任' } });
  fireEvent.change(field('participatingUnits'), { target: { value: '尧塘中学、尧塘社区' } });
  fireEvent.change(field('contactEmail'), { target: { value: 'yt@example.com' } });
  expect(screen.getByText('有未保存的修改')).toBeTruthy();
  // The mobilisation meeting: the second choice is the unit's first event.
  const picker = screen.getByLabelText('不指定（动员会不是本周活动）') as HTMLSelectElement;
  fireEvent.change(picker, { target: { value: '1' } });

  fireEvent.click(screen.getByText('保存'));
  await waitFor(() => expect(callsOf('forms.saveProfile')).toHaveLength(1));
  expect(callsOf('forms.saveProfile')[0][2]).toEqual({
    kind: 'F1',
    orgId: 'centre-yaotang',
    fields: {
      leader: '李主任',
      organizingUnits: '尧塘街道社区教育中心',
      participatingUnits: '尧塘中学、尧塘社区',
      contactName: '张老师',
      contactPosition: '',
      contactPhone: '0519-82000000',
      contactEmail: 'yt@example.com',
      footnote: '注：此表纸质稿盖章拍照后按通知要求的时间报送。',
    },
    mobilisationEventId: 'e1',
  });
  expect(await screen.findByText('已保存，下次打开时自动填入')).toBeTruthy();
});

test('导出 Excel hands the returned link to the download twin', async () => {
  await openF1ForYaotang();
  fireEvent.click(screen.getByText('导出 Excel'));
  await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
  expect(download.mock.calls[0][0]).toEqual(expect.objectContaining({ url: FILE.url, fileName: FILE.fileName }));
  expect(callsOf('forms.export')[0][2]).toEqual({ kind: 'F1', orgId: 'centre-yaotang' });
  // Exports run in their own cloud function (60 s, exceljs), not the 10 s organizer function.
  expect(callsOf('forms.export')[0][0]).toBe('exports');
  expect(callsOf('forms.saveProfile')).toHaveLength(0); // nothing typed: nothing to save first
  expect(await screen.findByText(`已开始下载：${FILE.fileName}`)).toBeTruthy();
});

test('unsaved changes are saved before exporting', async () => {
  await openF1ForYaotang();
  fireEvent.change(field('contactPosition'), { target: { value: '主任' } });
  fireEvent.click(screen.getByText('导出 Excel'));
  await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
  expect(callsOf('forms.saveProfile')).toHaveLength(1);
  expect((callsOf('forms.saveProfile')[0][2] as { fields: Record<string, string> }).fields.contactPosition).toBe(
    '主任',
  );
});

test('导出签到名单 exports the unit’s attendance; 导入活动安排表 reports rows', async () => {
  backend(organizer, {
    'attendance.export': (input) => {
      expect(input).toEqual({ unitId: 'centre-yaotang' });
      return ok({ ...FILE, url: '/exports/abcdefgh12345678/names.xlsx', fileName: 'names.xlsx' });
    },
    'events.import': (input) => {
      expect(input).toEqual({ unitId: 'centre-yaotang', fileId: 'u-AAAAAAAAAAAAAAAAAAAAAA' });
      return ok({
        created: ['n1', 'n2'],
        skipped: [{ row: 4, reason: '与已有活动重复' }],
        problems: [{ row: 6, reason: '活动时间无法识别' }],
      });
    },
  });
  pick.mockResolvedValue({ ok: true, name: '安排表.xlsx', fileId: 'u-AAAAAAAAAAAAAAAAAAAAAA' });
  await openF1ForYaotang();

  fireEvent.click(screen.getByText('导出签到名单'));
  await waitFor(() => expect(download).toHaveBeenCalledWith(expect.objectContaining({ fileName: 'names.xlsx' })));

  fireEvent.click(screen.getByText('导入活动安排表'));
  const report = await screen.findByText('新建 2 项活动，跳过 1 行，有问题 1 行');
  const box = report.closest('.report') as HTMLElement;
  expect(within(box).getByText('第 4 行：与已有活动重复')).toBeTruthy();
  expect(within(box).getByText('第 6 行：活动时间无法识别')).toBeTruthy();
});

test('organizers also get F3 for the district, counted cells marked', async () => {
  render(<FormsPage />);
  fireEvent.click(await screen.findByText('F3 活动周总结表'));
  await screen.findByText('2026年常州市金坛区全民终身学习活动周总结表');
  expect(callsOf('forms.preview').at(-1)?.[2]).toEqual({ kind: 'F3' });
  const participants = document.getElementById('f3-participants') as HTMLElement;
  expect(within(participants).getByText('1165 人次（640 人）')).toBeTruthy();
  expect(within(participants).getByText('自动统计')).toBeTruthy();
  expect(screen.queryByText('导出签到名单')).toBeNull();

  fireEvent.change(field('results'), { target: { value: '覆盖全区九个街道（镇）' } });
  fireEvent.click(screen.getByText('保存'));
  await waitFor(() => expect(callsOf('forms.saveProfile')).toHaveLength(1));
  const saved = callsOf('forms.saveProfile')[0][2] as { kind: string; orgId: string; fields: Record<string, string> };
  expect(saved.kind).toBe('F3');
  expect(saved.orgId).toBe('d1');
  expect(saved.fields.results).toBe('覆盖全区九个街道（镇）');
  expect(saved).not.toHaveProperty('mobilisationEventId');
});

test('staff get F1/F2 for their own unit only, without a unit chooser or F3', async () => {
  backend(staff, {
    'dashboard.get': () =>
      ok(aDashboard({ scope: { kind: 'units', name: '尧塘街道社区教育中心' }, byUnit: [aDashboard().byUnit[0]] })),
  });
  render(<FormsPage />);
  await screen.findByText('F1 启动周统计表');
  await waitFor(() => expect(callsOf('forms.preview')).toHaveLength(1));
  expect(screen.queryByText('F3 活动周总结表')).toBeNull();
  expect(document.querySelector('.unit-chooser')).toBeNull();
  expect(screen.getByText('单位：尧塘街道社区教育中心')).toBeTruthy();
  expect(callsOf('forms.preview')[0][2]).toEqual({ kind: 'F1', orgId: 'centre-yaotang' });
});
