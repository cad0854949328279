/**
 * Sharing an event, H5 twin: no share sheet on the web, so 分享 copies the event's web address
 * for pasting into a chat. The menu of the neutral twin does not exist here.
 */
import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pageUrl } from './page-url';
import type { ShareButtonProps } from './share.types';

export type { ShareButtonProps } from './share.types';

export function enableShareMenu(): void {}

export function ShareButton({ path, label, className }: ShareButtonProps) {
  const copy = async () => {
    const url = pageUrl(path);
    try {
      await Taro.setClipboardData({ data: url });
      void Taro.showToast({ title: '链接已复制，可发给家人朋友', icon: 'none' });
    } catch {
      void Taro.showModal({ title: '请复制链接', content: url, showCancel: false, confirmText: '知道了' });
    }
  };
  return (
    <Button
      className={`btn btn--secondary btn--block share-button ${className ?? ''}`.trim()}
      aria-label={`${label}：复制活动链接`}
      onClick={() => void copy()}
    >
      {label}
    </Button>
  );
}
