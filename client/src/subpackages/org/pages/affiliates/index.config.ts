export default definePageConfig({
  navigationBarTitleText: '关联企业名单',
  backgroundTextStyle: 'dark',
});
