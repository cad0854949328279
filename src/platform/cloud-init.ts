/**
 * wx.cloud's one-time set-up, shared by calls (call.weapp.ts) and uploads
 * (spreadsheet-file.weapp.ts). Imported only by .weapp files, so it has no twins.
 */
import Taro from '@tarojs/taro';

/** From config/index.ts (env TARO_APP_CLOUD_ENV); empty: the account's default environment. */
const cloudEnv = typeof CLOUD_ENV_ID !== 'undefined' ? CLOUD_ENV_ID : '';
let cloudReady = false;

/** Initialises wx.cloud once. */
export function ensureCloud(): void {
  if (cloudReady) return;
  Taro.cloud.init(cloudEnv ? { env: cloudEnv, traceUser: true } : { traceUser: true });
  cloudReady = true;
}
