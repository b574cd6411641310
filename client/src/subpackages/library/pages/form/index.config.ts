export default definePageConfig({ navigationBarTitleText: '登记科技成果' });
