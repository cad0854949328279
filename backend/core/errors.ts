/**
 * Business refusals as one error class with stable codes. The default Chinese message of
 * each code lives in this one table; the edge (backend/api) maps errors to the
 * transport's envelope without further `if`s.
 */
import type { ApiError, ErrorCode } from '../../types/api/envelope';

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '填写的信息有误，请检查后再试',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CAMPAIGN_NOT_FOUND: '没有找到活动周',
  EVENT_NOT_FOUND: '没有找到该活动',
  EVENT_NOT_OPEN: '该活动当前不可报名',
  SIGNUP_NOT_REQUIRED: '该活动无需报名，可直接前往参加',
  SIGNUP_DUPLICATE: '您已报名该活动',
  CONSENT_REQUIRED: '请先阅读并同意个人信息保护说明',
  COMPANIONS_OVER_LIMIT: '同行家属人数超过上限',
  REGISTRATION_NOT_FOUND: '没有找到该报名记录',
  ALREADY_CANCELLED: '该报名已取消',
  CANCEL_CLOSED: '活动已开始，不能再取消报名',
  CHECKIN_NOT_FOUND: '没有找到该签到记录',
  CODE_NOT_AVAILABLE: '该报名暂时没有签到码',
  RATING_NOT_ALLOWED: '签到参加活动后才能评价',
  ALREADY_RATED: '您已经评价过这场活动',
  EVENT_STATE_CONFLICT: '活动当前状态不能执行此操作',
  CAPACITY_BELOW_TAKEN: '名额不能少于已报名的人数',
  INVITE_NOT_FOUND: '邀请码不存在',
  INVITE_EXPIRED: '邀请已过期，请联系组织者重新邀请',
  INVITE_USED: '邀请已被使用',
  INVITE_REVOKED: '邀请已被撤销',
  ORG_IN_USE: '该单位下还有活动或下级单位，不能删除',
  CHECKIN_KEY_MISSING: '签到码服务尚未配置（CHECKIN_SIGNING_SEED），请联系管理员',
  NOMINATION_NOT_FOUND: '没有找到该推荐',
  NOMINATION_STATE_CONFLICT: '该推荐当前状态不能执行此操作',
  QUOTA_FULL: '本单位该项推荐名额已满',
  SAMPLE_EMPTY: '还没有可抽样的参加者（须签到且有报名账号）',
  REPORT_TASK_NOT_FOUND: '没有找到该上报任务',
  REPORT_LATE: '已过截止日期，该任务不再接收上报',
  REPORT_INCOMPLETE: '上报材料不完整',
  REPORT_TEXT_TOO_SHORT: '文字材料字数不足',
  REPORT_FILE_TYPE: '文件类型不符合要求',
  REPORT_FILE_TOO_LARGE: '文件超过大小限制',
  REPORT_NOT_YOUR_ORG: '只能为本单位上报',
  REPORT_STATE_CONFLICT: '上报当前状态不能执行此操作',
  UPLOAD_NOT_FOUND: '没有找到上传的文件（或文件过大），请重新选择',
  STORE_CONFLICT: '当前人数较多，请稍后重试',
  STORE_UNAVAILABLE: '服务暂时不可用，请稍后重试',
  INTERNAL: '系统出了点问题，请稍后再试',
};

const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['STORE_CONFLICT', 'STORE_UNAVAILABLE', 'RATE_LIMITED']);

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields?: ApiError['fields'];

  constructor(code: ErrorCode, message?: string, fields?: ApiError['fields']) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  toApiError(): ApiError {
    const error: ApiError = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.fields) error.fields = this.fields;
    return error;
  }
}

export function fail(code: ErrorCode, message?: string): never {
  throw new DomainError(code, message);
}

export function defaultMessage(code: ErrorCode): string {
  return DEFAULT_MESSAGES[code];
}
