export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/mine/index',
    'pages/event/index',
    'pages/signup/index',
    'pages/privacy/index',
    'pages/code/index',
    // Opened from an organizer's invitation QR code: in the main package, so it opens at once.
    'pages/invite/index',
    'pages/notices/index',
    'pages/reminders/index',
    'pages/honours/index',
    // 我的日程: my sign-ups by day, opened from 我的报名.
    'pages/schedule/index',
    // 自助签到: opened by scanning a venue code at an activity without door staff.
    'pages/self-checkin/index',
  ],
  // Door staff pages load only when opened, so the residents' main package stays small.
  subPackages: [
    {
      root: 'staff',
      pages: ['events/index', 'scan/index', 'roster/index', 'walkin/index', 'venue/index'],
    },
    // 组织者工作台 (实时统计, 统计报表) and 活动周筹备 (活动周, 单位, 工作人员与邀请, 活动管理与审核,
    // 海报, 筹备日志): ECharts loads only with this subpackage.
    {
      root: 'organizer',
      pages: [
        'dashboard/index',
        'forms/index',
        'campaign/index',
        'orgs/index',
        'staff/index',
        'events/index',
        'event-edit/index',
        'poster/index',
        'audit/index',
        'evaluation/index',
        'honours/index',
        // 上报任务: the reporting chain (issue, track, return/approve, submit, .zip).
        'reports/index',
        'levels/index',
      ],
    },
  ],
  // Privacy APIs wait for the user's consent (components/privacy-gate.tsx); on by default since 2023.
  __usePrivacyCheck__: true,
  // Inject only the components a page uses when it loads (DevTools' code-quality check).
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '全民终身学习活动周',
    navigationBarTextStyle: 'black',
    // WeChat's default; on H5 it turns on Taro's title bar, with 返回 (or 首页 on a page opened by
    // a link), so that sub-pages on the web have a title and a way back.
    navigationStyle: 'default',
    backgroundColor: '#f4f5f7',
  },
  tabBar: {
    color: '#333333',
    selectedColor: '#0b5394',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '活动',
        iconPath: 'assets/tabbar/events.png',
        selectedIconPath: 'assets/tabbar/events-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的报名',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
});
