export default definePageConfig({
  navigationBarTitleText: '筹备日志',
  enablePullDownRefresh: true,
});
