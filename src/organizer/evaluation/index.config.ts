export default definePageConfig({
  navigationBarTitleText: '满意度抽样与组织奖评审',
  enablePullDownRefresh: true,
});
