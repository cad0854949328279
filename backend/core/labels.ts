/**
 * The Chinese names of categories, audiences and modes, as the notices write them: one table for
 * the app's filters, the dashboard's groups and the exports.
 */
import type { Audience, Category, EventMode, Role } from '../../types/domain';

export const CATEGORY_LABELS: Record<Category, string> = {
  lecture: '讲座',
  training: '培训',
  reading: '读书会',
  exhibition: '展览',
  contest: '竞赛',
  forum: '论坛',
  visit: '观摩',
  open_day: '开放日',
  performance: '文艺展演',
  other: '其他',
};

export const AUDIENCE_LABELS: Record<Audience, string> = {
  elderly: '老年人',
  youth: '青少年',
  workers: '企业职工',
  migrant_workers: '农民工',
  veterans: '退役军人',
  farmers: '新型职业农民',
  families: '家庭亲子',
  public: '社会公众',
};

export const MODE_LABELS: Record<EventMode, string> = {
  offline: '线下',
  online: '线上',
  hybrid: '线上线下',
};

export const ROLE_LABELS: Record<Role, string> = {
  anonymous: '访客',
  resident: '居民',
  staff: '工作人员',
  supervisor: '主管',
  organizer: '组织者',
  admin: '管理员',
};
