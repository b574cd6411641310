/** Personal-data rights (PIPL, programmes.md §5; api.md "Personal data"): download what is held, erase the account. */
import {
  eraseResponseSchema,
  myDataResponseSchema,
  privacyAcceptSchema,
  privacyStateSchema,
} from '../schemas/personal-data';
import { defineRoute } from './define';

export const myData = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/me/data',
  summary: '我的数据：平台保存的关于当前用户的全部个人信息（JSON，可下载）',
  response: myDataResponseSchema,
});

export const eraseMe = /* @__PURE__ */ defineRoute({
  method: 'DELETE',
  path: '/v1/me',
  summary:
    '注销账号：删除微信标识、姓名、订阅授权与个人消息，退出所属企业；企业、需求、申报等项目记录保留，' +
    '其中的本人显示为"已注销用户"。企业的最后一位管理员不能注销（422 LAST_ADMIN），主管部门账号由平台管理员处理（422 AUTHORITY_ACCOUNT）',
  response: eraseResponseSchema,
  errors: [422],
});

export const acceptPrivacy = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/me/privacy',
  summary: '同意隐私政策：记录所同意的版本与时间（只接受当前版本，422 PRIVACY_VERSION_STALE）',
  body: privacyAcceptSchema,
  response: privacyStateSchema,
  errors: [422],
});
