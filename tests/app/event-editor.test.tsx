/**
 * 新建/编辑活动: the editor sends exactly the EventInput the form shows (Asia/Shanghai day and
 * clock → epoch ms), checks like the backend before sending, and shows the backend's per-field
 * messages beside the fields.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import EventEditPage from '../../src/organizer/event-edit/index';
import { checkEventDraft, draftOf, eventInputOf, newEventDraft } from '../../src/organizer/event-form';
import type { ApiResult, EventInput, WhoAmI } from '../../types/api';
import { at } from '../../backend/core/time';
import Taro, { setRouterParams } from './stand-ins/taro';
import { WEEK_DAYS, aWeek, cannedTransport, ok, validationFailed } from './builders';
import { ORGANIZER_ME, ORGS, STAFF_ME, aManagedEvent } from './setup-fixtures';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;
const saves = () => call.mock.calls.filter(([, a]) => a === 'event.save').map(([, , d]) => d as EventInput);

function backend(save: (input: Record<string, unknown>) => ApiResult<unknown>, me: WhoAmI = STAFF_ME) {
  call.mockImplementation(
    cannedTransport({
      'week.get': () => ok(aWeek()),
      'me.get': () => ok(me),
      'org.list': () => ok({ orgs: ORGS }),
      'events.managed': () =>
        ok({
          events: [aManagedEvent({ id: 'ev1', status: 'approved', capacity: 30, onlineUrl: undefined })],
        }),
      'event.save': save,
    }) as typeof callFunction,
  );
}

const input = (label: string) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;

beforeEach(() => {
  jest.clearAllMocks();
  setRouterParams({});
});

test('a new event: sends every field as the form shows it', async () => {
  backend((i) => ok({ event: aManagedEvent({ id: 'ev-new', title: String(i.title) }) }));
  render(<EventEditPage />);
  fireEvent.change(await screen.findByPlaceholderText('活动名称'), { target: { value: ' 防诈骗讲座 ' } });
  fireEvent.change(screen.getByPlaceholderText('活动的形式和主要内容'), { target: { value: '民警讲解常见骗局' } });
  fireEvent.click(screen.getByLabelText('11月16日 周一'));
  fireEvent.change(input('开始时间'), { target: { value: '14:00' } });
  fireEvent.change(input('结束时间'), { target: { value: '15:30' } });
  fireEvent.change(screen.getByPlaceholderText('例如：尧塘街道社区教育中心多功能教室'), {
    target: { value: '尧塘街道社区教育中心报告厅' },
  });
  fireEvent.click(screen.getByText('主会场'));
  fireEvent.click(screen.getByLabelText('讲座'));
  fireEvent.click(screen.getByLabelText('老年人')); // adds to 社会公众
  fireEvent.click(screen.getByText('线上线下'));
  fireEvent.change(screen.getByPlaceholderText('https://'), { target: { value: 'https://live.example.cn/room/1' } });
  fireEvent.change(screen.getByPlaceholderText('名额（人）'), { target: { value: '50' } });
  fireEvent.click(screen.getByLabelText('同行家属加一'));
  fireEvent.click(screen.getByText('保存为草稿'));

  await waitFor(() => expect(saves()).toHaveLength(1));
  expect(saves()[0]).toEqual({
    unitId: 'centre-yaotang', // the staff member's only unit, chosen for them
    title: '防诈骗讲座',
    content: '民警讲解常见骗局',
    venue: '尧塘街道社区教育中心报告厅',
    startAt: at('2026-11-16', '14:00'),
    endAt: at('2026-11-16', '15:30'),
    category: 'lecture',
    audiences: ['public', 'elderly'],
    mode: 'hybrid',
    onlineUrl: 'https://live.example.cn/room/1',
    free: true,
    venueRole: 'main',
    maxCompanions: 2,
    capacity: 50,
  });
  await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存为草稿，请提交审核' }));
});

test('无需报名 sends capacity null and no companions', async () => {
  backend((i) => ok({ event: aManagedEvent({ title: String(i.title), status: 'approved' }) }), ORGANIZER_ME);
  render(<EventEditPage />);
  fireEvent.change(await screen.findByPlaceholderText('活动名称'), { target: { value: '书画展' } });
  fireEvent.change(screen.getByPlaceholderText('例如：尧塘街道社区教育中心多功能教室'), {
    target: { value: '区文化馆' },
  });
  // Organizers choose among all units.
  fireEvent.click(screen.getByText('单位', { selector: '.unit-chooser__label' }));
  fireEvent.click(document.getElementById('unit-centre-zhixi') as HTMLElement);
  fireEvent.click(screen.getByText('不限，无需报名'));
  expect(screen.queryByPlaceholderText('名额（人）')).toBeNull();
  fireEvent.click(screen.getByText('保存并发布'));
  await waitFor(() => expect(saves()).toHaveLength(1));
  expect(saves()[0]).toMatchObject({ unitId: 'centre-zhixi', capacity: null, maxCompanions: 0, mode: 'offline' });
  expect(saves()[0]).not.toHaveProperty('onlineUrl');
});

test('checks like the backend before sending', async () => {
  backend(() => {
    throw new Error('must not be called');
  });
  render(<EventEditPage />);
  await screen.findByPlaceholderText('活动名称');
  fireEvent.change(input('开始时间'), { target: { value: '15:00' } });
  fireEvent.change(input('结束时间'), { target: { value: '14:00' } });
  fireEvent.click(screen.getByText('线上'));
  fireEvent.change(screen.getByPlaceholderText('名额（人）'), { target: { value: '0' } });
  fireEvent.click(screen.getByLabelText('社会公众')); // no audience left
  fireEvent.click(screen.getByText('保存为草稿'));

  expect(await screen.findByText('请按提示修改后再保存')).toBeTruthy();
  expect(screen.getByText('请填写活动项目')).toBeTruthy();
  expect(screen.getByText('请填写活动地点')).toBeTruthy();
  expect(screen.getByText('结束时间须晚于开始时间')).toBeTruthy();
  expect(screen.getByText('请至少选择一类参与对象')).toBeTruthy();
  expect(screen.getByText('线上活动请填写参与链接')).toBeTruthy();
  expect(screen.getByText('名额须为正整数')).toBeTruthy();
  expect(saves()).toHaveLength(0);
});

test('shows the server’s field errors beside the fields, and the rest above the button', async () => {
  backend(() =>
    validationFailed([
      { path: 'title', message: '活动项目最多 60 个字' },
      { path: 'audiences.0', message: '没有这个参与对象' },
      { path: 'source', message: '不认识的字段' },
    ]),
  );
  render(<EventEditPage />);
  fireEvent.change(await screen.findByPlaceholderText('活动名称'), { target: { value: '讲座' } });
  fireEvent.change(screen.getByPlaceholderText('例如：尧塘街道社区教育中心多功能教室'), {
    target: { value: '报告厅' },
  });
  fireEvent.click(screen.getByText('保存为草稿'));
  expect(await screen.findByText('活动项目最多 60 个字')).toBeTruthy();
  expect(screen.getByText('没有这个参与对象')).toBeTruthy();
  expect(screen.getByText('不认识的字段')).toBeTruthy();
  expect(screen.getByText('填写的信息有误，请检查后再试')).toBeTruthy();
  expect(screen.getByText('活动项目最多 60 个字').closest('.form-row')?.querySelector('input')?.className).toContain(
    'input-title',
  );
  expect(Taro.navigateBack).not.toHaveBeenCalled();
});

test('a refusal without fields (dates outside the week) shows its message', async () => {
  backend(() => ({
    ok: false,
    error: { code: 'VALIDATION_FAILED', message: '活动日期须在 2026-11-14 至 2026-11-16 之间', retryable: false },
  }));
  render(<EventEditPage />);
  fireEvent.change(await screen.findByPlaceholderText('活动名称'), { target: { value: '讲座' } });
  fireEvent.change(screen.getByPlaceholderText('例如：尧塘街道社区教育中心多功能教室'), {
    target: { value: '报告厅' },
  });
  fireEvent.click(screen.getByText('保存为草稿'));
  expect(await screen.findByText('活动日期须在 2026-11-14 至 2026-11-16 之间')).toBeTruthy();
});

test('editing: loads the event and sends its id with the changes', async () => {
  setRouterParams({ id: 'ev1' });
  backend((i) => ok({ event: aManagedEvent({ title: String(i.title) }) }));
  render(<EventEditPage />);
  const title = (await screen.findByPlaceholderText('活动名称')) as HTMLInputElement;
  expect(title.value).toBe('老年人智能手机课');
  expect(screen.getByText('尧塘街道社区教育中心')).toBeTruthy(); // the unit cannot change
  expect(input('开始时间').value).toBe('09:30');
  fireEvent.change(input('结束时间'), { target: { value: '11:30' } });
  fireEvent.click(screen.getByText('保存修改'));
  await waitFor(() => expect(saves()).toHaveLength(1));
  expect(saves()[0]).toMatchObject({
    eventId: 'ev1',
    unitId: 'centre-yaotang',
    startAt: at(WEEK_DAYS[1], '09:30'),
    endAt: at(WEEK_DAYS[1], '11:30'),
    capacity: 30,
  });
});

describe('the draft', () => {
  const week = aWeek().campaign;

  test('round-trips a managed event through the form', () => {
    const event = aManagedEvent({
      mode: 'online',
      onlineUrl: 'https://x.example.cn/a',
      capacity: null,
      maxCompanions: 0,
    });
    const input = eventInputOf(draftOf(event));
    expect(input).toMatchObject({
      eventId: event.id,
      startAt: event.startAt,
      endAt: event.endAt,
      capacity: null,
      onlineUrl: 'https://x.example.cn/a',
    });
  });

  test('sets the price, contact and map point, and sends an emptied one as absent (cleared)', () => {
    const event = aManagedEvent({
      free: false,
      fee: '30元/人',
      contactName: '王老师',
      contactPhone: '0519-82812345',
      location: { latitude: 31.7512, longitude: 119.5601, address: '尧塘街道文化中心' },
    });
    const draft = draftOf(event);
    expect([draft.fee, draft.contactName, draft.contactPhone, draft.latitude, draft.longitude, draft.address]).toEqual([
      '30元/人',
      '王老师',
      '0519-82812345',
      '31.7512',
      '119.5601',
      '尧塘街道文化中心',
    ]);
    expect(eventInputOf(draft)).toMatchObject({
      fee: '30元/人',
      contactName: '王老师',
      contactPhone: '0519-82812345',
      location: { latitude: 31.7512, longitude: 119.5601, address: '尧塘街道文化中心' },
    });
    const cleared = eventInputOf({
      ...draft,
      fee: ' ',
      contactName: '',
      contactPhone: '',
      latitude: '',
      longitude: '',
      address: '',
    });
    expect(['fee', 'contactName', 'contactPhone', 'location'].filter((k) => k in cleared)).toEqual([]);
  });

  test('checks the contact phone and the map point like the backend', () => {
    const d = { ...newEventDraft('u1', '2026-11-14'), title: 't', venue: 'v' };
    expect(checkEventDraft({ ...d, contactPhone: '12345' }, week).contactPhone).toBe(
      '联系电话须为手机号或带区号的座机号',
    );
    expect(checkEventDraft({ ...d, latitude: '91', longitude: '119' }, week).location).toMatch(/纬度/);
    expect(checkEventDraft({ ...d, latitude: '31.7' }, week).location).toMatch(/纬度/);
    expect(checkEventDraft({ ...d, address: '某地' }, week).location).toBe('填写地图地址时请同时填写经纬度');
    expect(checkEventDraft({ ...d, latitude: '31.7', longitude: '119.5' }, week).location).toBeUndefined();
  });

  test('dates outside the campaign are refused, a year-round period widens them', () => {
    const d = { ...newEventDraft('u1', '2026-12-01'), title: 't', venue: 'v' };
    expect(checkEventDraft(d, week).startAt).toBe('活动日期须在 2026-11-14 至 2026-11-16 之间');
    expect(checkEventDraft(d, { ...week, periodStart: '2026-09-01', periodEnd: '2027-08-31' }).startAt).toBeUndefined();
  });

  test('a long event across days is allowed up to 8 days', () => {
    const d = { ...newEventDraft('u1', '2026-11-14'), title: 't', venue: 'v', endDay: '2026-11-16' };
    expect(checkEventDraft(d, week)).toEqual({});
    expect(checkEventDraft({ ...d, endDay: '2026-11-24' }, { ...week, periodEnd: '2026-12-31' }).endAt).toBe(
      '单场活动最长 8 天',
    );
  });
});
