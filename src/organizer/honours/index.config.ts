export default definePageConfig({
  navigationBarTitleText: '评选推荐',
  enablePullDownRefresh: true,
});
