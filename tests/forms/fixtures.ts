/** Realistic form data for the renderer tests and the preview script: a week of 11月14日 … 11月20日. */
import type { ActivityRow, AttendanceLine, F1Data, F2Data, F3Data } from '../../types/forms';
import { addDays, dayLabel } from '../../backend/core/time';

export const WEEK_START = '2020-11-14';

function activity(
  eventId: string,
  day: string,
  clock: string,
  title: string,
  content: string,
  venue: string,
  people: number,
  basis: string,
): ActivityRow {
  return {
    eventId,
    day,
    time: `${dayLabel(day)} ${clock}`,
    title,
    content,
    venue,
    participants: { value: people, basis },
  };
}

/** Activities by day offset: three on the first day, none on 11月16日, 11月18日 and 11月20日. */
export const ACTIVITIES: ActivityRow[][] = [
  [
    activity(
      'e1',
      addDays(WEEK_START, 0),
      '09:00–11:00',
      '“启动周”开幕式暨动员会',
      '领导讲话、百姓学习之星颁奖、社区学习成果展演',
      '金坛区社区学院报告厅',
      186,
      '签到 170 人次 + 现场登记 16 人次',
    ),
    activity(
      'e2',
      addDays(WEEK_START, 0),
      '14:00–16:00',
      '智能手机应用培训',
      '面向老年人，讲解微信支付、健康码、网上挂号',
      '东城街道社区教育中心',
      45,
      '签到 42 人次 + 现场登记 3 人次',
    ),
    activity(
      'e3',
      addDays(WEEK_START, 0),
      '19:00–21:00',
      '家庭教育讲座',
      '“双减”背景下的亲子沟通',
      '西城街道文化站',
      60,
      '签到 60 人次',
    ),
  ],
  [
    activity(
      'e4',
      addDays(WEEK_START, 1),
      '09:00–11:30',
      '茶艺体验课',
      '金坛雀舌冲泡与品鉴',
      '薛埠镇茶文化馆',
      32,
      '签到 30 人次 + 现场登记 2 人次',
    ),
    activity(
      'e5',
      addDays(WEEK_START, 1),
      '全天',
      '线上终身学习知识竞答',
      '“全民智学”网络答题',
      '线上（金坛学习在线）',
      300,
      '线上填报 300 人次',
    ),
  ],
  [],
  [
    activity(
      'e6',
      addDays(WEEK_START, 3),
      '14:00–16:30',
      '非遗刻纸工作坊',
      '金坛刻纸技艺讲解与动手制作，作品现场展示，优秀作品入选社区学习成果展',
      '尧塘街道社区教育中心二楼多功能厅',
      28,
      '签到 28 人次',
    ),
  ],
  [],
  [
    activity(
      'e7',
      addDays(WEEK_START, 5),
      '09:00–11:00',
      '职工技能微课堂',
      '电工安全操作规范',
      '金坛经济开发区职工学校',
      75,
      '签到 75 人次',
    ),
    activity(
      'e8',
      addDays(WEEK_START, 5),
      '15:00–17:00',
      '社区读书会',
      '共读《乡土中国》',
      '华城社区图书室',
      18,
      '签到 18 人次',
    ),
  ],
  [],
];

export const TOTAL_VISITS = ACTIVITIES.flat().reduce((sum, row) => sum + row.participants.value, 0);

export function f1Data(): F1Data {
  return {
    title: '金坛区2020-2021年度全民终身学习活动“启动周”活动情况统计表',
    unitName: '常州市金坛区社区培训学院',
    leader: '',
    organizingUnits: '金坛区教育局、金坛区社区教育委员会办公室',
    participatingUnits: '东城街道、西城街道、薛埠镇、尧塘街道社区教育中心，金坛经济开发区职工学校',
    contact: { name: '凌东', position: '职业教育与终身教育科科长', phone: '0519-82801837', email: 'jtjyzsk@126.com' },
    mobilisation: {
      time: '11月14日 09:00–11:00',
      place: '金坛区社区学院报告厅',
      participants: { value: 186, basis: '签到 170 人次 + 现场登记 16 人次' },
    },
    theme: '全民智学，助力“双战双赢”',
    days: ACTIVITIES.map((rows, i) => {
      const day = addDays(WEEK_START, i);
      return { day, label: dayLabel(day), rows };
    }),
    total: { value: TOTAL_VISITS, basis: `8 项活动合计 ${TOTAL_VISITS} 人次，去重后 590 人` },
    footnote:
      '注：此表纸质稿盖章拍照后于 2020 年 10 月 30 日前发至区教育局职业教育与终身教育科专用邮箱（jtjyzsk@126.com）。',
  };
}

