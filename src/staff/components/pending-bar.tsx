/** 待同步 N 条: scans this device made offline and has not yet handed to the backend. */
import { Text, View } from '@tarojs/components';
import { BusyButton } from '../../components/busy-button';

export function PendingBar({
  pending,
  syncing,
  offline,
  onSync,
}: {
  pending: number;
  syncing: boolean;
  offline: boolean;
  onSync: () => void;
}) {
  return (
    <View className={`pending-bar${pending > 0 ? ' pending-bar--waiting' : ''}`}>
      <View className="pending-bar__text">
        <Text className="pending-bar__count">待同步 {pending} 条</Text>
        {offline && <Text className="pending-bar__offline">网络不可用，正在离线签到</Text>}
      </View>
      {pending > 0 && (
        <BusyButton
          className="btn--secondary btn--small pending-bar__sync"
          busy={syncing}
          spinner={false}
          lock
          onClick={onSync}
        >
          {syncing ? '同步中…' : '立即同步'}
        </BusyButton>
      )}
    </View>
  );
}
