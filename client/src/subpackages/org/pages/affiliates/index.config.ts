export default definePageConfig({
  navigationBarTitleText: '关联企业',
  backgroundTextStyle: 'dark',
});
