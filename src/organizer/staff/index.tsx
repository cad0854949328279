/**
 * 工作人员与邀请: invite a person as 工作人员, 主管 or 组织者 (a one-time code, shown large and as a
 * QR code to scan with WeChat — on the web, a QR of the invitation page's address), see the
 * invitations with their states (待接受, 已接受, 已撤销, 已过期) and revoke open ones; list the
 * bound staff, change their role and unit, or revoke them. Organizers only.
 */
import { Button, Text, View } from '@tarojs/components';
import { BusyButton } from '../../components/busy-button';
import Taro from '@tarojs/taro';
import { useCallback, useMemo, useState } from 'react';
import type { ApiError } from '../../../types/api';
import type { Invite, Member, Org } from '../../../types/domain';
import { clockLabel, dayLabel, dayOf } from '@backend/core/time';
import type { InviteState } from '@backend/core/setup';
import { Badge } from '../../components/badge';
import { PageStates } from '../../components/states';
import { useBusy, useCall } from '../../hooks/use-call';
import type { Tone } from '../../format';
import { pageUrl } from '../../platform/page-url';
import { QrCode } from '../../platform/qr-code';
import { TextField } from '../../platform/text-field';
import { ROLE_LABELS, groupInviteCode } from '../../roles';
import { callOrganizer } from '../api';
import { FormRow } from '../components/form';
import { Segmented } from '../components/segmented';
import { UnitChooser } from '../components/unit-chooser';
import { INVITE_HOURS_OPTIONS, INVITE_ROLES, INVITE_ROLE_LABELS, INVITE_STATE_LABELS } from '../labels';
import { dialogColours, ThemedPage } from '../../theme';
import { clearing } from '../field-errors';
import '../organizer.css';
import '../organizer-forms.css';
import './index.css';

type InviteRow = Invite & { state: string };

const STATE_TONES: Record<InviteState, Tone> = { open: 'info', used: 'ok', revoked: 'muted', expired: 'muted' };

const when = (ms: number) => `${dayLabel(dayOf(ms))} ${clockLabel(ms)}`;

