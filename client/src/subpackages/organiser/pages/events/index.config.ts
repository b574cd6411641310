export default definePageConfig({ navigationBarTitleText: '主办活动', enablePullDownRefresh: true });
