export default definePageConfig({
  navigationBarTitleText: '揭榜申请书',
});
