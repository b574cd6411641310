/**
 * Demo 百场万企 events: two upcoming (one with registrations — 深圳精测 approved, so `sme-admin` has a pass with its QR
 * code; 宁波新材 pending for the organiser `province-440000` to approve) and one closed event with accepted meetings
 * and confirmed outcomes (a contract of 500 万元 and an intention). Fixed ids, every write only when absent.
 */
import { eventSchema, type Org } from '@jiebang/shared';
import type { Store } from '../../functions/src/store';
import {
  DynamoEventRepository,
  type EventRecord,
  type MeetingRecord,
  type OutcomeRecord,
  type RegistrationRecord,
} from '../../functions/src/store/dynamo-events';
import { eventStatsRegion } from '../../functions/src/domain/stats';
import { newRegistration, registrationIdOf } from '../../functions/src/use-cases/events';
import { ORG_IDS } from './orgs';
import type { Patience } from './patience';
import { shanghaiDate } from './time';

export const SEED_EVENTS = {
  machineTools: '01JB0EVENT00000000000000001',
  nevSoe: '01JB0EVENT00000000000000002',
  closedMaterials: '01JB0EVENT00000000000000003',
} as const;

/** Check-in code of 深圳精测's pass at the machine-tools event (demo: typed at the console on H5). */
export const SEED_PASS_CODE = 'JC23MT45DEMO';

const at = (now: Date, days: number, hm: string) => new Date(`${shanghaiDate(now, days)}T${hm}:00+08:00`).toISOString();

function events(now: Date): EventRecord[] {
  const base = { coOrganisers: [] as string[], slotMinutes: 20, version: 2, approvedCount: 0, checkedInCount: 0 };
  return [
    {
      ...base,
      id: SEED_EVENTS.machineTools,
      type: 'chain',
      title: '“百场万企”大中小企业融通对接活动——工业母机产业链专场',
      chain: 'machine_tools',
      region: '440000',
      startsAt: at(now, 14, '09:00'),
      endsAt: at(now, 14, '17:00'),
      venue: '广州市琶洲国际会展中心 B 区 3 号馆',
      registrationDeadline: at(now, 12, '17:00'),
      capacity: 120,
      description:
        '聚焦数控系统、高速电主轴、精密功能部件等工业母机关键环节，组织链主企业发布配套需求，中小企业现场路演并一对一洽谈。',
      coOrganisers: ['广东省国资委', '广东省工商联', '广东省知识产权局'],
      status: 'published',
      organiser: { principal: 'authority:440000', name: '广东省中小企业主管部门' },
      approvedCount: 2,
      confirmedOutcomes: 0,
      contractAmount: 0,
      createdAt: at(now, -3, '10:00'),
      publishedAt: at(now, -2, '10:00'),
    },
    {
      ...base,
      id: SEED_EVENTS.nevSoe,
      type: 'soe',
      title: '“百场万企”走进央企——新能源汽车产业链闭门对接会',
      chain: 'new_energy_vehicles',
      region: '110000',
      startsAt: at(now, 30, '14:00'),
      endsAt: at(now, 30, '18:00'),
      venue: '北京市西城区 国资委会议中心',
      onlineUrl: 'https://meeting.example.cn/nev-soe',
      registrationDeadline: at(now, 25, '17:00'),
      capacity: 60,
      description: '中央企业发布动力电池、电驱系统、车规级芯片等领域的开放创新需求，邀请专精特新中小企业对接。',
      coOrganisers: ['国务院国资委'],
      status: 'published',
      organiser: { principal: 'ministry', name: '工业和信息化部' },
      confirmedOutcomes: 0,
      contractAmount: 0,
      createdAt: at(now, -5, '10:00'),
      publishedAt: at(now, -5, '11:00'),
    },
    {
      ...base,
      id: SEED_EVENTS.closedMaterials,
      type: 'provincial',
      title: '“百场万企”大中小企业融通对接活动——浙江省新材料专场',
      chain: 'new_materials',
      region: '330000',
      startsAt: at(now, -20, '09:00'),
      endsAt: at(now, -20, '17:30'),
      venue: '宁波国际会议中心',
      registrationDeadline: at(now, -23, '17:00'),
      description: '面向高性能复合材料、特种合金和功能涂层，组织大企业发布需求，现场签约一批融通合作项目。',
      coOrganisers: ['浙江省工商联'],
      status: 'published',
      organiser: { principal: 'authority:330000', name: '浙江省中小企业主管部门' },
      approvedCount: 3,
      checkedInCount: 2,
      confirmedOutcomes: 2,
      contractAmount: 500,
      createdAt: at(now, -40, '10:00'),
      publishedAt: at(now, -39, '10:00'),
    },
  ];
}

