/**
 * What a visitor who is not signed in can do about 请先登录. In the local H5 demo there is no
 * WeChat login: a button switches to the demo resident 王阿姨 (the 演示身份 switcher on 我的报名
 * offers the others). In WeChat the identity comes with the mini-program itself, so the hint
 * says to open it from WeChat (a shared web link has none).
 */
import { Button, Text, View } from '@tarojs/components';
import { demoIdentitiesEnabled, setDemoIdentity } from '../platform/demo-identity';

export function LoginHelp({ onLoggedIn }: { onLoggedIn?: () => void }) {
  if (demoIdentitiesEnabled) {
    return (
      <View className="login-help">
        <Text className="login-help__text">
          本地演示没有微信登录：选一个演示身份即可报名。也可在“我的报名”页底部的“演示身份”中切换。
        </Text>
        <Button
          className="btn btn--primary login-help__button"
          onClick={() => {
            setDemoIdentity('resident');
            if (onLoggedIn) onLoggedIn();
            else window.location.reload();
          }}
        >
          以居民 王阿姨 身份登录
        </Button>
      </View>
    );
  }
  return (
    <View className="login-help">
      <Text className="login-help__text">
        请在微信中打开本小程序（微信搜索“全民终身学习活动周”，或扫描活动海报上的小程序码），打开后自动登录，无需注册。
      </Text>
    </View>
  );
}
