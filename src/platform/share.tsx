/**
 * Sharing an event, neutral twin (also what WeChat bundles): the page turns on WeChat's share
 * menu (转发给朋友, 分享到朋友圈) and shows a button that opens the share sheet (`openType="share"`);
 * the share card itself comes from the page's useShareAppMessage. The H5 twin (share.h5.tsx)
 * copies the event's web address instead.
 */
import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ShareButtonProps } from './share.types';

export type { ShareButtonProps } from './share.types';

export function enableShareMenu(): void {
  try {
    // `menus` (WeChat ≥ 2.11.3) is missing from Taro's typings.
    const options = { withShareTicket: false, menus: ['shareAppMessage', 'shareTimeline'] };
    void Taro.showShareMenu(options as Taro.showShareMenu.Option).catch(() => undefined);
  } catch {
    // An old WeChat without the menu API: the button still shares.
  }
}

export function ShareButton({ label, className }: ShareButtonProps) {
  return (
    <Button className={`btn btn--secondary btn--block share-button ${className ?? ''}`.trim()} openType="share">
      {label}
    </Button>
  );
}