export default function StaffPage() {
  const [created, setCreated] = useState<{ invite: Invite; path: string } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const call = useCall(
    async () => {
      const [m, i, o] = await Promise.all([
        callOrganizer('staff.list', {}),
        callOrganizer('invite.list', {}),
        callOrganizer('org.list', {}),
      ]);
      if (!m.ok) return m;
      if (!i.ok) return i;
      const invites: InviteRow[] = [...i.data.invites].sort((a, b) => b.createdAt - a.createdAt);
      const units = o.ok ? o.data.orgs.filter((x) => x.kind === 'unit') : [];
      return { ok: true as const, data: { members: m.data.members, invites, units } };
    },
    [],
    { when: 'show' },
  );
  const load = call.reload;
  const units = useMemo(() => call.data?.units ?? [], [call.data]);

  const unitName = useCallback((id: string) => units.find((u) => u.id === id)?.name ?? id, [units]);

  const revokeInvite = async (invite: InviteRow) => {
    const { confirm } = await Taro.showModal({
      title: '撤销邀请',
      content: `撤销给“${invite.name}”的邀请（${groupInviteCode(invite.code)}）吗？撤销后邀请码不能再用。`,
      confirmText: '撤销',
      cancelText: '不撤销',
      ...dialogColours(true),
    });
    if (!confirm) return;
    const res = await callOrganizer('invite.revoke', { code: invite.code });
    if (!res.ok) {
      void Taro.showModal({ title: '未能撤销', content: res.error.message, showCancel: false, confirmText: '知道了' });
    } else void Taro.showToast({ title: '已撤销', icon: 'success' });
    if (created?.invite.code === invite.code) setCreated(null);
    await load();
  };

  const revokeMember = async (member: Member) => {
    const { confirm } = await Taro.showModal({
      title: '撤销工作人员',
      content: `撤销“${member.name}”的${ROLE_LABELS[member.role]}身份吗？撤销后他将只能以居民身份使用。`,
      confirmText: '撤销',
      cancelText: '不撤销',
      ...dialogColours(true),
    });
    if (!confirm) return;
    const res = await callOrganizer('staff.revoke', { openid: member.openid });
    if (!res.ok) {
      void Taro.showModal({ title: '未能撤销', content: res.error.message, showCancel: false, confirmText: '知道了' });
      return;
    }
    void Taro.showToast({ title: '已撤销', icon: 'success' });
    await load();
  };

  if (call.error || !call.data) {
    return <PageStates className="organizer-page staff-admin-page" error={call.error} onRetry={() => void load()} />;
  }
  const { members, invites } = call.data;
  const setMembers = (next: (list: Member[]) => Member[]) =>
    call.setData((d) => (d ? { ...d, members: next(d.members) } : d));

  return (
    <ThemedPage className="organizer-page staff-admin-page">
      <View className="org-header">
        <Text className="org-header__title">工作人员与邀请</Text>
        <Text className="org-header__line">生成邀请码，请对方用微信扫码或输入邀请码接受；每个邀请码只能用一次。</Text>
      </View>

      <InviteForm
        units={units}
        onCreated={(c) => {
          setCreated(c);
          void load();
        }}
      />
      {created && <InviteResult invite={created.invite} path={created.path} unitName={unitName} />}

      <View className="section invites-section">
        <Text className="section__title">邀请记录</Text>
        {invites.length === 0 ? (
          <Text className="section__hint">还没有发出邀请</Text>
        ) : (
          invites.map((inv) => {
            const state = inv.state as InviteState;
            return (
              <View key={inv.code} className="card-list-item invite-row" id={`invite-${inv.code}`}>
                <View className="card-list-item__top">
                  <Text className="card-list-item__title">
                    {inv.name} · {INVITE_ROLE_LABELS[inv.role]}
                  </Text>
                  <Badge text={INVITE_STATE_LABELS[state] ?? inv.state} tone={STATE_TONES[state] ?? 'muted'} />
                </View>
                <Text className="card-list-item__line">邀请码：{groupInviteCode(inv.code)}</Text>
                {inv.unitIds.length > 0 && (
                  <Text className="card-list-item__line">单位：{inv.unitIds.map(unitName).join('、')}</Text>
                )}
                <Text className="card-list-item__line">
                  {state === 'used' && inv.usedAt ? `${when(inv.usedAt)} 接受` : `有效期至 ${when(inv.expiresAt)}`}
                </Text>
                {state === 'open' && (
                  <View className="card-list-item__actions">
                    <Button className="btn btn--danger btn--small revoke-invite" onClick={() => void revokeInvite(inv)}>
                      撤销邀请
                    </Button>
                  </View>
                )}
              </View>
            );
          })
        )}
      </View>

      <View className="section members-section">
        <Text className="section__title">工作人员（{members.length} 人）</Text>
        {members.length === 0 ? (
          <Text className="section__hint">还没有工作人员</Text>
        ) : (
          members.map((m) => (
            <View key={m.openid} className="card-list-item member-row" id={`member-${m.openid}`}>
              <View className="card-list-item__top">
                <Text className="card-list-item__title">{m.name}</Text>
                <Badge text={ROLE_LABELS[m.role]} tone={m.role === 'organizer' || m.role === 'admin' ? 'info' : 'ok'} />
              </View>
              {m.unitIds.length > 0 && (
                <Text className="card-list-item__line">单位：{m.unitIds.map(unitName).join('、')}</Text>
              )}
              {editing === m.openid ? (
                <MemberEditor
                  member={m}
                  units={units}
                  onCancel={() => setEditing(null)}
                  onSaved={(next) => {
                    setMembers((list) => list.map((x) => (x.openid === next.openid ? next : x)));
                    setEditing(null);
                    void Taro.showToast({ title: '已保存', icon: 'success' });
                  }}
                />
              ) : (
                m.role !== 'admin' && (
                  <View className="card-list-item__actions">
                    <Button className="btn btn--secondary btn--small edit-member" onClick={() => setEditing(m.openid)}>
                      修改角色和单位
                    </Button>
                    <Button className="btn btn--danger btn--small revoke-member" onClick={() => void revokeMember(m)}>
                      撤销权限
                    </Button>
                  </View>
                )
              )}
            </View>
          ))
        )}
      </View>
    </ThemedPage>
  );
}

function InviteForm({ units, onCreated }: { units: Org[]; onCreated: (c: { invite: Invite; path: string }) => void }) {
  const [role, setRole] = useState<Invite['role']>('staff');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [hours, setHours] = useState(72);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();
  const forUnit = role !== 'organizer';
  const edited = clearing(() => setError(null));

  const create = () =>
    run(async () => {
      if (forUnit && !unitId) return setError('工作人员和主管须属于一个单位：请选择单位');
      if (!name.trim()) return setError('请填写被邀请人姓名');
      if (Array.from(name.trim()).length > 20) return setError('姓名最多 20 个字');
      setError(null);
      const res = await callOrganizer('invite.create', {
        role,
        ...(forUnit && unitId ? { unitId } : {}),
        name: name.trim(),
        hours,
      });
      if (!res.ok) return setError(refusalText(res.error));
      setName('');
      onCreated(res.data);
    });

  return (
    <View className="section invite-form">
      <Text className="section__title">邀请工作人员</Text>
      <FormRow label="身份" required>
        <Segmented
          options={INVITE_ROLES.map((r) => ({ value: r, label: INVITE_ROLE_LABELS[r] }))}
          value={role}
          onChange={edited(setRole)}
          label="邀请的身份"
          className="invite-role"
        />
      </FormRow>
      {forUnit && (
        <FormRow label="单位" required>
          <UnitChooser
            idPrefix="invite-unit-"
            units={units.map((u) => ({ id: u.id, name: u.name }))}
            value={unitId}
            onChange={edited(setUnitId)}
          />
        </FormRow>
      )}
      <FormRow label="被邀请人姓名" hint="接受后显示为此名字，例如：尧塘中心 李老师" required>
        <TextField
          className="input invite-name"
          placeholder="被邀请人姓名"
          maxLength={20}
          value={name}
          onChange={edited(setName)}
        />
      </FormRow>
      <FormRow label="有效期">
        <Segmented
          options={INVITE_HOURS_OPTIONS.map((o) => ({ value: String(o.hours), label: o.label }))}
          value={String(hours)}
          onChange={(v) => setHours(Number(v))}
          label="有效期"
        />
      </FormRow>
      {error && (
        <View className="form-row__error invite-error" role="alert">
          <Text>{error}</Text>
        </View>
      )}
      <BusyButton className="btn--primary btn--block create-invite" busy={busy} onClick={() => void create()}>
        生成邀请
      </BusyButton>
    </View>
  );
}

