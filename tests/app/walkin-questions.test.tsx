/**
 * The door's forms ask the event's sign-up questions with the sign-up page's fields: 现场登记
 * records what the person is willing to answer (every question optional, the limits checked
 * before sending), 代报名 asks them as the sign-up page does (a required one left open is refused).
 * The roster shows a walk-in's answers under it, as it does a sign-up's.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { presetQuestion } from '../../backend/core/signup-questions';
import { callFunction } from '../../src/platform/call';
import StaffRosterPage from '../../src/staff/roster/index';
import StaffWalkinPage from '../../src/staff/walkin/index';
import { clearStorage, setRouterParams } from './stand-ins/taro';
import { aScanResult, aStaffEvent } from './door-fixtures';
import { aRegistration, cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;
const callsOf = (action: string) =>
  call.mock.calls.filter(([, a]) => a === action).map(([, , d]) => d as Record<string, unknown>);

// The editor's presets (年龄段 with its bands; 所在村/社区 here with a 5-character limit), both required.
const questions = [presetQuestion('age', []), { ...presetQuestion('community', []), maxLength: 5 }];

beforeEach(() => {
  jest.clearAllMocks();
  clearStorage();
  setRouterParams({ eventId: 'e1' });
  call.mockImplementation(
    cannedTransport({
      'checkin.roster': () =>
        ok({ event: aStaffEvent({ title: '智能手机使用入门', maxCompanions: 2, questions }), entries: [] }),
      'checkin.walkin': (d) =>
        ok(
          aScanResult('checked_in', {
            scanId: String(d.scanId),
            attendee: { registrationId: null, name: '现场登记', companions: 0, party: 1 },
          }),
        ),
      'signup.proxy': () => ok({ registration: aRegistration({ name: '周*英' }), outcome: 'confirmed' }),
    }) as typeof callFunction,
  );
});

test('现场登记 asks every question as optional, checks the limits before sending and sends the answers', async () => {
  render(<StaffWalkinPage />);
  await screen.findByText('智能手机使用入门');
  expect(screen.getByText('年龄段（选填）')).toBeTruthy();
  expect(screen.getByText('所在村/社区（选填）')).toBeTruthy();

  fireEvent.change(screen.getByPlaceholderText('请填写所在村/社区'), { target: { value: '尧塘街道谢桥村' } });
  fireEvent.click(screen.getByText('登记到场'));
  expect(await screen.findByText('“所在村/社区”最多 5 个字')).toBeTruthy();
  expect(callsOf('checkin.walkin')).toHaveLength(0);

  fireEvent.change(screen.getByPlaceholderText('请填写所在村/社区'), { target: { value: ' 谢桥村 ' } });
  fireEvent.click(screen.getByRole('radio', { name: '60岁及以上' }));
  fireEvent.click(screen.getByText('登记到场'));
  await waitFor(() => expect(screen.getByText('现场登记成功')).toBeTruthy());
  expect(callsOf('checkin.walkin')[0]).toMatchObject({
    eventId: 'e1',
    answers: [
      { questionId: 'age', value: '60岁及以上' },
      { questionId: 'community', value: '谢桥村' },
    ],
  });

  // Someone who would rather not answer is registered all the same; the form starts empty again.
  expect(screen.getByRole('radio', { name: '60岁及以上' }).getAttribute('aria-checked')).toBe('false');
  fireEvent.click(screen.getByText('登记到场'));
  await waitFor(() => expect(callsOf('checkin.walkin')).toHaveLength(2));
  expect(callsOf('checkin.walkin')[1]).not.toHaveProperty('answers');
});

test('代报名 asks the questions as the sign-up page does: a required one left open is refused', async () => {
  render(<StaffWalkinPage />);
  await screen.findByText('智能手机使用入门');
  fireEvent.click(screen.getByText('代报名'));
  expect(screen.getByText('年龄段')).toBeTruthy();
  fireEvent.change(screen.getByPlaceholderText('请输入报名人姓名'), { target: { value: '周秀英' } });
  fireEvent.change(screen.getByPlaceholderText('请输入报名人手机号'), { target: { value: '13912345678' } });
  fireEvent.click(screen.getByText('已当面告知并取得本人同意'));
  fireEvent.click(screen.getByText('提交代报名'));
  expect(await screen.findByText('请回答：年龄段')).toBeTruthy();
  expect(callsOf('signup.proxy')).toHaveLength(0);

  fireEvent.click(screen.getByRole('radio', { name: '36–59岁' }));
  fireEvent.change(screen.getByPlaceholderText('请填写所在村/社区'), { target: { value: '尧塘村' } });
  fireEvent.click(screen.getByText('提交代报名'));
  expect(await screen.findByText('代报名成功：周*英')).toBeTruthy();
  expect(callsOf('signup.proxy')[0]).toMatchObject({
    answers: [
      { questionId: 'age', value: '36–59岁' },
      { questionId: 'community', value: '尧塘村' },
    ],
  });
});

test("the roster shows a walk-in's answers under the walk-in", async () => {
  call.mockImplementation(
    cannedTransport({
      'me.get': () => ok({ role: 'staff', name: '张老师', unitIds: ['u1'], districtId: 'd1' }),
      'checkin.roster': () =>
        ok({
          event: aStaffEvent({ title: '智能手机使用入门', walkIns: 2, questions }),
          entries: [],
          walkIns: [
            { id: 'walkin_scan-a', name: '周*英', party: 1, checkedInAt: Date.now() },
            { id: 'walkin_scan-b', name: '未留姓名', party: 2, checkedInAt: Date.now() },
          ],
        }),
      'roster.answers': () =>
        ok({
          questions,
          answers: [],
          selfCheckins: [],
          walkIns: [{ id: 'walkin_scan-a', cells: ['60岁及以上', '谢桥村'] }],
        }),
    }) as typeof callFunction,
  );
  render(<StaffRosterPage />);
  const line = await screen.findByText('年龄段：60岁及以上 · 所在村/社区：谢桥村');
  expect(line.closest('.roster-entry')?.textContent).toContain('周*英');
  expect(document.querySelectorAll('#walkin-list .roster-entry__answers')).toHaveLength(1);
});
