/**
 * 221号 on paper (issue 16, item 6): the 大企业技术创新需求表 (附件1) from a demand, the 中小企业"揭榜"申请书 (附件3)
 * from an application and the 中小企业"揭榜"对接表 (附件2) from a selected application, as PDF to print and stamp
 * (the stamped scans are recorded by ./paper-scans.ts, which does not load the PDF code).
 *
 * Who may download a form is who may see its record (getDemand, getApplication: 404 otherwise); contacts are
 * printed as that viewer sees them (the ministry masked). The form's content is built first (cheap: the record
 * is read anyway to decide access) and its hash is the ETag, so a repeat download is 304 without rendering.
 */
import { createHash } from 'node:crypto';
import {
  COOPERATION_MODES,
  DEMAND_TYPES,
  DEPARTMENTS,
  FIELDS,
  INDUSTRIES,
  OUTCOME_FORMS,
  QUALIFICATIONS,
} from '@jiebang/shared/constants';
import { links } from '@jiebang/shared/links';
import { SIZE_LABELS } from '@jiebang/shared/rules/classification';
import { APPLICANT_CLASS_LABELS } from '@jiebang/shared/rules/application-state';
import { formatShanghai } from '@jiebang/shared/rules/deadline';
import { regionName } from '@jiebang/shared/rules/regions';
import type { Application } from '@jiebang/shared/schemas/application';
import type { Contact } from '@jiebang/shared/schemas/demand';
import type { Org } from '@jiebang/shared/schemas/org';
import { demandFormTitle, type SessionUser } from '@jiebang/shared';
import { Conflict, NotFound } from '../domain/errors';
import { maskContact } from '../domain/privacy';
import { FileCache } from '../exports/cache';
import { renderPaperForm, type FormRow, type FormSection, type PaperForm } from '../exports/pdf';
import type { Repositories } from '../store';
import { getApplication, type AppDeps } from './applications';
import { getDemand } from './demands';

export interface PaperDeps {
  repos: Pick<Repositories, 'demands' | 'orgs'> & Partial<Pick<Repositories, 'applications'>>;
  now: Date;
  /** The H5 client's origin (https://…): the QR code opens the record there; without one it names the page. */
  origin?: string | undefined;
}

export interface PaperFile {
  etag: string;
  file: () => Promise<{ filename: string; contentType: string; data: Buffer }>;
}

/** Change with the forms' layout or wording: the ETags change, clients download the new layout. */
const FORM_FORMAT = 1;
const NOTICE =
  '依据《工业和信息化部办公厅关于组织开展2024年度大企业“发榜”中小企业“揭榜”工作的通知》（工信厅企业函〔2024〕221号）';
const built = new FileCache(32, 8 * 1024 * 1024);

const yuan = (n: number | undefined) => (n === undefined ? '' : `${n} 万元`);
const contactText = (c: Contact | undefined) =>
  c ? [c.name, c.title, c.phone, c.email].filter(Boolean).join('，') : '';

export function recordLink(origin: string | undefined, page: string): string {
  return origin && /^https?:\/\/[^*]+$/.test(origin) ? `${origin.replace(/\/$/, '')}/#${page}` : page;
}

/** A form of the notice: its 附件 number, title, the record's id and address, its sections and stamp lines. */
function noticeForm(
  /** The notice's 附件 number; null for a form of our own (an SME's demand: 221号 has no form for it). */
  annex: number | null,
  title: string,
  id: string,
  link: string,
  sections: FormSection[],
  stamps: string[],
): PaperForm {
  const source = annex === null ? '科技成果赋智\u3000中小企业发榜' : `${NOTICE}\u3000附件${annex}`;
  return { title, subtitle: `${source}\u3000编号 ${id}`, link, sections, stamps };
}

function paperFile(kind: string, filename: string, form: PaperForm): PaperFile {
  const key = createHash('sha256')
    .update(JSON.stringify([kind, FORM_FORMAT, form]))
    .digest('base64url')
    .slice(0, 32);
  return {
    etag: `"${key}"`,
    file: async () => {
      const hit = built.get(key);
      if (hit) return hit;
      const file = { filename, contentType: 'application/pdf', data: await renderPaperForm(form) };
      built.set(key, file);
      return file;
    },
  };
}

/** The region's name; a district the table does not name is shown by its province (or 计划单列市). */
const placeOf = (org: Org) => {
  const name = regionName(org.region);
  return name === org.region ? regionName(org.authorityRegion) : name;
};

function enterpriseRows(org: Org | null, fallback: { name: string; creditCode?: string }): FormRow[] {
  return [
    { label: '企业名称', value: org?.name ?? fallback.name },
    { label: '统一社会信用代码', value: org?.creditCode ?? fallback.creditCode ?? '' },
    { label: '所在地区', value: org ? placeOf(org) : '' },
    { label: '所属行业', value: org ? INDUSTRIES[org.industry] : '' },
    { label: '企业规模', value: org?.size ? SIZE_LABELS[org.size] : '' },
    {
      label: '从业人员 / 营业收入 / 资产总额',
      value: org
        ? [org.employees === undefined ? '' : `${org.employees} 人`, yuan(org.revenue), yuan(org.assets)]
            .map((v) => v || '—')
            .join(' / ')
        : '',
    },
  ];
}