function InviteResult({ invite, path, unitName }: { invite: Invite; path: string; unitName: (id: string) => string }) {
  const url = useMemo(() => pageUrl(path), [path]);
  return (
    <View className="section invite-result" id="invite-result">
      <Text className="section__title">邀请已生成</Text>
      <Text className="card-list-item__line">
        {invite.name} · {INVITE_ROLE_LABELS[invite.role]}
        {invite.unitIds.length ? ` · ${invite.unitIds.map(unitName).join('、')}` : ''}
      </Text>
      <Text className="invite-result__label">邀请码</Text>
      <Text className="invite-result__code" data-code={invite.code} aria-label={invite.code.split('').join(' ')}>
        {groupInviteCode(invite.code)}
      </Text>
      <View className="invite-result__qr">
        <QrCode className="invite-qr" text={url} label={`邀请二维码：请用微信扫码接受邀请，邀请码 ${invite.code}`} />
      </View>
      <Text className="invite-result__hint">
        请对方用微信扫上面的二维码；也可以把邀请码告诉对方，在“接受邀请”页输入。
      </Text>
      <Text className="invite-result__hint">有效期至 {when(invite.expiresAt)}，只能使用一次。</Text>
      <View className="form-actions">
        <Button
          className="btn btn--secondary copy-code"
          onClick={() => void Taro.setClipboardData({ data: invite.code })}
        >
          复制邀请码
        </Button>
        <Button className="btn btn--secondary copy-link" onClick={() => void Taro.setClipboardData({ data: url })}>
          复制链接
        </Button>
      </View>
    </View>
  );
}

function MemberEditor({
  member,
  units,
  onCancel,
  onSaved,
}: {
  member: Member;
  units: Org[];
  onCancel: () => void;
  onSaved: (member: Member) => void;
}) {
  const [role, setRole] = useState<Invite['role']>(member.role === 'admin' ? 'organizer' : member.role);
  const [unitId, setUnitId] = useState<string | null>(member.unitIds[0] ?? null);
  const [name, setName] = useState(member.name);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();
  const forUnit = role !== 'organizer';

  const save = () =>
    run(async () => {
      if (forUnit && !unitId) return setError('请选择单位');
      if (!name.trim()) return setError('请填写姓名');
      setError(null);
      const keepOthers = member.unitIds.filter((u) => u !== member.unitIds[0]);
      const res = await callOrganizer('staff.update', {
        openid: member.openid,
        role,
        unitIds: forUnit && unitId ? [unitId, ...keepOthers.filter((u) => u !== unitId)] : [],
        name: name.trim(),
      });
      if (res.ok) onSaved(res.data.member);
      else setError(refusalText(res.error));
    });

  return (
    <View className="inline-panel member-editor">
      <FormRow label="身份">
        <Segmented
          options={INVITE_ROLES.map((r) => ({ value: r, label: INVITE_ROLE_LABELS[r] }))}
          value={role}
          onChange={setRole}
          label="身份"
        />
      </FormRow>
      {forUnit && (
        <FormRow label="单位" hint={member.unitIds.length > 1 ? '改的是第一个单位，其他单位保持不变' : undefined}>
          <UnitChooser
            idPrefix="member-unit-"
            units={units.map((u) => ({ id: u.id, name: u.name }))}
            value={unitId}
            onChange={setUnitId}
          />
        </FormRow>
      )}
      <FormRow label="姓名">
        <TextField className="input member-name" placeholder="姓名" maxLength={20} value={name} onChange={setName} />
      </FormRow>
      {error && <Text className="form-row__error">{error}</Text>}
      <View className="form-actions">
        <Button className="btn btn--secondary" onClick={onCancel}>
          取消
        </Button>
        <BusyButton className="btn--primary save-member" busy={busy} onClick={() => void save()}>
          保存
        </BusyButton>
      </View>
    </View>
  );
}

/** A refusal with its per-field messages, as one line. */
function refusalText(error: ApiError): string {
  return [error.message, ...(error.fields ?? []).map((f) => f.message)].join('；');
}
