export default definePageConfig({
  navigationBarTitleText: '实时统计',
  enablePullDownRefresh: true,
});