/** GET /v1/demands/{id}/paper: the 大企业技术创新需求表 (附件1); an SME's own demand prints as 中小企业技术需求表. */
export async function demandPaperPdf(user: SessionUser, id: string, d: PaperDeps): Promise<PaperFile> {
  const demand = await getDemand(id, { user, demands: d.repos.demands });
  const org = await d.repos.orgs.get(demand.issuerOrgId);
  const title = demandFormTitle(demand.track);
  const form = noticeForm(
    demand.track === 'sme' ? null : 1,
    title,
    demand.id,
    recordLink(d.origin, links.issuerDemand(demand.id)),
    [
      {
        heading: '一、企业基本情况',
        rows: enterpriseRows(org, { name: demand.issuerName, creditCode: demand.issuerCreditCode }),
      },
      {
        heading: '二、需求情况',
        rows: [
          { label: '需求名称', value: demand.title },
          { label: '所属领域', value: FIELDS[demand.field] },
          { label: '《产业基础创新发展目录》类别', value: demand.catalogueCategory ?? '' },
          { label: '需求类型', value: DEMAND_TYPES[demand.demandType] },
          { label: '需求背景及现状', value: demand.background },
          { label: '关键技术难点', value: demand.difficulties },
          {
            label: '主要技术指标',
            value: demand.indicators.map((i, n) => `${n + 1}. ${i.name}：${i.target}`).join('\n'),
          },
          { label: '预期成果形式', value: demand.outcomeForms.map((k) => OUTCOME_FORMS[k]).join('、') },
          { label: '合作方式', value: demand.cooperationModes.map((k) => COOPERATION_MODES[k]).join('、') },
          {
            label: '预算',
            value: demand.budget.negotiable
              ? `面议${demand.budget.amount === undefined ? '' : `（参考 ${yuan(demand.budget.amount)}）`}`
              : yuan(demand.budget.amount),
          },
          { label: '期望完成时间', value: demand.expectedCompletion },
          { label: '揭榜截止时间', value: `${formatShanghai(demand.applicationDeadline)}（北京时间）` },
          { label: '是否公开企业名称', value: demand.anonymous ? '否（需求目录中不显示企业名称）' : '是' },
          { label: '联系人', value: contactText(demand.contact) },
          {
            label: '报送渠道',
            value:
              demand.channel === 'ministry'
                ? `工业和信息化部相关司局组织联系${demand.department ? `（${DEPARTMENTS[demand.department]}）` : ''}`
                : `省级中小企业主管部门（${regionName(demand.region)}）`,
          },
        ],
      },
    ],
    ['企业（盖章）：', '法定代表人或授权代表（签字）：', '日期：\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日'],
  );
  return paperFile('demand', `${title}-${demand.id}.pdf`, form);
}

async function visibleApplication(user: SessionUser, id: string, d: PaperDeps): Promise<Application> {
  // getApplication reads only the applications repository.
  return getApplication(user, id, { repos: d.repos as AppDeps['repos'], now: d.now });
}

/** Contacts as the viewer may see them: whole for the enterprise itself, masked for everyone else. */
const orgAsSeen = (user: SessionUser, org: Org | null): Org | null =>
  org && user.orgId !== org.id ? { ...org, contact: maskContact(org.contact) } : org;

