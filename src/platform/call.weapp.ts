/** The call transport on WeChat: CloudBase cloud functions through wx.cloud. */
import Taro from '@tarojs/taro';
import type { CallFunction } from './transport';
import { asApiResult, transportFailure } from './transport';
import { ensureCloud } from './cloud-init';

export const callFunction: CallFunction = async <T>(fn: string, action: string, data: unknown) => {
  try {
    ensureCloud();
    const res = await Taro.cloud.callFunction({ name: fn, data: { action, data } });
    return asApiResult<T>(res.result);
  } catch {
    return transportFailure<T>();
  }
};
