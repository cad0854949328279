export default definePageConfig({
  navigationBarTitleText: '上报任务',
  enablePullDownRefresh: true,
});
