export default definePageConfig({ navigationBarTitleText: '参会凭证', enablePullDownRefresh: false });
