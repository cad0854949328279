/** A page's door: the Door of its event, the pending count, and the sync every SYNC_EVERY_MS. */
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Door } from './offline/door';
import { onQueueChange } from './offline/queue';
import type { SyncReport } from './offline/sync';

export const SYNC_EVERY_MS = 15_000;

export function useDoor(eventId: string) {
  const door = useMemo(() => new Door(eventId), [eventId]);
  const [pending, setPending] = useState(() => door.pending());
  const [syncing, setSyncing] = useState(false);

  useEffect(() => {
    setPending(door.pending());
    return onQueueChange((id) => {
      if (id === door.eventId) setPending(door.pending());
    });
  }, [door]);

  const report = useCallback((r: SyncReport) => {
    const conflicts = r.answered.filter((x) => x.conflict).length;
    if (r.rejected.length > 0) {
      void Taro.showModal({
        title: '部分离线记录无法同步',
        content: `${r.rejected.length} 条记录被退回：${r.rejected[0].error.message}`,
        showCancel: false,
        confirmText: '知道了',
      });
    } else if (conflicts > 0) {
      void Taro.showToast({
        title: `${conflicts} 条离线签到与其他设备重复，已标记待核查`,
        icon: 'none',
        duration: 3000,
      });
    }
  }, []);

  const syncNow = useCallback(async () => {
    setSyncing(true);
    const r = await door.sync();
    setSyncing(false);
    report(r);
    if (r.error && r.remaining > 0) void Taro.showToast({ title: '网络仍不可用，稍后自动同步', icon: 'none' });
    return r;
  }, [door, report]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (door.pending() > 0) void door.sync().then(report);
    }, SYNC_EVERY_MS);
    return () => clearInterval(timer);
  }, [door, report]);

  return { door, pending, syncing, syncNow };
}
