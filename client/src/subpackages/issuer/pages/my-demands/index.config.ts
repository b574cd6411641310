export default definePageConfig({
  navigationBarTitleText: '我的发榜',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