export function f2Data(mode: 'plan' | 'actual' = 'plan'): F2Data {
  return {
    title: '“全民终身学习推进周”活动项目安排表',
    unitName: '常州市金坛区社区培训学院',
    contactName: '葛俊芬',
    contactPhone: '86857035',
    mode,
    rows: ACTIVITIES.flat(),
    total: { value: TOTAL_VISITS, basis: `8 项活动合计 ${TOTAL_VISITS} 人次，去重后 590 人` },
  };
}

export function f3Data(): F3Data {
  return {
    title: '2021年南昌市全民终身学习活动周总结表',
    district: '青山湖区',
    hostsAndCoHosts: '主办：青山湖区教育体育局；协办：青山湖区社区教育学院、各街道办事处',
    leadership: {
      issuingDepartment: '青山湖区教育体育局',
      attendingLeaders: '区委常委、宣传部部长；区政府副区长',
      coordinatingDepartment: '区教体局职成科',
      planningDepartment: '青山湖区社区教育学院',
    },
    participation: {
      areas: { value: '街道（乡镇）共 12 个，参与活动 9 个', basis: '辖区街道乡镇 12 个；举办或参与活动的 9 个' },
      venues: { value: '主会场 1 个，分会场 8 个', basis: '开幕式会场 1 个；其他有活动的场地 8 个' },
      participants: { value: '3260 人次（2980 人）', basis: '签到 2860 人次 + 现场登记 100 人次 + 线上填报 300 人次' },
      highlights: '“百姓学习之星”事迹分享会；老年人智能手机培训进社区',
    },
    themeAndContent: {
      theme: '全民智学，服务乡村振兴',
      content: '开幕式、技能培训、读书会、非遗体验、线上竞答等 28 项活动',
      results: '居民参与积极，形成了一批可复制的社区学习项目。',
      period: { value: '2021年11月14日至11月20日', basis: '第一项活动 11月14日，最后一项活动 11月20日' },
    },
    reach: {
      scope: {
        value: '湖坊镇、上海路街道、京东镇等 9 个街道（乡镇），区图书馆、江铃集团等 14 家单位',
        basis: '举办或参与活动的街道与单位，按活动记录汇总',
      },
      satisfaction: {
        value: '92.4%（4 分及以上 412 份 / 共 446 份评价）',
        basis: '参加者活动后 1–5 分评价，4 或 5 分占比',
      },
      selfAssessment: '组织有序，覆盖面广，群众满意。',
    },
    publicity: {
      range: '区教体局官网、微信公众号，南昌日报',
      articles: '南昌日报 2 篇，微信公众号 6 篇',
      media: '活动照片 120 张，视频 3 段',
    },
    other: '',
  };
}

export function attendanceLines(): AttendanceLine[] {
  return [
    {
      eventTitle: '智能手机应用培训',
      day: '2020-11-14',
      time: '13:52',
      name: '王秀英',
      phone: '138****5678',
      party: 1,
      method: '扫码',
      offline: false,
      answers: '年龄段：60岁及以上；所在村/社区：尧塘村',
    },
    {
      eventTitle: '智能手机应用培训',
      day: '2020-11-14',
      time: '13:55',
      name: '现场来宾',
      phone: '',
      party: 3,
      method: '现场登记',
      offline: true,
      answers: '',
    },
    {
      eventTitle: '茶艺体验课',
      day: '2020-11-15',
      time: '08:47',
      name: '李建国',
      phone: '139****0021',
      party: 2,
      method: '手工',
      offline: false,
      answers: '',
    },
  ];
}
