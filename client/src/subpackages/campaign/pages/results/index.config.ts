export default definePageConfig({
  navigationBarTitleText: '揭榜名单',
  enablePullDownRefresh: true,
});
