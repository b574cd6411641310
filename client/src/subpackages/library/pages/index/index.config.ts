export default definePageConfig({ navigationBarTitleText: '科技成果库' });
