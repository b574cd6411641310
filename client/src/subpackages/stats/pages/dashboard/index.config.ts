export default definePageConfig({
  navigationBarTitleText: '统计看板',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
