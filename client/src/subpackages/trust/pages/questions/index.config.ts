export default definePageConfig({
  navigationBarTitleText: '答疑',
});
