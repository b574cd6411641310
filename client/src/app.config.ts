export default defineAppConfig({
  pages: ['pages/catalogue/index', 'pages/demand-detail/index', 'pages/mine/index', 'pages/inbox/index'],
  // One layout for every subpackage: subpackages/<role>/pages/<page>/index, one subpackage per role.
  subPackages: [
    // 遴选与验收: the issuer's reviewers score, rank, select and record acceptance.
    {
      root: 'subpackages/reviewer',
      pages: ['pages/demands/index', 'pages/ranking/index', 'pages/score/index', 'pages/acceptance/index'],
    },
    // 揭榜: enterprise registration, the application form, 我的揭榜.
    {
      root: 'subpackages/sme',
      pages: ['pages/register/index', 'pages/apply/index', 'pages/applications/index', 'pages/application/index'],
    },
    // 发榜: the issuer's demands and the 需求表.
    {
      root: 'subpackages/issuer',
      pages: ['pages/my-demands/index', 'pages/demand-form/index', 'pages/demand/index'],
    },
    // 企业成员: any enterprise's members and their roles; its admin changes roles, removes members, invites.
    // 关联企业名单: an issuer's affiliates; its admin imports the supplier list from .xlsx.
    {
      root: 'subpackages/org',
      pages: ['pages/members/index', 'pages/join/index', 'pages/affiliates/index'],
    },
    // 221号 to the letter (issue 16): the year's deadlines (the ministry edits them, provinces set their cut-off);
    // a ministry department's list of contacted large enterprises (direct channel); the public 揭榜名单.
    {
      root: 'subpackages/campaign',
      pages: ['pages/campaign/index', 'pages/department/index', 'pages/results/index'],
    },
    // 科技成果赋智 (library area): the achievement library, the 成果 form, interests, the authority's review.
    {
      root: 'subpackages/library',
      pages: [
        'pages/index/index',
        'pages/achievement/index',
        'pages/form/index',
        'pages/interests/index',
        'pages/review/index',
        'pages/profile/index',
      ],
    },
    // Authorities: review of demands (审核工作台) and pre-review of applications.
    {
      root: 'subpackages/authority',
      pages: [
        'pages/review-queue/index',
        'pages/review-demand/index',
        'pages/application-queue/index',
        'pages/application-review/index',
        // policy support (issue 16, item 7)
        'pages/supported-smes/index',
      ],
    },
    // statistics: the authorities' dashboards and the 统计表 (附件6).
    {
      root: 'subpackages/stats',
      pages: ['pages/dashboard/index', 'pages/reports/index', 'pages/report/index'],
    },
    // events (百场万企): the calendar, an event and its registration, 我的活动 and the pass.
    {
      root: 'subpackages/events',
      pages: ['pages/calendar/index', 'pages/event/index', 'pages/mine/index', 'pages/pass/index'],
    },
    // events (百场万企): the organiser's events and console (registrations, pre-match list, check-in, export).
    {
      root: 'subpackages/organiser',
      pages: ['pages/events/index', 'pages/console/index', 'pages/event-form/index'],
    },
    // trust: an object's tamper-evident audit trail and its verification.
    {
      root: 'subpackages/trust',
      // pipl: pages/privacy (我的数据, account erasure)
      // publicity (公示): pages/objection (an enterprise objects), pages/objections (the ministry answers)
      pages: [
        'pages/audit/index',
        'pages/questions/index',
        'pages/privacy/index',
        'pages/objection/index',
        'pages/objections/index',
      ],
    },
  ],
  window: {
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '揭榜通',
    backgroundColor: '#f3f6fb',
    backgroundTextStyle: 'dark',
    // design (issue 18): the H5 build shows Taro's title bar (each page's navigationBarTitleText, a back button
    // below the first page); the mini-program's own bar is 'default' already.
    navigationStyle: 'default',
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
