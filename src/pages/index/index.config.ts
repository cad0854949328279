export default definePageConfig({
  navigationBarTitleText: '全民终身学习活动周',
});
