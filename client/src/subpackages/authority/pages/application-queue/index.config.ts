export default definePageConfig({
  navigationBarTitleText: '揭榜申请审核',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
