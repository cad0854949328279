/**
 * 我的报名: my sign-ups with their status, the way to 我的日程 (the same by day), their check-in codes, cancelling one, and rating an
 * attended one; 通知 with the unread count, 开启活动提醒 and 我的提醒; the 标准/大字 switch; the
 * staff and organizer entries.
 */
import { Button, Picker, Text, View } from '@tarojs/components';
import { BusyButton } from '../../components/busy-button';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionOutput, ApiError } from '../../../types/api';
import type { Role } from '../../../types/domain';
import { clockLabel, dayLabel, dayOf, spanLabel } from '@backend/core/time';
import { callResident } from '../../api/client';
import { Badge } from '../../components/badge';
import { Empty, ErrorState, Loading } from '../../components/states';
import { codeAvailable, registrationStatusText } from '../../format';
import { RATING_WORDS } from '../../labels';
import { RatingPanel, Stars } from '../../components/rating-panel';
import { ReminderButton } from '../../components/reminder-button';
import { ThemeToggle, ThemedPage, dialogColours } from '../../theme';
import { isDoorStaff } from '../../roles';
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
  const [role, setRole] = useState<Role | null>(null);
  const [unread, setUnread] = useState<number | null>(null);
  const [rating, setRating] = useState<string | null>(null);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mySeq = ++seq.current;
    setError(null);
    const [res, me, notices] = await Promise.all([
      callResident('signup.mine', {}),
      callResident('me.get', {}),
      callResident('notices.list', {}),
    ]);
    if (mySeq !== seq.current) return;
    // Who am I only decides whether the staff entry shows; a failure just hides it.
    setRole(me.ok ? me.data.role : null);
    setUnread(notices.ok ? notices.data.unread : null);
    if (res.ok) setItems(res.data.items);
    else setError(res.error);
  }, []);

  /** Shows a rating at once, without waiting for the list to come back. */
  const rated = (registrationId: string, score: number) => {
    setRating(null);
    setItems(
      (list) =>
        list?.map((i) =>
          i.registration.id === registrationId ? { ...i, registration: { ...i.registration, myRating: score } } : i,
        ) ?? list,
    );
    void Taro.showToast({ title: '谢谢您的评价', icon: 'success' });
  };

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
      ...dialogColours(true),
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
    <ThemedPage className="mine-page">
      <View className="mine-header">
        <Text className="mine-header__title">我的报名</Text>
        <Button className="btn btn--secondary btn--small mine-refresh" onClick={() => void load()}>
          刷新
        </Button>
      </View>
      <View className="mine-font">
        <Text className="mine-font__label">字号</Text>
        <ThemeToggle />
      </View>

      <View
        className="staff-entry schedule-entry-link"
        onClick={() => void Taro.navigateTo({ url: '/pages/schedule/index' })}
        role="link"
      >
        <Text className="staff-entry__text">我的日程</Text>
        <Text className="staff-entry__hint">按日期查看已报名的活动</Text>
        <Text className="staff-entry__arrow">›</Text>
      </View>

      <View
        className="staff-entry notices-entry"
        onClick={() => void Taro.navigateTo({ url: '/pages/notices/index' })}
        role="link"
      >
        <Text className="staff-entry__text">通知</Text>
        <Text className="staff-entry__hint">活动变动、取消、候补成功</Text>
        {unread ? <Text className="unread-count">{unread} 条未读</Text> : null}
        <Text className="staff-entry__arrow">›</Text>
      </View>

      {isDoorStaff(role) && (
        <View className="staff-entry" onClick={() => void Taro.navigateTo({ url: '/staff/events/index' })} role="link">
          <Text className="staff-entry__text">工作人员入口</Text>
          <Text className="staff-entry__hint">现场签到、名单、现场登记</Text>
          <Text className="staff-entry__arrow">›</Text>
        </View>
      )}

      {/* Organizers and admins see the district; staff and supervisors their own unit's figures. */}
      {isDoorStaff(role) && (
        <View
          className="staff-entry organizer-entry"
          onClick={() => void Taro.navigateTo({ url: '/organizer/dashboard/index' })}
          role="link"
        >
          <Text className="staff-entry__text">组织者工作台</Text>
          <Text className="staff-entry__hint">实时统计、统计报表、活动周筹备</Text>
          <Text className="staff-entry__arrow">›</Text>
        </View>
      )}

      {isDoorStaff(role) && (
        <View
          className="staff-entry events-entry"
          onClick={() => void Taro.navigateTo({ url: '/organizer/events/index' })}
          role="link"
        >
          <Text className="staff-entry__text">活动管理</Text>
          <Text className="staff-entry__hint">新建活动、提交审核、生成海报</Text>
          <Text className="staff-entry__arrow">›</Text>
        </View>
      )}

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
              onCode={() =>
                void Taro.navigateTo({ url: `/pages/code/index?id=${encodeURIComponent(item.registration.id)}` })
              }
              onCancel={() => void cancel(item)}
              rating={rating === item.registration.id}
              onRate={() => setRating(item.registration.id)}
              onRated={(score) => rated(item.registration.id, score)}
              onRateLater={() => setRating(null)}
            />
          ))}
        </View>
      )}

      <View className="reminders-card">
        <Text className="reminders-card__title">活动提醒</Text>
        <Text className="reminders-card__hint">开启后，活动开始前和候补成功时，会通过微信通知您。</Text>
        <ReminderButton />
        <View
          className="link reminders-card__link"
          role="link"
          onClick={() => void Taro.navigateTo({ url: '/pages/reminders/index' })}
        >
          <Text>查看我的提醒</Text>
        </View>
      </View>

      <View
        className="link invite-link"
        role="link"
        onClick={() => void Taro.navigateTo({ url: '/pages/invite/index' })}
      >
        <Text>我是活动工作人员，输入邀请码</Text>
      </View>

      {demoIdentitiesEnabled && <DemoIdentitySwitcher onChange={() => void load()} />}
    </ThemedPage>
  );
}

