/** The call transport on WeChat: CloudBase cloud functions through wx.cloud. */
import Taro from '@tarojs/taro';
import type { CallFunction } from './transport';
import { asApiResult, transportFailure } from './transport';

/** From config/index.ts (env TARO_APP_CLOUD_ENV); empty: the account's default environment. */
const cloudEnv = typeof CLOUD_ENV_ID !== 'undefined' ? CLOUD_ENV_ID : '';
let cloudReady = false;

function ensureCloud(): void {
  if (cloudReady) return;
  Taro.cloud.init(cloudEnv ? { env: cloudEnv, traceUser: true } : { traceUser: true });
  cloudReady = true;
}

export const callFunction: CallFunction = async <T>(fn: string, action: string, data: unknown) => {
  try {
    ensureCloud();
    const res = await Taro.cloud.callFunction({ name: fn, data: { action, data } });
    return asApiResult<T>(res.result);
  } catch {
    return transportFailure<T>();
  }
};
