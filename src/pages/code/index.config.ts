export default definePageConfig({
  navigationBarTitleText: '签到码',
  navigationBarBackgroundColor: '#ffffff',
  backgroundColor: '#ffffff',
});
