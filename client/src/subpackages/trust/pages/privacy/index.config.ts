export default definePageConfig({
  navigationBarTitleText: '个人信息与账号',
});
