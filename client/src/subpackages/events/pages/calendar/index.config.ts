export default definePageConfig({
  navigationBarTitleText: '活动日历',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});
