/** Chinese labels of the setup pages' codes (活动周筹备). */
import type { EventStatus, Invite, OrgKind, UnitKind } from '../../types/domain';
import type { InviteState } from '@backend/core/setup';
import { ROLE_LABELS } from '../roles';

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  province: '省',
  city: '市',
  district: '区县',
  county: '县',
  street: '街道',
  town: '镇',
  unit: '单位',
};

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  community_centre: '社区教育中心',
  college: '社区学院/培训学院',
  school: '学校',
  kindergarten: '幼儿园',
  library: '图书馆',
  museum: '博物馆/纪念馆',
  training: '培训机构',
  enterprise: '企业',
  government: '机关事业单位',
  other: '其他',
};
export const UNIT_KIND_OPTIONS = Object.keys(UNIT_KIND_LABELS) as UnitKind[];

export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已发布',
  returned: '已退回',
  cancelled: '已取消',
};
export const EVENT_STATUS_ORDER: EventStatus[] = ['draft', 'submitted', 'approved', 'returned', 'cancelled'];

export const INVITE_STATE_LABELS: Record<InviteState, string> = {
  open: '待接受',
  used: '已接受',
  revoked: '已撤销',
  expired: '已过期',
};

export const INVITE_ROLES: Invite['role'][] = ['staff', 'supervisor', 'organizer'];
export const INVITE_ROLE_LABELS: Record<Invite['role'], string> = {
  staff: ROLE_LABELS.staff,
  supervisor: ROLE_LABELS.supervisor,
  organizer: ROLE_LABELS.organizer,
};

/** How long an invitation stays open. */
export const INVITE_HOURS_OPTIONS: { hours: number; label: string }[] = [
  { hours: 24, label: '1 天' },
  { hours: 72, label: '3 天' },
  { hours: 168, label: '7 天' },
];

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'campaign.create': '创建活动周',
  'campaign.update': '修改活动周',
  'org.create': '新增单位',
  'org.update': '修改单位',
  'staff.update': '修改工作人员',
  'staff.revoke': '撤销工作人员',
  'invite.create': '发出邀请',
  'invite.revoke': '撤销邀请',
  'invite.accept': '接受邀请',
  'event.create': '新建活动',
  'event.update': '修改活动',
  'event.submit': '提交审核',
  'event.approve': '审核通过',
  'event.return': '退回修改',
  'event.cancel': '取消活动',
  'event.capacity': '修改名额',
  'registrants.export': '导出报名名单',
  'registrants.notify': '通知报名者',
};

/** `区教育局 凌老师（organizer）` → `区教育局 凌老师（组织者）`. */
export function actorText(actor: string): string {
  return actor.replace(/（([a-z]+)）$/, (whole, role: string) =>
    role in ROLE_LABELS ? `（${ROLE_LABELS[role as keyof typeof ROLE_LABELS]}）` : whole,
  );
}

/** Role codes inside the backend's summaries (`张老师 成为 staff`) in Chinese. */
export function summaryText(summary: string): string {
  return summary.replace(
    /\b(staff|supervisor|organizer|admin)\b/g,
    (role: string) => ROLE_LABELS[role as keyof typeof ROLE_LABELS],
  );
}