function RegistrationCard({
  item,
  busy,
  onOpen,
  onCode,
  onCancel,
  rating,
  onRate,
  onRated,
  onRateLater,
}: {
  item: Item;
  busy: boolean;
  onOpen: () => void;
  onCode: () => void;
  onCancel: () => void;
  /** The rating panel is open on this card. */
  rating: boolean;
  onRate: () => void;
  onRated: (score: number) => void;
  onRateLater: () => void;
}) {
  const { registration: reg, event } = item;
  const status = registrationStatusText(reg);
  const checkedInAt = reg.checkedInAt ?? null;
  const showCode = codeAvailable(reg, event, Date.now());
  const myRating = reg.myRating ?? null;
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
        {checkedInAt !== null && (
          <Text className="registration-card__checked">
            已签到：{dayLabel(dayOf(checkedInAt))} {clockLabel(checkedInAt)}
          </Text>
        )}
        {event.cancelled && <Text className="registration-card__note">该活动已取消</Text>}
        {myRating !== null && (
          <View className="registration-card__rating">
            <Text className="registration-card__rating-label">我的评价：</Text>
            <Stars score={myRating} />
            <Text className="registration-card__rating-word">{RATING_WORDS[myRating]}</Text>
          </View>
        )}
      </View>
      {showCode && (
        <Button className="btn btn--primary btn--block code-button" onClick={onCode}>
          签到码
        </Button>
      )}
      {checkedInAt !== null &&
        myRating === null &&
        (rating ? (
          <RatingPanel registrationId={reg.id} onRated={onRated} onCancel={onRateLater} />
        ) : (
          <Button className="btn btn--primary btn--block rate-button" onClick={onRate}>
            评价
          </Button>
        ))}
      {reg.cancellable && (
        <BusyButton className="btn--danger btn--block cancel-button" busy={busy} lock onClick={onCancel}>
          取消报名
        </BusyButton>
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
      <Text className="demo-switcher__hint">仅本地演示环境可见，用于切换居民或工作人员身份。</Text>
    </View>
  );
}
