export default definePageConfig({ navigationBarTitleText: '记录验收' });
