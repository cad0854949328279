/**
 * The sign-up form asks the event's questions: a required choice left open is refused beside the
 * question without a call; the answers go out with the sign-up, only those given, trimmed.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import SignupPage from '../../src/pages/signup/index';
import { setRouterParams } from './stand-ins/taro';
import { aRegistration, anEvent, cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;
const signupCalls = () => call.mock.calls.filter(([, action]) => action === 'signup.create');

const questions = [
  {
    id: 'age',
    kind: 'choice' as const,
    label: '年龄段',
    choices: ['18–59岁', '60岁及以上'],
    required: true,
    maxLength: 20,
  },
  { id: 'community', kind: 'text' as const, label: '所在村/社区', required: false, maxLength: 10 },
  { id: 'q1', kind: 'text' as const, label: '想学的手机功能', required: false, maxLength: 30 },
];

beforeEach(() => {
  jest.clearAllMocks();
  setRouterParams({ id: 'e1' });
  call.mockImplementation(
    cannedTransport({
      'event.get': () => ok({ event: anEvent({ id: 'e1', maxCompanions: 0, questions }), mine: null }),
      'signup.create': () => ok({ registration: aRegistration({ id: 'e1_me' }), outcome: 'confirmed' }),
    }) as typeof callFunction,
  );
});

test('a required question left open is refused beside it; the answers given are sent', async () => {
  render(<SignupPage />);
  fireEvent.change(await screen.findByPlaceholderText('请输入姓名'), { target: { value: '王小明' } });
  fireEvent.change(screen.getByPlaceholderText('请输入手机号'), { target: { value: '13812345678' } });
  fireEvent.click(screen.getByText('我已阅读并同意《个人信息保护说明》'));
  expect(screen.getByText('最多 10 个字')).toBeTruthy();
  fireEvent.click(screen.getByText('提交报名'));
  expect(await screen.findByText('请回答：年龄段')).toBeTruthy();
  expect(signupCalls()).toHaveLength(0);

  fireEvent.click(screen.getByRole('radio', { name: '60岁及以上' }));
  fireEvent.change(screen.getByPlaceholderText('请填写想学的手机功能'), { target: { value: ' 视频通话 ' } });
  fireEvent.click(screen.getByText('提交报名'));
  await screen.findByText('报名成功');
  expect(signupCalls()[0][2]).toMatchObject({
    answers: [
      { questionId: 'age', value: '60岁及以上' },
      { questionId: 'q1', value: '视频通话' },
    ],
  });
});
