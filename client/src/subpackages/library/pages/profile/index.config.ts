export default definePageConfig({ navigationBarTitleText: '单位画像' });
