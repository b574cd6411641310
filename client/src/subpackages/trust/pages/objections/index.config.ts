export default definePageConfig({
  navigationBarTitleText: '公示异议',
});
