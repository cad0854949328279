/**
 * The few @tarojs/taro APIs the pages use, as jest mocks (jest maps the package here).
 * Tests set route params with `setRouterParams` and inspect calls on the default export.
 */
import { useEffect, useRef } from 'react';

let routerParams: Record<string, string> = {};

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export function useRouter() {
  return { params: routerParams, path: '' };
}

export function getCurrentInstance() {
  return { router: { params: routerParams, path: '' } };
}

/**
 * Page "show" happens when the page mounts; tests may hide and show the page again with
 * `hidePage()` / `showPage()`, which call every mounted useDidHide / useDidShow callback.
 */
const showListeners = new Set<{ current: () => void }>();
const hideListeners = new Set<{ current: () => void }>();

function useLifecycle(listeners: Set<{ current: () => void }>, fn: () => void, onMount: boolean) {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    listeners.add(ref);
    if (onMount) ref.current();
    return () => void listeners.delete(ref);
  }, [listeners, onMount]);
}

export function useDidShow(fn: () => void): void {
  useLifecycle(showListeners, fn, true);
}
export function useDidHide(fn: () => void): void {
  useLifecycle(hideListeners, fn, false);
}
const loadListeners = new Set<{ current: () => void }>();
export function useLoad(fn: () => void): void {
  useLifecycle(loadListeners, fn, true);
}
export function usePullDownRefresh(_fn: () => void): void {}

/** The share card the page would give WeChat: tests read it with `shareCard()`. */
let shareProvider: (() => unknown) | null = null;
export function useShareAppMessage(fn: () => unknown): void {
  shareProvider = fn;
}
export function shareCard(): unknown {
  return shareProvider?.();
}

/** The system font size getAppBaseInfo reports (WeChat's default is 17). */
let fontSizeSetting: number | undefined = 17;
export function setFontSizeSetting(size: number | undefined): void {
  fontSizeSetting = size;
}

export function hidePage(): void {
  for (const l of [...hideListeners]) l.current();
}
export function showPage(): void {
  for (const l of [...showListeners]) l.current();
}

const storage = new Map<string, unknown>();

/** Forgets everything stored (tests share one storage per test file otherwise). */
export function clearStorage(): void {
  storage.clear();
}

/** A canvas node for `createSelectorQuery().select().fields({ node }).exec()`: records fillRect calls. */
export const canvasCalls: { fillRect: number[][] } = { fillRect: [] };
const canvasNode = {
  width: 0,
  height: 0,
  getContext: () => ({
    fillStyle: '',
    fillRect: (...args: number[]) => void canvasCalls.fillRect.push(args),
  }),
};

const Taro = {
  /** WeChat's privacy consent hook: tests fire the registered listener themselves. */
  onNeedPrivacyAuthorization: jest.fn(),
  openPrivacyContract: jest.fn(),
  navigateTo: jest.fn(async (_opts: { url: string }) => ({ errMsg: 'navigateTo:ok' })),
  navigateBack: jest.fn(async () => ({ errMsg: 'navigateBack:ok' })),
  switchTab: jest.fn(async (_opts: { url: string }) => ({ errMsg: 'switchTab:ok' })),
  showToast: jest.fn(async (_opts: { title: string }) => ({ errMsg: 'showToast:ok' })),
  showModal: jest.fn(async (_opts: Record<string, unknown>) => ({ confirm: true, cancel: false })),
  stopPullDownRefresh: jest.fn(),
  setClipboardData: jest.fn(async () => ({ errMsg: 'setClipboardData:ok' })),
  getStorageSync: jest.fn((key: string) => storage.get(key) ?? ''),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  getCurrentInstance,
  scanCode: jest.fn(
    async (_opts: Record<string, unknown>): Promise<{ result: string; scanType: string }> =>
      new Promise(() => undefined),
  ),
  getScreenBrightness: jest.fn(async () => ({ value: 0.4 })),
  setScreenBrightness: jest.fn(async (_opts: { value: number }) => ({ errMsg: 'setScreenBrightness:ok' })),
  setKeepScreenOn: jest.fn(async (_opts: { keepScreenOn: boolean }) => ({ errMsg: 'setKeepScreenOn:ok' })),
  getWindowInfo: jest.fn(() => ({ pixelRatio: 2, windowWidth: 375, windowHeight: 812 })),
  nextTick: jest.fn((fn: () => void) => void Promise.resolve().then(fn)),
  createSelectorQuery: jest.fn(() => {
    const query = {
      select: () => query,
      fields: () => query,
      exec: (cb: (res: unknown[]) => void) => cb([{ node: canvasNode, width: 300, height: 300 }]),
    };
    return query;
  }),
  redirectTo: jest.fn(async (_opts: { url: string }) => ({ errMsg: 'redirectTo:ok' })),
  getCurrentPages: jest.fn(() => [{}, {}] as unknown[]),
  getAppBaseInfo: jest.fn(() => ({ fontSizeSetting, SDKVersion: '3.4.0' })),
  showShareMenu: jest.fn(async (_opts: Record<string, unknown>) => ({ errMsg: 'showShareMenu:ok' })),
  /** Answers every template 'accept' unless a test says otherwise. */
  requestSubscribeMessage: jest.fn(async (opts: { tmplIds: string[] }) => {
    const answer: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
    for (const id of opts.tmplIds) answer[id] = 'accept';
    return answer;
  }),
  canvasToTempFilePath: jest.fn(async (_opts: Record<string, unknown>) => ({ tempFilePath: 'wxfile://poster.png' })),
  saveImageToPhotosAlbum: jest.fn(async (_opts: { filePath: string }) => ({ errMsg: 'saveImageToPhotosAlbum:ok' })),
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(async (_opts: { name: string; data: unknown }): Promise<{ result: unknown }> => ({
      result: undefined,
    })),
  },
};

export default Taro;
