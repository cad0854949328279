/** 接受邀请: from the QR code's `?code=` (or a 小程序码's `scene`), or typed; one big button; then the staff entry. */
import { fireEvent, render, screen } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import InvitePage from '../../src/pages/invite/index';
import type { ApiResult, WhoAmI } from '../../types/api';
import Taro, { setRouterParams } from './stand-ins/taro';
import { cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;
const acceptCalls = () => call.mock.calls.filter(([, a]) => a === 'invite.accept').map(([, , d]) => d);

function backend(
  accept: () => ApiResult<unknown>,
  me: WhoAmI = { role: 'resident', name: null, unitIds: [], districtId: null },
) {
  call.mockImplementation(cannedTransport({ 'me.get': () => ok(me), 'invite.accept': accept }) as typeof callFunction);
}

beforeEach(() => {
  jest.clearAllMocks();
  setRouterParams({});
});

test('from the QR code: shows the code large and accepts it with one tap', async () => {
  setRouterParams({ code: 'ab3d7kmn' });
  backend(() => ok({ role: 'staff', name: '尧塘中心 李老师', unitIds: ['centre-yaotang'] }));
  render(<InvitePage />);
  expect(screen.getByText('AB3D 7KMN')).toBeTruthy();
  expect(screen.queryByPlaceholderText('8 位邀请码')).toBeNull();
  fireEvent.click(screen.getByText('接受邀请'));

  expect(await screen.findByText('已接受邀请')).toBeTruthy();
  expect(screen.getByText('您现在是工作人员：尧塘中心 李老师')).toBeTruthy();
  expect(acceptCalls()).toEqual([{ code: 'AB3D7KMN' }]);
  fireEvent.click(screen.getByText('进入工作人员入口'));
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/events/index' });
  fireEvent.click(screen.getByText('活动管理'));
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/organizer/events/index' });
});

test('a 小程序码 brings the code as scene; an organizer invitation leads to the workbench', async () => {
  setRouterParams({ scene: 'QRST2345' });
  backend(() => ok({ role: 'organizer', name: '区教育局 王老师', unitIds: [] }));
  render(<InvitePage />);
  fireEvent.click(screen.getByText('接受邀请'));
  fireEvent.click(await screen.findByText('进入组织者工作台'));
  expect(acceptCalls()).toEqual([{ code: 'QRST2345' }]);
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/organizer/dashboard/index' });
});

test('opened without a code: a box to type it, checked before sending', async () => {
  backend(() => ok({ role: 'supervisor', name: '张主任', unitIds: ['u1'] }));
  render(<InvitePage />);
  const box = screen.getByPlaceholderText('8 位邀请码');
  fireEvent.change(box, { target: { value: 'ab3d' } });
  fireEvent.click(screen.getByText('接受邀请'));
  expect(await screen.findByText('邀请码为 8 位字母和数字，请核对后再输入')).toBeTruthy();
  expect(acceptCalls()).toEqual([]);

  fireEvent.change(box, { target: { value: 'ab3d-7kmn' } });
  fireEvent.click(screen.getByText('接受邀请'));
  expect(await screen.findByText('您现在是主管：张主任')).toBeTruthy();
  expect(acceptCalls()).toEqual([{ code: 'AB3D7KMN' }]);
});

test('an expired, used or revoked invitation says so', async () => {
  setRouterParams({ code: 'AB3D7KMN' });
  backend(() => ({
    ok: false,
    error: { code: 'INVITE_EXPIRED', message: '邀请已过期，请联系组织者重新邀请', retryable: false },
  }));
  render(<InvitePage />);
  fireEvent.click(screen.getByText('接受邀请'));
  expect(await screen.findByText('邀请已过期，请联系组织者重新邀请')).toBeTruthy();
  expect(screen.queryByText('已接受邀请')).toBeNull();
});

test('someone who is staff already is told the binding changes', async () => {
  setRouterParams({ code: 'AB3D7KMN' });
  backend(() => ok({ role: 'staff', name: 'x', unitIds: [] }), {
    role: 'staff',
    name: '尧塘中心 张老师',
    unitIds: ['centre-yaotang'],
    districtId: 'jintan',
  });
  render(<InvitePage />);
  expect(await screen.findByText('您现在是工作人员（尧塘中心 张老师），接受后将改为邀请中的身份。')).toBeTruthy();
});
