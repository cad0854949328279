export default definePageConfig({
  navigationBarTitleText: '自助签到码',
  pageOrientation: 'auto',
});
