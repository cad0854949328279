/** 我的报名: my sign-ups with their status, and cancelling one. */
import { Button, Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionOutput, ApiError } from '../../../types/api';
import { spanLabel } from '../../../cloudfunctions/core/time';
import { callResident } from '../../api/client';
import { Badge } from '../../components/badge';
import { Empty, ErrorState, Loading } from '../../components/states';
import { registrationStatusText } from '../../format';
import type { DemoIdentity } from '../../platform/demo-identity';
import {
  demoIdentitiesEnabled,
  getDemoIdentity,
  listDemoIdentities,
  setDemoIdentity,
} from '../../platform/demo-identity';
import './index.css';

type Item = ActionOutput<'resident', 'signup.mine'>['items'][number];

export default function MinePage() {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mySeq = ++seq.current;
    setError(null);
    const res = await callResident('signup.mine', {});
    if (mySeq !== seq.current) return;
    if (res.ok) setItems(res.data.items);
    else setError(res.error);
  }, []);

  useDidShow(() => {
    void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const cancel = async (item: Item) => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: `要取消“${item.event.title}”的报名吗？取消后名额将让给其他居民。`,
      confirmText: '确定取消',
      cancelText: '再想想',
      confirmColor: '#b3261e',
    });
    if (!confirm) return;
    setBusyId(item.registration.id);
    const res = await callResident('signup.cancel', { registrationId: item.registration.id });
    setBusyId(null);
    if (res.ok) {
      void Taro.showToast({ title: '已取消报名', icon: 'success' });
    } else {
      void Taro.showModal({ title: '未能取消', content: res.error.message, showCancel: false, confirmText: '知道了' });
    }
    await load();
  };

  return (
    <View className="page mine-page">
      <View className="mine-header">
        <Text className="mine-header__title">我的报名</Text>
        <Button className="btn btn--secondary btn--small mine-refresh" onClick={() => void load()}>
          刷新
        </Button>
      </View>

      {error ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty text="您还没有报名任何活动">
          <Button className="btn btn--primary" onClick={() => void Taro.switchTab({ url: '/pages/index/index' })}>
            去看看活动
          </Button>
        </Empty>
      ) : (
        <View className="registration-list">
          {items.map((item) => (
            <RegistrationCard
              key={item.registration.id}
              item={item}
              busy={busyId === item.registration.id}
              onOpen={() => void Taro.navigateTo({ url: `/pages/event/index?id=${encodeURIComponent(item.event.id)}` })}
              onCancel={() => void cancel(item)}
            />
          ))}
        </View>
      )}

      {demoIdentitiesEnabled && <DemoIdentitySwitcher onChange={() => void load()} />}
    </View>
  );
}

function RegistrationCard({
  item,
  busy,
  onOpen,
  onCancel,
}: {
  item: Item;
  busy: boolean;
  onOpen: () => void;
  onCancel: () => void;
}) {
  const { registration: reg, event } = item;
  const status = registrationStatusText(reg);
  return (
    <View className={`registration-card registration-card--${reg.status}`} id={`registration-${reg.id}`}>
      <View className="registration-card__main" onClick={onOpen}>
        <View className="registration-card__top">
          <Text className="registration-card__title">{event.title}</Text>
          <Badge className="registration-card__status" text={status.text} tone={status.tone} />
        </View>
        <Text className="registration-card__line">时间：{spanLabel(event.startAt, event.endAt)}</Text>
        <Text className="registration-card__line">地点：{event.venue}</Text>
        <Text className="registration-card__line">报名人：{reg.name}</Text>
        <Text className="registration-card__line">手机号：{reg.phone}</Text>
        <Text className="registration-card__line">
          同行家属：{reg.companions > 0 ? `${reg.companions} 人（共占 ${reg.party} 个名额）` : '无'}
        </Text>
        {event.cancelled && <Text className="registration-card__note">该活动已取消</Text>}
      </View>
      {reg.cancellable && (
        <Button
          className={`btn btn--danger btn--block cancel-button${busy ? ' btn--disabled' : ''}`}
          loading={busy || undefined}
          disabled={busy || undefined}
          onClick={onCancel}
        >
          取消报名
        </Button>
      )}
    </View>
  );
}

/** Local demo only: act as one of the demo server's identities. */
function DemoIdentitySwitcher({ onChange }: { onChange: () => void }) {
  const [identities, setIdentities] = useState<DemoIdentity[]>([]);
  const [current, setCurrent] = useState<string | null>(() => getDemoIdentity());

  useEffect(() => {
    void listDemoIdentities().then(setIdentities);
  }, []);

  if (identities.length === 0) return null;
  const labels = identities.map((i) => i.label);
  const index = Math.max(
    0,
    identities.findIndex((i) => i.id === current),
  );
  const shown = identities.find((i) => i.id === current);

  return (
    <View className="demo-switcher">
      <Text className="demo-switcher__title">演示身份</Text>
      <Picker
        mode="selector"
        range={labels}
        value={index}
        onChange={(e) => {
          const chosen = identities[Number(e.detail.value)];
          if (!chosen) return;
          setDemoIdentity(chosen.id);
          setCurrent(chosen.id);
          onChange();
        }}
      >
        <View className="demo-switcher__current">
          <Text>{shown ? shown.label : '默认身份（未选择）'}</Text>
          <Text className="filter__arrow">▾</Text>
        </View>
      </Picker>
      <Text className="demo-switcher__hint">仅本地演示环境可见，用于切换不同居民身份查看报名。</Text>
    </View>
  );
}
