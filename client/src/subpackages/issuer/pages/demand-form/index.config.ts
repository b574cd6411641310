export default definePageConfig({
  navigationBarTitleText: '填写需求表',
});