/** GET /v1/applications/{id}/paper: the 大中小企业融通创新项目中小企业“揭榜”申请书 (附件3). */
export async function applicationPaperPdf(user: SessionUser, id: string, d: PaperDeps): Promise<PaperFile> {
  const app = await visibleApplication(user, id, d);
  const org = orgAsSeen(user, await d.repos.orgs.get(app.orgId));
  const form = noticeForm(
    3,
    '大中小企业融通创新项目中小企业“揭榜”申请书',
    app.id,
    recordLink(d.origin, links.applicantApplication(app.id)),
    [
      {
        heading: '一、揭榜需求',
        rows: [
          { label: '需求名称', value: app.demandTitle },
          { label: '需求编号', value: app.demandId },
        ],
      },
      {
        heading: '二、申请企业基本情况',
        rows: [
          ...enterpriseRows(org, { name: app.orgName }),
          { label: '企业资质', value: (org?.qualifications ?? []).map((q) => QUALIFICATIONS[q]).join('、') || '无' },
          { label: '联系人', value: contactText(org?.contact) },
        ],
      },
      {
        heading: '三、团队水平',
        rows: [
          { label: '项目负责人', value: `${app.team.leader.name}（${app.team.leader.title}）` },
          { label: '团队人数 / 研发人员', value: `${app.team.memberCount} 人 / ${app.team.rndStaffCount} 人` },
          { label: '骨干成员', value: app.team.keyMembers.map((m) => `${m.name}，${m.title}，${m.role}`).join('\n') },
        ],
      },
      {
        heading: '四、研发能力',
        rows: [
          { label: '研发投入占营业收入比例', value: `${app.capability.rndSpendingRatio}%` },
          { label: '发明专利', value: `${app.capability.inventionPatents} 项` },
          { label: '其他知识产权', value: app.capability.otherIp ?? '' },
          { label: '研发平台/实验室', value: app.capability.platforms ?? '' },
          { label: '相关项目经历', value: app.capability.pastProjects ?? '' },
        ],
      },
      {
        heading: '五、攻关方案',
        rows: [
          { label: '技术路线', value: app.plan.route },
          { label: '创新点', value: app.plan.innovations },
          { label: '进度安排', value: app.plan.milestones.map((m) => `${m.month}：${m.deliverable}`).join('\n') },
          { label: '预期成果', value: app.plan.expectedResults },
          { label: '风险及应对', value: app.plan.risks ?? '' },
          { label: '与需求匹配度', value: app.match },
          {
            label: '经费预算',
            value: app.budget ? `${yuan(app.budget.amount)}${app.budget.note ? `（${app.budget.note}）` : ''}` : '',
          },
        ],
      },
      {
        heading: '六、声明',
        rows: [],
        note:
          '本企业符合《中小企业划型标准规定》（工信部联企业〔2011〕300号），不是“发榜”大企业的子公司、控股公司、供应商等关联企业，' +
          '所填内容真实、准确，如有不实，愿承担相应责任。',
      },
    ],
    ['申请企业（盖章）：', '法定代表人（签字）：', '日期：\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日'],
  );
  return paperFile('application', `揭榜申请书-${app.id}.pdf`, form);
}

/** Statuses in which the issuer has chosen the SME (selected, then its 验收 either way). */
const CHOSEN = ['selected', 'accepted', 'acceptance_failed'];

/** GET /v1/applications/{id}/matchmaking-form: the 中小企业“揭榜”对接表 (附件2), once the issuer chose the SME. */
export async function matchmakingPdf(user: SessionUser, id: string, d: PaperDeps): Promise<PaperFile> {
  const app = await visibleApplication(user, id, d);
  if (!CHOSEN.includes(app.status))
    throw new Conflict('入选“揭榜”名单后才能生成对接表，请在发榜企业确定揭榜企业后再下载', 'NOT_SELECTED');
  const demand = await d.repos.demands.get(app.demandId);
  if (!demand) throw new NotFound('该需求不存在');
  const [sme, issuer] = await Promise.all([d.repos.orgs.get(app.orgId), d.repos.orgs.get(demand.issuerOrgId)]);
  // An anonymous issuer stays unnamed to the SME; the issuer itself and the authorities know it.
  const issuerHidden = demand.anonymous && user.orgId === app.orgId;
  const smeSeen = orgAsSeen(user, sme);
  const form = noticeForm(
    2,
    '中小企业“揭榜”对接表',
    app.id,
    recordLink(d.origin, links.applicantApplication(app.id)),
    [
      {
        heading: '一、“发榜”需求',
        rows: [
          { label: '需求名称', value: demand.title },
          { label: '所属领域', value: FIELDS[demand.field] },
          {
            label: '“发榜”企业',
            value: issuerHidden ? '（发榜企业选择不公开名称）' : (issuer?.name ?? demand.issuerName),
          },
          { label: '“发榜”企业所在地区', value: regionName(demand.region) },
        ],
      },
      {
        heading: '二、“揭榜”中小企业',
        rows: [
          { label: '企业名称', value: app.orgName },
          { label: '统一社会信用代码', value: sme?.creditCode ?? '' },
          { label: '所在地区', value: regionName(app.authorityRegion) },
          { label: '企业规模', value: APPLICANT_CLASS_LABELS[app.orgSize] },
          { label: '企业资质', value: (sme?.qualifications ?? []).map((q) => QUALIFICATIONS[q]).join('、') || '无' },
          { label: '联系人', value: contactText(smeSeen?.contact) },
        ],
      },
      {
        heading: '三、对接情况',
        rows: [
          { label: '入选日期', value: app.decidedAt ? formatShanghai(app.decidedAt).slice(0, 10) : '' },
          { label: '项目负责人', value: `${app.team.leader.name}（${app.team.leader.title}）` },
          { label: '攻关内容', value: app.plan.expectedResults },
          { label: '合作方式', value: demand.cooperationModes.map((k) => COOPERATION_MODES[k]).join('、') },
          { label: '经费预算', value: app.budget ? yuan(app.budget.amount) : '' },
        ],
      },
    ],
    ['“发榜”企业（盖章）：', '“揭榜”企业（盖章）：', '日期：\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日'],
  );
  return paperFile('matchmaking', `揭榜对接表-${app.id}.pdf`, form);
}
