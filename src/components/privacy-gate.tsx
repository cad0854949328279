/**
 * The privacy guide a first-time user sees before the first privacy API (file picker, album,
 * clipboard, camera) runs on WeChat; see platform/privacy.ts. Renders nothing until WeChat asks.
 */
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { installPrivacyGate, openPrivacyGuide, watchPrivacyRequest, type PrivacyRequest } from '../platform/privacy';

/** The id WeChat checks: consent counts only after a tap on this agreePrivacyAuthorization button. */
export const AGREE_BUTTON_ID = 'privacy-agree';

export function PrivacyGate() {
  const [request, setRequest] = useState<PrivacyRequest | null>(null);
  useEffect(() => {
    installPrivacyGate();
    return watchPrivacyRequest(setRequest);
  }, []);
  if (!request) return null;
  return (
    <View className="privacy-gate" role="dialog" aria-label="用户隐私保护提示">
      <View className="privacy-gate__card card">
        <Text className="privacy-gate__title">用户隐私保护提示</Text>
        <Text className="privacy-gate__text">
          使用选择文件、保存到相册、复制链接或扫码之前，请阅读并同意《用户隐私保护指引》。不同意也可以继续使用其他功能。
        </Text>
        <Text className="privacy-gate__link" onClick={openPrivacyGuide}>
          查看《用户隐私保护指引》
        </Text>
        <View className="privacy-gate__actions">
          <Button className="btn btn--secondary" onClick={() => request.refuse()}>
            不同意
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className="btn btn--primary"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => request.agree(AGREE_BUTTON_ID)}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}
