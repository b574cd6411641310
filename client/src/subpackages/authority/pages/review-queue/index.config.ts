export default definePageConfig({
  navigationBarTitleText: '审核工作台',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
