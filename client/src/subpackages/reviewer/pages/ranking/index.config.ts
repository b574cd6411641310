export default definePageConfig({
  navigationBarTitleText: '评审排名',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
