export default definePageConfig({
  navigationBarTitleText: '审核揭榜申请',
});
