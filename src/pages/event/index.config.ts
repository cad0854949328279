export default definePageConfig({
  navigationBarTitleText: '活动详情',
  // 转发给朋友 (useShareAppMessage) and 分享到朋友圈.
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
