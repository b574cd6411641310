export default defineAppConfig({
  pages: ['pages/catalogue/index', 'pages/demand-detail/index', 'pages/mine/index', 'pages/inbox/index'],
  subPackages: [
    // 遴选与验收: the issuer's reviewers score, rank, select and record acceptance.
    { root: 'subpackages/reviewer', pages: ['demands/index', 'ranking/index', 'score/index', 'acceptance/index'] },
    // 揭榜: enterprise registration, the application form, 我的揭榜.
    {
      root: 'subpackages/sme',
      pages: ['register/index', 'apply/index', 'applications/index', 'application/index'],
    },
    // Authorities' pre-review of applications (demand review lives in subpackages/authority).
    { root: 'subpackages/authority-apps', pages: ['queue/index', 'detail/index'] },
    // 发榜: the issuer's demands and the 需求表.
    {
      root: 'subpackages/issuer',
      pages: ['pages/my-demands/index', 'pages/demand-form/index', 'pages/demand/index'],
    },
    // Authorities' review of demands (审核工作台).
    { root: 'subpackages/authority', pages: ['pages/review-queue/index', 'pages/review-demand/index'] },
  ],
  window: {
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '揭榜通',
    backgroundColor: '#f3f6fb',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#6b7689',
    selectedColor: '#1f5fbf',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/catalogue/index',
        text: '需求目录',
        iconPath: 'assets/tab-catalogue.png',
        selectedIconPath: 'assets/tab-catalogue-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab-mine.png',
        selectedIconPath: 'assets/tab-mine-active.png',
      },
    ],
  },
});
