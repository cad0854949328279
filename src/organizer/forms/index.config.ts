export default definePageConfig({
  navigationBarTitleText: '统计报表',
});
