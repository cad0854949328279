/**
 * WeChat's subscription dialog (订阅消息), neutral twin (also what WeChat bundles). WeChat shows
 * it only when `requestSubscribeMessage` is called from a tap: call `requestSubscribe` directly
 * in the tap handler, before anything is awaited. Resolves to each template id's answer
 * ('accept', 'reject', 'ban', …), or null when the dialog could not be shown. The H5 twin
 * (subscribe.h5.ts) has no such dialog.
 */
import Taro from '@tarojs/taro';

export const subscribeDialogAvailable: boolean = true;

export function requestSubscribe(tmplIds: string[]): Promise<Record<string, string> | null> {
  try {
    // Taro's typings also ask for Alipay's entityIds; WeChat takes tmplIds only.
    const options = { tmplIds } as unknown as Parameters<typeof Taro.requestSubscribeMessage>[0];
    return Taro.requestSubscribeMessage(options).then(
      (res) => res as unknown as Record<string, string>,
      () => null,
    );
  } catch {
    return Promise.resolve(null);
  }
}
