/**
 * WeChat's privacy consent: the first privacy API a user triggers (file picker, album, clipboard,
 * camera) waits for our guide; agreeing lets it go on, refusing fails only that call.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PrivacyGate, AGREE_BUTTON_ID } from '../../src/components/privacy-gate';
import { ThemedPage } from '../../src/theme';

type Resolve = jest.Mock<void, [{ event: string; buttonId?: string }]>;
type Listener = (resolve: Resolve, info: { referrer: string }) => void;

const hook = Taro.onNeedPrivacyAuthorization as unknown as jest.Mock<void, [Listener]>;

/** WeChat asking for consent, as a privacy API would: returns the resolve WeChat passed. */
function weChatAsks(referrer = 'organizer/forms/index'): Resolve {
  const listener = hook.mock.calls[0]?.[0];
  if (!listener) throw new Error('the app registered no onNeedPrivacyAuthorization listener');
  const resolve: Resolve = jest.fn();
  act(() => listener(resolve, { referrer }));
  return resolve;
}

describe('privacy gate', () => {
  it('shows nothing until WeChat asks, and registers one listener however many gates mount', () => {
    render(
      <>
        <PrivacyGate />
        <ThemedPage>页面</ThemedPage>
      </>,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(hook).toHaveBeenCalledTimes(1);
  });

  it('shows the guide when a privacy API is first used; agreeing passes the agree button id to WeChat', () => {
    render(<PrivacyGate />);
    const resolve = weChatAsks();
    expect(screen.getByRole('dialog', { name: '用户隐私保护提示' })).toBeTruthy();
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });

    fireEvent.click(screen.getByText('同意并继续'));
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: AGREE_BUTTON_ID });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('the agree button is WeChat\u2019s agreePrivacyAuthorization button with the id passed on', () => {
    render(<PrivacyGate />);
    weChatAsks();
    const agree = screen.getByText('同意并继续').closest('button');
    expect(agree?.id).toBe('privacy-agree');
    expect(agree?.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization');
  });

  it('refusing fails only the waiting call and closes the guide; the page stays usable', () => {
    render(
      <ThemedPage>
        <button type="button">导入 F2</button>
      </ThemedPage>,
    );
    const resolve = weChatAsks();
    fireEvent.click(screen.getByText('不同意'));
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(resolve).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('导入 F2')).toBeTruthy();
    // WeChat asks again on the next use: the guide comes back.
    weChatAsks();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('opens the full guide from the link', () => {
    render(<PrivacyGate />);
    weChatAsks();
    fireEvent.click(screen.getByText('查看《用户隐私保护指引》'));
    expect(Taro.openPrivacyContract).toHaveBeenCalled();
  });

  it('with no gate on screen, refuses at once instead of leaving the call waiting', () => {
    const { unmount } = render(<PrivacyGate />);
    unmount();
    const resolve = weChatAsks();
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
    expect(resolve).toHaveBeenCalledTimes(1);
  });
});
