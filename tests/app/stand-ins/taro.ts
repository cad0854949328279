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

/** Page "show" happens once, when the page mounts. */
function useOnMount(fn: () => void) {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    ref.current();
  }, []);
}

export const useDidShow = useOnMount;
export const useLoad = useOnMount;
export function usePullDownRefresh(_fn: () => void): void {}
export function useDidHide(_fn: () => void): void {}

const storage = new Map<string, unknown>();

const Taro = {
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
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(async (_opts: { name: string; data: unknown }): Promise<{ result: unknown }> => ({
      result: undefined,
    })),
  },
};

export default Taro;
