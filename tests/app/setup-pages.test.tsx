/**
 * 活动周筹备: the campaign form (dates in order, server field messages), the organisation tree
 * (add/edit with contacts), staff and invitations (code large, QR of the invitation page, states,
 * revoke), the poster (小程序码 when given, else a drawn QR), the setup log, and the links from
 * the workbench.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import AuditPage from '../../src/organizer/audit/index';
import CampaignPage from '../../src/organizer/campaign/index';
import OrgsPage from '../../src/organizer/orgs/index';
import PosterPage from '../../src/organizer/poster/index';
import StaffPage from '../../src/organizer/staff/index';
import { SetupLinks } from '../../src/organizer/dashboard/setup-links';
import { checkCampaignDraft, campaignDraftOf, campaignInputOf } from '../../src/organizer/campaign-form';
import type { ApiResult } from '../../types/api';
import { at } from '../../backend/core/time';
import Taro, { setRouterParams } from './stand-ins/taro';
import { aWeek, cannedTransport, ok, validationFailed } from './builders';
import { MEMBERS, ORGANIZER_ME, ORGS, aManagedEvent, anInvite } from './setup-fixtures';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;
const sent = (action: string) => call.mock.calls.filter(([, a]) => a === action).map(([, , d]) => d);
const dateInput = (label: string) => screen.getByLabelText(label, { selector: 'input' });

beforeEach(() => {
  jest.clearAllMocks();
  setRouterParams({});
});

describe('活动周设置', () => {
  const campaign = {
    ...aWeek().campaign,
    hosts: ['金坛区教育局', '金坛区文明办'],
    opening: { place: '尧塘街道', startAt: at('2026-11-14', '09:00') },
    deadlines: [{ label: '计划表', day: '2026-10-30' }],
  };

  function backend(save: (input: Record<string, unknown>) => ApiResult<unknown>) {
    call.mockImplementation(
      cannedTransport({ 'week.get': () => ok(aWeek({ campaign })), 'campaign.save': save }) as typeof callFunction,
    );
  }

  test('edits and saves the campaign as typed', async () => {
    backend((input) => ok({ campaign: { ...campaign, ...input } }));
    render(<CampaignPage />);
    const name = (await screen.findByPlaceholderText('例如：金坛区2026年全民终身学习活动周')) as HTMLInputElement;
    expect(name.value).toBe(campaign.name);
    fireEvent.change(dateInput('活动周结束'), { target: { value: '2026-11-20' } });
    fireEvent.change(dateInput('全年活动期开始'), { target: { value: '2026-09-01' } });
    fireEvent.change(dateInput('全年活动期结束'), { target: { value: '2027-08-31' } });
    fireEvent.change(screen.getAllByPlaceholderText('每行一个')[2], { target: { value: '尧塘街道办事处\n\n' } });
    fireEvent.change(dateInput('开幕式时间'), { target: { value: '09:30' } });
    fireEvent.click(screen.getByText('添加报送时间'));
    fireEvent.change(screen.getAllByPlaceholderText('报送事项')[1], { target: { value: '总结' } });
    fireEvent.change(dateInput('报送日期 2'), { target: { value: '2026-11-23' } });
    fireEvent.click(screen.getByText('保存活动周'));

    await waitFor(() => expect(sent('campaign.save')).toHaveLength(1));
    expect(sent('campaign.save')[0]).toEqual({
      id: 'c1',
      name: campaign.name,
      theme: campaign.theme,
      weekStart: '2026-11-14',
      weekEnd: '2026-11-20',
      periodStart: '2026-09-01',
      periodEnd: '2027-08-31',
      hosts: ['金坛区教育局', '金坛区文明办'],
      coHosts: [],
      undertakers: ['尧塘街道办事处'],
      opening: { place: '尧塘街道', startAt: at('2026-11-14', '09:30') },
      deadlines: [
        { label: '计划表', day: '2026-10-30' },
        { label: '总结', day: '2026-11-23' },
      ],
    });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '活动周已保存' }));
  });

  test('dates out of order are refused before sending', async () => {
    backend(() => {
      throw new Error('must not be called');
    });
    render(<CampaignPage />);
    await screen.findByText('保存活动周');
    fireEvent.change(dateInput('活动周结束'), { target: { value: '2026-11-10' } });
    fireEvent.change(dateInput('全年活动期开始'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByText('保存活动周'));
    expect(await screen.findByText('活动周的结束日期不能早于开始日期')).toBeTruthy();
    expect(screen.getByText('全年活动期请同时选择开始和结束日期')).toBeTruthy();
    expect(sent('campaign.save')).toHaveLength(0);
  });

  test('shows the server’s field messages', async () => {
    backend(() =>
      validationFailed([
        { path: 'theme', message: '活动主题最多 60 个字' },
        { path: 'opening.place', message: '请填写开幕式地点' },
      ]),
    );
    render(<CampaignPage />);
    fireEvent.click(await screen.findByText('保存活动周'));
    expect(await screen.findByText('活动主题最多 60 个字')).toBeTruthy();
    expect(screen.getByText('请填写开幕式地点')).toBeTruthy();
    expect(screen.getByText('填写的信息有误，请检查后再试')).toBeTruthy();
  });

  test('the draft mirrors the backend’s date rules', () => {
    const d = campaignDraftOf({ ...campaign, periodStart: '2026-11-15', periodEnd: '2027-01-01' });
    expect(checkCampaignDraft(d).periodStart).toBe('活动周须在全年活动期之内');
    expect(checkCampaignDraft({ ...d, periodStart: '2026-09-01' })).toEqual({});
    expect(checkCampaignDraft({ ...d, weekEnd: '2026-12-31', periodStart: '', periodEnd: '' }).weekEnd).toBe(
      '活动周最长 31 天',
    );
    expect(campaignInputOf({ ...d, hasOpening: false }).opening).toBeUndefined();
  });
});

describe('组织架构', () => {
  function backend(save: (input: Record<string, unknown>) => ApiResult<unknown>) {
    call.mockImplementation(
      cannedTransport({
        'org.list': () => ok({ orgs: ORGS }),
        'me.get': () => ok(ORGANIZER_ME),
        'org.save': save,
      }) as typeof callFunction,
    );
  }

  test('shows district → streets/towns → units with the person in charge', async () => {
    backend(() => ok({ org: ORGS[0] }));
    render(<OrgsPage />);
    const street = (await screen.findByText('尧塘街道')).closest('.org-area') as HTMLElement;
    expect(within(street).getByText('尧塘街道社区教育中心')).toBeTruthy();
    expect(within(street).getByText('社区教育中心 · 负责人 张明 · 0519-82812345')).toBeTruthy();
    const town = screen.getByText('直溪镇').closest('.org-area') as HTMLElement;
    expect(within(town).getByText('镇')).toBeTruthy();
  });

  test('adds a unit under a town with its contact, checking the phone first', async () => {
    backend((input) => ok({ org: { ...input, id: 'org-new', districtId: 'jintan' } }));
    render(<OrgsPage />);
    const town = (await screen.findByText('直溪镇')).closest('.org-area') as HTMLElement;
    fireEvent.click(within(town).getByText('添加单位'));
    fireEvent.change(screen.getByPlaceholderText('名称'), { target: { value: '直溪镇老年大学' } });
    fireEvent.change(screen.getByPlaceholderText('姓名'), { target: { value: '王芳' } });
    fireEvent.change(screen.getByPlaceholderText('电话'), { target: { value: '12345' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('联系电话格式不正确（手机或带区号的座机）')).toBeTruthy();
    expect(sent('org.save')).toHaveLength(0);

    fireEvent.change(screen.getByPlaceholderText('电话'), { target: { value: '13912345678' } });
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(sent('org.save')).toHaveLength(1));
    expect(sent('org.save')[0]).toEqual({
      name: '直溪镇老年大学',
      kind: 'unit',
      parentId: 'zhixi',
      unitKind: 'community_centre',
      contact: { name: '王芳', position: '', phone: '13912345678', email: '' },
    });
    expect(await screen.findByText('直溪镇老年大学')).toBeTruthy();
  });

  test('edits a unit; the server’s field messages show beside the fields', async () => {
    backend(() => validationFailed([{ path: 'contact.email', message: 'E-mail 格式不正确' }]));
    render(<OrgsPage />);
    fireEvent.click(await screen.findByText('尧塘街道社区教育中心', { selector: '.org-row__name' }));
    expect((screen.getByPlaceholderText('姓名') as HTMLInputElement).value).toBe('张明');
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('E-mail 格式不正确')).toBeTruthy();
    expect(sent('org.save')[0]).toMatchObject({ id: 'centre-yaotang', kind: 'unit', parentId: 'yaotang' });
  });
});

describe('工作人员与邀请', () => {
  function backend() {
    const invites = [
      anInvite({ code: 'USED2345', state: 'used', usedBy: 'op-x', usedAt: at('2026-11-14', '10:00') }),
      anInvite({ code: 'OLDA2345', state: 'expired' }),
      anInvite({ code: 'GONE2345', state: 'revoked' }),
    ];
    let members = [...MEMBERS];
    call.mockImplementation(
      cannedTransport({
        'staff.list': () => ok({ members }),
        'invite.list': () => ok({ invites }),
        'org.list': () => ok({ orgs: ORGS }),
        'invite.create': (input) => {
          const invite = anInvite({
            code: 'NEWC2345',
            name: String(input.name),
            role: input.role as never,
            state: 'open',
          });
          invites.unshift(invite);
          return ok({ invite, path: 'pages/invite/index?code=NEWC2345' });
        },
        'invite.revoke': (input) => {
          invites.find((i) => i.code === input.code)!.state = 'revoked';
          return ok({ revoked: true });
        },
        'staff.update': (input) => ok({ member: { ...MEMBERS[0], ...input } }),
        'staff.revoke': (input) => {
          members = members.filter((m) => m.openid !== input.openid);
          return ok({ revoked: true });
        },
      }) as typeof callFunction,
    );
  }

  test('creates an invitation: the code large and a QR of the invitation page', async () => {
    backend();
    render(<StaffPage />);
    fireEvent.click(await screen.findByText('单位', { selector: '.unit-chooser__label' }));
    fireEvent.click(document.getElementById('invite-unit-centre-yaotang') as HTMLElement);
    fireEvent.change(screen.getByPlaceholderText('被邀请人姓名'), { target: { value: '尧塘中心 李老师' } });
    fireEvent.click(screen.getByText('7 天'));
    fireEvent.click(screen.getByText('生成邀请'));

    const result = await screen.findByText('邀请已生成');
    expect(sent('invite.create')).toEqual([
      { role: 'staff', unitId: 'centre-yaotang', name: '尧塘中心 李老师', hours: 168 },
    ]);
    const box = result.closest('#invite-result') as HTMLElement;
    expect(within(box).getByText('NEWC 2345').getAttribute('data-code')).toBe('NEWC2345');
    // jest runs the WeChat twin of page-url: the QR carries the page path (on H5 the full address).
    expect(box.querySelector('.checkin-qr')?.getAttribute('data-code')).toBe('pages/invite/index?code=NEWC2345');
    fireEvent.click(within(box).getByText('复制邀请码'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'NEWC2345' });
  });

  test('organizer invitations have no unit; a unit is required otherwise', async () => {
    backend();
    render(<StaffPage />);
    fireEvent.change(await screen.findByPlaceholderText('被邀请人姓名'), { target: { value: '王老师' } });
    fireEvent.click(screen.getByText('生成邀请'));
    expect(await screen.findByText('工作人员和主管须属于一个单位：请选择单位')).toBeTruthy();
    fireEvent.click(
      within(screen.getByText('邀请工作人员').closest('.invite-form') as HTMLElement).getByText('组织者'),
    );
    expect(document.querySelector('.unit-chooser')).toBeNull();
    fireEvent.click(screen.getByText('生成邀请'));
    await screen.findByText('邀请已生成');
    expect(sent('invite.create')).toEqual([{ role: 'organizer', name: '王老师', hours: 72 }]);
  });

  test('lists invitations with their states; an open one can be revoked after confirming', async () => {
    backend();
    render(<StaffPage />);
    await screen.findByText('邀请记录');
    expect(within(document.getElementById('invite-USED2345')!).getByText('已接受')).toBeTruthy();
    expect(within(document.getElementById('invite-OLDA2345')!).getByText('已过期')).toBeTruthy();
    expect(within(document.getElementById('invite-GONE2345')!).getByText('已撤销')).toBeTruthy();
    expect(screen.queryByText('撤销邀请')).toBeNull();

    fireEvent.change(screen.getByPlaceholderText('被邀请人姓名'), { target: { value: '赵老师' } });
    fireEvent.click(
      within(screen.getByText('邀请工作人员').closest('.invite-form') as HTMLElement).getByText('组织者'),
    );
    fireEvent.click(screen.getByText('生成邀请'));
    await screen.findByText('邀请已生成');
    const row = await waitFor(() => document.getElementById('invite-NEWC2345') as HTMLElement);
    expect(within(row).getByText('待接受')).toBeTruthy();
    fireEvent.click(within(row).getByText('撤销邀请'));
    await waitFor(() => expect(sent('invite.revoke')).toEqual([{ code: 'NEWC2345' }]));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤销邀请' }));
    await waitFor(() => expect(within(document.getElementById('invite-NEWC2345')!).getByText('已撤销')).toBeTruthy());
  });

  test('changes a member’s role and unit, and revokes one', async () => {
    backend();
    render(<StaffPage />);
    const row = (await screen.findByText('尧塘中心 张老师')).closest('.member-row') as HTMLElement;
    expect(within(row).getByText('单位：尧塘街道社区教育中心')).toBeTruthy();
    fireEvent.click(within(row).getByText('修改角色和单位'));
    fireEvent.click(within(row).getByText('主管'));
    fireEvent.click(within(row).getByText('单位', { selector: '.unit-chooser__label' }));
    fireEvent.click(document.getElementById('member-unit-centre-zhixi') as HTMLElement);
    fireEvent.click(within(row).getByText('保存'));
    await waitFor(() =>
      expect(sent('staff.update')).toEqual([
        { openid: 'op-staff', role: 'supervisor', unitIds: ['centre-zhixi'], name: '尧塘中心 张老师' },
      ]),
    );

    const organizerRow = screen.getByText('区教育局 凌老师').closest('.member-row') as HTMLElement;
    fireEvent.click(within(organizerRow).getByText('撤销权限'));
    await waitFor(() => expect(sent('staff.revoke')).toEqual([{ openid: 'op-org' }]));
    await waitFor(() => expect(screen.queryByText('区教育局 凌老师')).toBeNull());
  });
});

describe('活动海报', () => {
  function backend(wxacodeBase64: string | null) {
    call.mockImplementation(
      cannedTransport({
        'event.poster': () => ok({ scene: 'ev1', page: 'pages/event/index', wxacodeBase64 }),
        'events.managed': () => ok({ events: [aManagedEvent({ id: 'ev1', status: 'approved' })] }),
        'week.get': () => ok(aWeek()),
      }) as typeof callFunction,
    );
  }

  test('without a 小程序码: title, time, place, host and a QR of the event page', async () => {
    setRouterParams({ id: 'ev1' });
    backend(null);
    render(<PosterPage />);
    expect(await screen.findByText('老年人智能手机课')).toBeTruthy();
    expect(screen.getByText('2026年示范区全民终身学习活动周')).toBeTruthy();
    expect(screen.getByText('尧塘街道社区教育中心 · 尧塘街道')).toBeTruthy();
    expect(document.querySelector('.poster .checkin-qr')?.getAttribute('data-code')).toBe('pages/event/index?id=ev1');
    expect(screen.getByText('保存到相册')).toBeTruthy();
  });

  test('with the backend’s 小程序码: its image', async () => {
    setRouterParams({ id: 'ev1' });
    backend('iVBORw0KGgo=');
    render(<PosterPage />);
    await screen.findByText('老年人智能手机课');
    expect(screen.getByLabelText('活动小程序码').getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(document.querySelector('.poster .checkin-qr')).toBeNull();
  });
});

test('筹备日志 lists who changed what, in Chinese', async () => {
  call.mockImplementation(
    cannedTransport({
      'setupAudit.list': () =>
        ok({
          records: [
            {
              id: 'a1',
              districtId: 'jintan',
              actor: '区教育局 凌老师（organizer）',
              at: at('2026-11-14', '08:05'),
              action: 'invite.create',
              target: 'AB3D7KMN',
              summary: '尧塘中心 李老师：staff',
            },
          ],
          total: 1,
        }),
    }) as typeof callFunction,
  );
  render(<AuditPage />);
  expect(await screen.findByText('发出邀请')).toBeTruthy();
  expect(screen.getByText('操作人：区教育局 凌老师（组织者） · 对象：AB3D7KMN')).toBeTruthy();
  expect(screen.getByText('尧塘中心 李老师：工作人员')).toBeTruthy();
});

test('the workbench links to the setup pages; organizers see all of them', () => {
  const { unmount } = render(<SetupLinks organizer={false} />);
  expect(screen.getByText('活动管理')).toBeTruthy();
  expect(screen.queryByText('工作人员与邀请')).toBeNull();
  unmount();
  render(<SetupLinks organizer />);
  for (const text of ['活动管理', '活动周设置', '组织架构', '工作人员与邀请', '筹备日志']) {
    expect(screen.getByText(text)).toBeTruthy();
  }
  fireEvent.click(screen.getByText('工作人员与邀请', { selector: '.link-row__text' }));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/organizer/staff/index' });
});
