/** Builders of the contract's views for page tests, and a canned-transport helper. */
import type { ApiResult, EventView, RegistrationView, WeekView } from '../../types/api';
import { at } from '../../backend/core/time';

export const WEEK_DAYS = ['2026-11-14', '2026-11-15', '2026-11-16'];

export function aWeek(overrides: Partial<WeekView> = {}): WeekView {
  return {
    campaign: {
      id: 'c1',
      districtId: 'd1',
      name: '2026年示范区全民终身学习活动周',
      theme: '学习让生活更美好',
      weekStart: WEEK_DAYS[0],
      weekEnd: WEEK_DAYS[WEEK_DAYS.length - 1],
      hosts: [],
      coHosts: [],
      undertakers: [],
      demo: true,
    },
    days: WEEK_DAYS,
    streets: [
      { id: 's1', name: '城关街道', kind: 'street', parentId: 'd1', districtId: 'd1' },
      { id: 's2', name: '东湖镇', kind: 'town', parentId: 'd1', districtId: 'd1' },
    ],
    ...overrides,
  };
}

export function anEvent(overrides: Partial<EventView> = {}): EventView {
  const day = overrides.day ?? WEEK_DAYS[0];
  return {
    id: 'e1',
    title: '智能手机使用入门',
    content: '学会视频通话和扫码',
    venue: '社区学院报告厅',
    startAt: at(day, '09:30'),
    endAt: at(day, '11:00'),
    day,
    category: 'lecture',
    audiences: ['elderly'],
    mode: 'offline',
    free: true,
    venueRole: null,
    unitId: 'u1',
    unitName: '城关社区学院',
    streetId: 's1',
    streetName: '城关街道',
    capacity: 30,
    seatsLeft: 12,
    waitingCount: 0,
    maxCompanions: 2,
    signupOpen: true,
    cancelled: false,
    ...overrides,
  };
}

export function aRegistration(overrides: Partial<RegistrationView> = {}): RegistrationView {
  return {
    id: 'e1_r1',
    eventId: 'e1',
    status: 'confirmed',
    name: '王小明',
    phone: '138****5678',
    companions: 0,
    party: 1,
    source: 'self',
    waitPosition: null,
    createdAt: 0,
    promotedAt: null,
    cancelledAt: null,
    cancellable: true,
    checkedInAt: null,
    myRating: null,
    ...overrides,
  };
}

export const ok = <T>(data: T): ApiResult<T> => ({ ok: true, data });

/** The server's answer to input it refused: its general message and a message per field. */
export const validationFailed = (fields: { path: string; message: string }[]): ApiResult<never> => ({
  ok: false,
  error: { code: 'VALIDATION_FAILED', message: '填写的信息有误，请检查后再试', retryable: false, fields },
});

type Handler = (data: Record<string, unknown>) => ApiResult<unknown> | Promise<ApiResult<unknown>>;

/**
 * Read-only extras every resident page may ask for besides what a test is about (the notices'
 * unread count, the reminder templates and credits): quiet answers unless a test gives its own.
 */
export const QUIET_EXTRAS: Record<string, Handler> = {
  'notices.list': () => ok({ notices: [], unread: 0 }),
  'reminders.config': () =>
    ok({ templates: { event_reminder: null, promoted: null, rating_invite: null }, simulated: true }),
  'reminders.mine': () => ok({ reminders: [], credits: { event_reminder: 0, promoted: 0, rating_invite: 0 } }),
  'roster.answers': () => ok({ questions: [], answers: [], selfCheckins: [], walkIns: [] }),
};

/** Answers `callFunction(fn, action, data)` from a table of handlers, one per action. */
export function cannedTransport(handlers: Record<string, Handler>) {
  return async (_fn: string, action: string, data: unknown) => {
    const handler = handlers[action] ?? QUIET_EXTRAS[action];
    if (!handler) throw new Error(`unexpected action in test: ${action}`);
    return handler((data ?? {}) as Record<string, unknown>);
  };
}
