/**
 * 接受邀请: opened from an organizer's invitation QR code (`?code=`, or `scene` from a
 * 小程序码) or typed by hand. One big 接受邀请 button binds this WeChat account to the unit and
 * role of the invitation (工作人员, 主管 or 组织者); then it leads to the staff pages.
 */
import { Button, Text, View } from '@tarojs/components';
import { BusyButton } from '../../components/busy-button';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ActionOutput, ApiError } from '../../../types/api';
import type { Role } from '../../../types/domain';
import { callResident } from '../../api/client';
import { TextField } from '../../platform/text-field';
import { INVITE_CODE_PATTERN, ROLE_LABELS, groupInviteCode, isDoorStaff, normaliseInviteCode } from '../../roles';
import { routeParam } from '../../route';
import { ThemedPage } from '../../theme';
import './index.css';

type Accepted = ActionOutput<'resident', 'invite.accept'>;

export default function InvitePage() {
  const { params } = useRouter();
  const fromLink = normaliseInviteCode(routeParam(params, 'code') || routeParam(params, 'scene'));
  const [typed, setTyped] = useState('');
  const [me, setMe] = useState<{ role: Role; name: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Pick<ApiError, 'code' | 'message'> | null>(null);
  const [accepted, setAccepted] = useState<Accepted | null>(null);

  useEffect(() => {
    void callResident('me.get', {}).then((res) => {
      if (res.ok) setMe({ role: res.data.role, name: res.data.name });
    });
  }, []);

  const code = fromLink || normaliseInviteCode(typed);

  const accept = async () => {
    if (busy) return;
    if (!INVITE_CODE_PATTERN.test(code)) {
      setError({ code: 'VALIDATION_FAILED', message: '邀请码为 8 位字母和数字，请核对后再输入' });
      return;
    }
    setBusy(true);
    setError(null);
    const res = await callResident('invite.accept', { code });
    setBusy(false);
    if (res.ok) setAccepted(res.data);
    else setError(res.error);
  };

  if (accepted) {
    const organizer = accepted.role === 'organizer';
    return (
      <ThemedPage className="invite-page">
        <View className="result result--ok invite-result">
          <Text className="result__icon">✓</Text>
          <Text className="result__title">已接受邀请</Text>
          <Text className="result__text">
            您现在是{ROLE_LABELS[accepted.role]}：{accepted.name}
          </Text>
          <Text className="result__hint">
            {organizer
              ? '可以在“组织者工作台”筹备活动周：设置活动周、管理单位和工作人员、审核活动。'
              : '可以在“工作人员入口”现场签到，在“活动管理”新建本单位的活动并提交审核。'}
          </Text>
        </View>
        {organizer ? (
          <Button
            className="btn btn--primary btn--block go-workbench"
            onClick={() => void Taro.redirectTo({ url: '/organizer/dashboard/index' })}
          >
            进入组织者工作台
          </Button>
        ) : (
          <Button
            className="btn btn--primary btn--block go-staff"
            onClick={() => void Taro.redirectTo({ url: '/staff/events/index' })}
          >
            进入工作人员入口
          </Button>
        )}
        <Button
          className="btn btn--secondary btn--block go-events"
          onClick={() => void Taro.redirectTo({ url: '/organizer/events/index' })}
        >
          活动管理
        </Button>
      </ThemedPage>
    );
  }

  return (
    <ThemedPage className="invite-page">
      <View className="card invite-card">
        <Text className="card__title">工作人员邀请</Text>
        <Text className="card__line">
          活动周的组织者邀请您参与工作。接受后，您的微信将绑定到邀请中的单位和身份（工作人员、主管或组织者），可以现场签到、管理本单位的活动。
        </Text>
        {fromLink ? (
          <View className="invite-code">
            <Text className="invite-code__label">邀请码</Text>
            <Text className="invite-code__value" aria-label={code.split('').join(' ')}>
              {groupInviteCode(code)}
            </Text>
          </View>
        ) : (
          <View className="invite-code">
            <Text className="invite-code__label">请输入组织者给您的 8 位邀请码</Text>
            <TextField
              className="invite-code__input"
              placeholder="8 位邀请码"
              maxLength={10}
              value={typed}
              onChange={(v) => {
                setTyped(v.toUpperCase());
                setError(null);
              }}
              onConfirm={() => void accept()}
            />
          </View>
        )}
        {me && isDoorStaff(me.role) && (
          <Text className="invite-card__current">
            您现在是{ROLE_LABELS[me.role]}
            {me.name ? `（${me.name}）` : ''}，接受后将改为邀请中的身份。
          </Text>
        )}
        <Text className="invite-card__note">邀请码只能使用一次，过期后请联系组织者重新邀请。</Text>
      </View>

      {error && (
        <View className="notice notice--error invite-error">
          <Text className="notice__text">{error.message}</Text>
        </View>
      )}

      <BusyButton className="btn--primary btn--block accept-button" busy={busy} lock onClick={() => void accept()}>
        接受邀请
      </BusyButton>
      <Text className="invite-decline">不想接受？直接返回即可，什么都不会改变。</Text>
    </ThemedPage>
  );
}