function registration(
  e: EventRecord,
  org: Org,
  role: 'host' | 'participant',
  texts: { needs?: string; offers?: string },
  state: Pick<RegistrationRecord, 'status'> & Partial<RegistrationRecord>,
): RegistrationRecord {
  const published = Date.parse(e.publishedAt!);
  return {
    ...newRegistration(e, org, {
      role,
      offers: texts.offers ?? '',
      needs: texts.needs ?? '',
      fields: [e.chain],
      demands: [],
      at: new Date(published + 86_400_000).toISOString(),
    }),
    version: state.status === 'pending' ? 1 : 2,
    ...(state.status !== 'pending' ? { decidedAt: new Date(published + 2 * 86_400_000).toISOString() } : {}),
    ...state,
  };
}

type MeetingPair = Pick<
  MeetingRecord,
  | 'id'
  | 'eventId'
  | 'statsRegion'
  | 'fromRegistrationId'
  | 'toRegistrationId'
  | 'fromOrgId'
  | 'toOrgId'
  | 'fromOrgName'
  | 'toOrgName'
>;
type OutcomePair = Pick<
  OutcomeRecord,
  | 'id'
  | 'eventId'
  | 'statsRegion'
  | 'byRegistrationId'
  | 'withRegistrationId'
  | 'byOrgId'
  | 'withOrgId'
  | 'byOrgName'
  | 'withOrgName'
>;

