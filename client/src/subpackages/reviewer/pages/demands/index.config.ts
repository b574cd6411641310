export default definePageConfig({
  navigationBarTitleText: '评审与遴选',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
