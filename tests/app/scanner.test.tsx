/** The scanner twins: WeChat's scanCode loop and the browser camera with jsQR. */
import { act, render, screen } from '@testing-library/react';
import { Scanner } from '../../src/platform/scanner';
import { Scanner as H5Scanner } from '../../src/platform/scanner.h5';
import { CARD_PAUSE_MS, DECODE_INTERVAL_MS, REPEAT_IGNORE_MS } from '../../src/platform/scanner.types';
import Taro, { hidePage } from './stand-ins/taro';

const mockDecoded: { text: string | null } = { text: null };
jest.mock('jsqr', () => ({ __esModule: true, default: () => (mockDecoded.text ? { data: mockDecoded.text } : null) }));

const flush = () => act(async () => undefined);

beforeEach(() => {
  jest.clearAllMocks();
  jest.useFakeTimers();
});
afterEach(() => jest.useRealTimers());

describe('weapp: scanCode in a loop', () => {
  test('opens the camera with the page, hands over each code, reopens after the card pause', async () => {
    const results = ['code-1', 'code-2'];
    (Taro.scanCode as jest.Mock).mockImplementation(async () => {
      const next = results.shift();
      if (!next) return new Promise(() => undefined); // camera stays open
      return { result: next, scanType: 'QR_CODE' };
    });
    const seen: string[] = [];
    render(<Scanner active onText={async (t) => void seen.push(t)} />);
    await flush();
    expect(Taro.scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] });
    expect(seen).toEqual(['code-1']);
    expect(Taro.scanCode).toHaveBeenCalledTimes(1);

    await act(async () => {
      jest.advanceTimersByTime(CARD_PAUSE_MS);
    });
    expect(seen).toEqual(['code-1', 'code-2']);
    await act(async () => {
      jest.advanceTimersByTime(CARD_PAUSE_MS);
    });
    expect(Taro.scanCode).toHaveBeenCalledTimes(3);
  });

  test('closing the camera pauses; 开始扫码 resumes', async () => {
    (Taro.scanCode as jest.Mock).mockRejectedValueOnce({ errMsg: 'scanCode:fail cancel' });
    render(<Scanner active onText={async () => undefined} />);
    await flush();
    expect(screen.getByText('开始扫码')).toBeTruthy();
    (Taro.scanCode as jest.Mock).mockImplementation(() => new Promise(() => undefined));
    await act(async () => screen.getByText('开始扫码').click());
    expect(Taro.scanCode).toHaveBeenCalledTimes(2);
    expect(screen.getByText('正在扫码…')).toBeTruthy();
  });

  test('leaving the page stops the loop (a hide caused by the camera itself does not)', async () => {
    let answer: (v: { result: string }) => void = () => undefined;
    (Taro.scanCode as jest.Mock).mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const seen: string[] = [];
    render(<Scanner active onText={async (t) => void seen.push(t)} />);
    await flush();
    await act(async () => hidePage()); // WeChat hides the page while its scanner is open: ignored
    await act(async () => answer({ result: 'a' }));
    expect(seen).toEqual(['a']);
    await act(async () => hidePage()); // now staff leave the page, during the card pause
    await act(async () => {
      jest.advanceTimersByTime(CARD_PAUSE_MS * 3);
    });
    expect(Taro.scanCode).toHaveBeenCalledTimes(1);
    expect(screen.getByText('开始扫码')).toBeTruthy();
  });
});

describe('h5: camera frames decoded with jsQR', () => {
  const stop = jest.fn();
  beforeEach(() => {
    mockDecoded.text = null;
    Object.defineProperty(globalThis.navigator, 'mediaDevices', {
      configurable: true,
      value: { getUserMedia: jest.fn(async () => ({ getTracks: () => [{ stop }] })) },
    });
    Object.defineProperty(HTMLMediaElement.prototype, 'readyState', { configurable: true, get: () => 4 });
    Object.defineProperty(HTMLVideoElement.prototype, 'videoWidth', { configurable: true, get: () => 640 });
    Object.defineProperty(HTMLVideoElement.prototype, 'videoHeight', { configurable: true, get: () => 480 });
    Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', { configurable: true, set: () => undefined });
    HTMLMediaElement.prototype.play = jest.fn(async () => undefined);
    HTMLCanvasElement.prototype.getContext = jest.fn(() => ({
      drawImage: jest.fn(),
      getImageData: () => ({ data: new Uint8ClampedArray(4) }),
    })) as never;
  });

  test('asks for the rear camera and ignores the same text within 3 s', async () => {
    const seen: string[] = [];
    render(<H5Scanner active onText={async (t) => void seen.push(t)} />);
    await flush();
    expect(navigator.mediaDevices.getUserMedia).toHaveBeenCalledWith({
      video: { facingMode: 'environment' },
      audio: false,
    });

    mockDecoded.text = 'code-A';
    await act(async () => {
      jest.advanceTimersByTime(DECODE_INTERVAL_MS * 5); // seen five times
    });
    expect(seen).toEqual(['code-A']);
    mockDecoded.text = null;
    await act(async () => {
      jest.advanceTimersByTime(REPEAT_IGNORE_MS + DECODE_INTERVAL_MS);
    });
    mockDecoded.text = 'code-A';
    await act(async () => {
      jest.advanceTimersByTime(DECODE_INTERVAL_MS);
    });
    expect(seen).toEqual(['code-A', 'code-A']);
  });

  test('an inactive scanner decodes nothing; hiding the page stops the camera', async () => {
    const seen: string[] = [];
    render(<H5Scanner active={false} onText={async (t) => void seen.push(t)} />);
    await flush();
    mockDecoded.text = 'code-B';
    await act(async () => {
      jest.advanceTimersByTime(DECODE_INTERVAL_MS * 3);
    });
    expect(seen).toEqual([]);
    await act(async () => hidePage());
    expect(stop).toHaveBeenCalled();
  });

  test('without a camera it says so and offers to try again', async () => {
    (navigator.mediaDevices.getUserMedia as jest.Mock).mockRejectedValueOnce(
      Object.assign(new Error('no camera'), { name: 'NotFoundError' }),
    );
    render(<H5Scanner active onText={async () => undefined} />);
    expect(await screen.findByText('没有找到可用的摄像头')).toBeTruthy();
    expect(screen.getByText('重新打开摄像头')).toBeTruthy();
  });
});
