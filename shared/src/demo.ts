/**
 * Identities of the local demo (stage `local` only): the local WeChat stand-in answers `dev:<openid>` with that
 * openid, and the local seed grants these roles. The client's local sign-in picker lists them.
 */
export interface DemoIdentity {
  openid: string;
  label: string;
  group: '主管部门' | '发榜企业' | '揭榜企业' | '平台' | '访客';
}

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  { openid: 'ministry', label: '工业和信息化部 中小企业局', group: '主管部门' },
  { openid: 'province-440000', label: '广东省中小企业主管部门', group: '主管部门' },
  { openid: 'province-440300', label: '深圳市中小企业主管部门', group: '主管部门' },
  { openid: 'province-330200', label: '宁波市中小企业主管部门', group: '主管部门' },
  { openid: 'province-110000', label: '北京市中小企业主管部门', group: '主管部门' },
  // 221号 to the letter (issue 16): a ministry department (相关司局) keeps its list for the direct channel.
  { openid: 'department-equipment_1', label: '工业和信息化部 装备工业一司', group: '主管部门' },
  { openid: 'issuer-admin', label: '华夏重工集团（发榜企业管理员）', group: '发榜企业' },
  { openid: 'issuer-reviewer', label: '华夏重工集团（评审专家）', group: '发榜企业' },
  { openid: 'sme-admin', label: '深圳精测科技（揭榜中小企业）', group: '揭榜企业' },
  { openid: 'sme-admin-2', label: '宁波新材智造（揭榜中小企业）', group: '揭榜企业' },
  // 科技成果赋智 (library area)
  { openid: 'uni-admin', label: '华南理工大学（高校，成果单位）', group: '揭榜企业' },
  { openid: 'institute-admin', label: '深圳先进制造技术研究院（科研院所）', group: '揭榜企业' },
  { openid: 'tech-manager', label: '宁波市技术转移服务中心（技术经理人）', group: '揭榜企业' },
  { openid: 'uni-tech-manager', label: '华南理工大学（技术经理人）', group: '揭榜企业' },
  { openid: 'admin', label: '平台运营管理员', group: '平台' },
  { openid: 'visitor', label: '新用户（未加入企业）', group: '访客' },
];

/** Login code the local WeChat stand-in accepts for an openid. */
export const devLoginCode = (openid: string): string => `dev:${openid}`;
