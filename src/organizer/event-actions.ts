/**
 * What can be done with a managed event in each state, by whom (mirroring core/setup.ts
 * TRANSITIONS and manage-events.ts): unit staff draft and submit, organizers approve or return,
 * both cancel; approved events get a poster and a capacity change.
 */
import type { EventStatus } from '../../types/domain';

export type EventAction = 'edit' | 'submit' | 'approve' | 'return' | 'cancel' | 'capacity' | 'poster';

export function eventActions(status: EventStatus, organizer: boolean): EventAction[] {
  switch (status) {
    case 'draft':
    case 'returned':
      return ['edit', 'submit', 'cancel'];
    case 'submitted':
      return organizer ? ['approve', 'return', 'edit', 'cancel'] : ['edit', 'cancel'];
    case 'approved':
      return organizer ? ['edit', 'capacity', 'poster', 'return', 'cancel'] : ['edit', 'capacity', 'poster', 'cancel'];
    case 'cancelled':
      return [];
  }
}

export const ACTION_LABELS: Record<EventAction, string> = {
  edit: '编辑',
  submit: '提交审核',
  approve: '通过',
  return: '退回',
  cancel: '取消活动',
  capacity: '修改名额',
  poster: '生成海报',
};

/** What the page says after a review action succeeded. */
export const REVIEW_DONE: Record<'submit' | 'approve' | 'return' | 'cancel', string> = {
  submit: '已提交审核',
  approve: '已通过，居民可以看到并报名了',
  return: '已退回，单位可修改后再提交',
  cancel: '活动已取消，已通知报名的居民',
};
