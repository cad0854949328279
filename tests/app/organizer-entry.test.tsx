import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import MinePage from '../../src/pages/mine/index';
import type { WhoAmI } from '../../types/api';
import type { Role } from '../../types/domain';
import Taro from './stand-ins/taro';
import { cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;

function as(role: Role) {
  const me: WhoAmI = { role, name: null, unitIds: [], districtId: null };
  call.mockImplementation(
    cannedTransport({ 'me.get': () => ok(me), 'signup.mine': () => ok({ items: [] }) }) as typeof callFunction,
  );
}

beforeEach(() => jest.clearAllMocks());

test.each<Role>(['organizer', 'admin', 'staff', 'supervisor'])('我的报名 links %s to 组织者工作台', async (role) => {
  as(role);
  render(<MinePage />);
  fireEvent.click(await screen.findByText('组织者工作台'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/organizer/dashboard/index' });
});

test('residents do not see 组织者工作台', async () => {
  as('resident');
  render(<MinePage />);
  await screen.findByText('您还没有报名任何活动');
  await waitFor(() => expect(call.mock.calls.some(([, a]) => a === 'me.get')).toBe(true));
  expect(screen.queryByText('组织者工作台')).toBeNull();
});
