export default definePageConfig({
  navigationBarTitleText: '我的揭榜',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
