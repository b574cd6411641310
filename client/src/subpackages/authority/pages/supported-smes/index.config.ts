export default definePageConfig({
  // Four characters: the H5 header truncates longer titles ("揭榜企..." in the trust walk).
  navigationBarTitleText: '政策支持',
  enablePullDownRefresh: true,
});
