export default definePageConfig({
  navigationBarTitleText: '需求目录 · 大企业发榜',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
