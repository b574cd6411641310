export default definePageConfig({
  navigationBarTitleText: '需求目录',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
