export default definePageConfig({
  navigationBarTitleText: '揭榜企业与政策支持',
  enablePullDownRefresh: true,
});