/** Write the demo events; returns how many events were created. */
export async function seedEvents(store: Store, orgs: readonly Org[], now: Date, p: Pick<Patience, 'step'>) {
  const repo = new DynamoEventRepository(store);
  const org = (id: string) => {
    const o = orgs.find((x) => x.id === id);
    if (!o) throw new Error(`seed: enterprise ${id} is missing`);
    return o;
  };
  const [mt, , closed] = events(now);
  const huaxia = org(ORG_IDS.huaxia);
  const jingce = org(ORG_IDS.jingce);
  const xincai = org(ORG_IDS.xincai);

  const regs: RegistrationRecord[] = [
    registration(
      mt!,
      huaxia,
      'host',
      { needs: '寻找五轴数控系统、高速电主轴和直线电机的国产配套企业，联合开展精度保持性攻关' },
      {
        status: 'approved',
        checkInCode: 'HX23MT45DEMO',
      },
    ),
    registration(
      mt!,
      jingce,
      'participant',
      { offers: '机床热误差补偿与在线精度检测系统，激光干涉测量，五轴数控系统精度标定' },
      {
        status: 'approved',
        checkInCode: SEED_PASS_CODE,
      },
    ),
    registration(mt!, xincai, 'participant', { offers: '高性能陶瓷轴承材料、电主轴用耐磨涂层' }, { status: 'pending' }),
    registration(
      closed!,
      huaxia,
      'host',
      { needs: '风电主轴轴承用特种合金与复合材料' },
      {
        status: 'approved',
        checkInCode: 'HX23NM45DEMO',
        checkedInAt: at(now, -20, '08:40'),
      },
    ),
    registration(
      closed!,
      xincai,
      'participant',
      { offers: '特种合金粉末冶金、耐磨复合涂层' },
      {
        status: 'approved',
        checkInCode: 'XC23NM45DEMO',
        checkedInAt: at(now, -20, '08:52'),
      },
    ),
    registration(
      closed!,
      jingce,
      'participant',
      { offers: '材料性能在线检测装备' },
      {
        status: 'approved',
        checkInCode: 'JC23NM45DEMO',
      },
    ),
  ];
  // Every meeting and outcome of the demo is between two registrants of the closed event.
  const pair = (from: Org, to: Org) => ({
    eventId: closed!.id,
    statsRegion: eventStatsRegion(closed!.region),
    from: { registrationId: registrationIdOf(closed!.id, from.id), orgId: from.id, orgName: from.name },
    to: { registrationId: registrationIdOf(closed!.id, to.id), orgId: to.id, orgName: to.name },
  });
  const meeting = (n: number, from: Org, to: Org, rest: Omit<MeetingRecord, keyof MeetingPair>): MeetingRecord => {
    const { from: f, to: t, ...common } = pair(from, to);
    return {
      id: `01JB0MEET1NG0000000000000${n}`,
      ...common,
      fromRegistrationId: f.registrationId,
      toRegistrationId: t.registrationId,
      fromOrgId: f.orgId,
      toOrgId: t.orgId,
      fromOrgName: f.orgName,
      toOrgName: t.orgName,
      ...rest,
    };
  };
  const outcome = (n: number, by: Org, withOrg: Org, rest: Omit<OutcomeRecord, keyof OutcomePair>): OutcomeRecord => {
    const { from: f, to: t, ...common } = pair(by, withOrg);
    return {
      id: `01JB0OUTC0ME0000000000000${n}`,
      ...common,
      byRegistrationId: f.registrationId,
      withRegistrationId: t.registrationId,
      byOrgId: f.orgId,
      withOrgId: t.orgId,
      byOrgName: f.orgName,
      withOrgName: t.orgName,
      ...rest,
    };
  };
  const meetings: MeetingRecord[] = [
    meeting(1, xincai, huaxia, {
      slotStart: at(now, -20, '10:00'),
      slotEnd: at(now, -20, '10:20'),
      status: 'accepted',
      note: '风电主轴轴承材料配套',
      createdAt: at(now, -22, '15:00'),
      decidedAt: at(now, -21, '09:00'),
    }),
    meeting(2, jingce, huaxia, {
      slotStart: at(now, -20, '10:20'),
      slotEnd: at(now, -20, '10:40'),
      status: 'accepted',
      createdAt: at(now, -22, '16:00'),
      decidedAt: at(now, -21, '09:10'),
    }),
  ];
  const outcomes: OutcomeRecord[] = [
    outcome(1, xincai, huaxia, {
      kind: 'contract',
      amount: 500,
      note: '特种合金轴承套圈材料年度供货',
      status: 'confirmed',
      createdAt: at(now, -20, '15:00'),
      confirmedAt: at(now, -19, '10:00'),
    }),
    outcome(2, jingce, huaxia, {
      kind: 'intention',
      status: 'confirmed',
      createdAt: at(now, -20, '16:00'),
      confirmedAt: at(now, -18, '10:00'),
    }),
  ];

  let created = 0;
  for (const e of events(now)) {
    eventSchema.parse(e); // demo data the API itself would answer
    if (await p.step(`event ${e.id}`, () => repo.createEventIfAbsent(e))) created++;
  }
  for (const r of regs) await p.step(`registration ${r.id}`, () => repo.createRegistrationIfAbsent(r));
  for (const m of meetings) await p.step(`meeting ${m.id}`, () => repo.createMeetingIfAbsent(m));
  for (const o of outcomes) await p.step(`outcome ${o.id}`, () => repo.createOutcomeIfAbsent(o));
  return created;
}
