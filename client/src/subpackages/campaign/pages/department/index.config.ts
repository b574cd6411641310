export default definePageConfig({
  navigationBarTitleText: '联系的大企业',
});
