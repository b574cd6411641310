/**
 * The tamper-evident audit log (trust, programmes.md §5): an object's trail and its verification for whoever may
 * see the object, the daily link of the platform chain, and the verification of everything.
 */
import type { AuditedType, AuditEvent, AuditTrail, AuditVerdict, SessionUser } from '@jiebang/shared';
import { isAdmin, isMinistry, organiserPrincipalOf, provinceOf } from '../auth/roles';
import { anchorDigest, dayHash, GENESIS, verifyChain, type AnchorLine, type ChainBreak } from '../domain/audit-hash';
import { NotFound } from '../domain/errors';
import type { AuditRepository, ChainDay } from '../store/dynamo-audit';
import { shanghaiDay } from '../store/events';
import { eventKeys, keys } from '../store/keys';
import type { Repositories } from '../store';
import type { DynamoEventRepository } from '../store/dynamo-events';
import { canSee } from './applications';
import { viewerOf } from './demands';

/** The partition an object's trail lives in: the object's own (campaigns share one). */
export function objectPKOf(type: AuditedType, id: string): string {
  switch (type) {
    case 'demand':
      return keys.demand(id).PK;
    case 'application':
      return keys.application(id).PK;
    case 'org':
      return keys.org(id).PK;
    case 'campaign':
      return keys.campaignPartition;
    case 'event':
      return eventKeys.event(id).PK;
  }
}

export interface AuditDeps {
  user: SessionUser;
  repos: Pick<Repositories, 'demands' | 'applications' | 'orgs' | 'campaigns'> & {
    audit: AuditRepository;
    events: Pick<DynamoEventRepository, 'getEvent'>;
  };
}

const notFound = () => new NotFound('对象不存在或您无权查看其操作记录');

/** Whoever may see the object may see its trail (the same rules as its own GET); 404 to everyone else. */
async function assertVisible(type: AuditedType, id: string, d: AuditDeps): Promise<void> {
  const u = d.user;
  const authority = isMinistry(u) || isAdmin(u) || provinceOf(u) !== null;
  let visible = false;
  if (type === 'demand') {
    const demand = await d.repos.demands.get(id);
    visible = !!demand && viewerOf(u, demand) !== null;
  } else if (type === 'application') {
    const app = await d.repos.applications.get(id);
    visible = !!app && canSee(u, app);
  } else if (type === 'org') {
    const org = await d.repos.orgs.get(id);
    visible = !!org && (u.orgId === id || isMinistry(u) || isAdmin(u) || provinceOf(u) === org.authorityRegion);
  } else if (type === 'event') {
    // An event's trail names every registrant: its organiser's alone, like its registrations.
    const event = await d.repos.events.getEvent(id);
    visible = !!event && organiserPrincipalOf(u) === event.organiser.principal;
  } else {
    // The campaigns' trail is the ministry's settings: the authorities see it.
    visible = /^\d{4}$/.test(id) && authority && !!(await d.repos.campaigns.get(Number(id)));
  }
  if (!visible) throw notFound();
}

/** GET /v1/audit/{type}/{id} */
export async function getAuditTrail(type: AuditedType, id: string, d: AuditDeps): Promise<AuditTrail> {
  await assertVisible(type, id, d);
  const chain = await d.repos.audit.chain(objectPKOf(type, id));
  const events = [...chain.events].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)) as unknown as AuditEvent[];
  return { objectType: type, objectId: id, events };
}

/** GET /v1/audit/{type}/{id}/verify */
export async function verifyAuditTrail(type: AuditedType, id: string, d: AuditDeps): Promise<AuditVerdict> {
  await assertVisible(type, id, d);
  const chain = await d.repos.audit.chain(objectPKOf(type, id));
  const verdict = verifyChain(chain.events, chain.head, chain.anchored);
  const last = chain.anchored.at(-1);
  return { ...verdict, ...(last ? { anchoredDay: last.day } : {}) };
}

const DAY_MS = 86_400_000;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** With no link yet, the platform chain starts this many days back (covering the trails written before it ran). */
export const FIRST_LINK_LOOKBACK_DAYS = 30;

/**
 * The daily link of the platform chain: for each whole Shanghai day since the last link up to yesterday, the
 * heads of the objects whose trail moved that day, digested and linked to the previous day's hash. Idempotent:
 * a day already linked (by an earlier or a concurrent run) is left as it is. Returns the days linked.
 */
export async function anchorDays(now: Date, d: { audit: AuditRepository }): Promise<ChainDay[]> {
  const today = shanghaiDay(now);
  let last = await d.audit.lastDay();
  let day = last ? nextDay(last.day) : shanghaiDay(now.getTime() - FIRST_LINK_LOOKBACK_DAYS * DAY_MS);
  const linked: ChainDay[] = [];
  while (day < today) {
    const lines: AnchorLine[] = await d.audit.headsOfDay(day);
    const digest = anchorDigest(lines);
    const prevHash = last?.hash ?? GENESIS;
    const base = { day, digest, count: lines.length, prevHash };
    const link: ChainDay = {
      ...base,
      ...(last ? { prevDay: last.day } : {}),
      hash: dayHash(base),
      anchoredAt: now.toISOString(),
    };
    if (!(await d.audit.appendDay(link, lines))) {
      // Another run linked it first: continue after its link.
      last = await d.audit.lastDay();
      day = last ? nextDay(last.day) : day;
      continue;
    }
    linked.push(link);
    last = link;
    day = nextDay(day);
  }
  return linked;
}

/** One finding of the verification of everything. */
export interface Finding {
  where: string;
  breaks: ChainBreak[];
}

export interface EverythingReport {
  ok: boolean;
  days: number;
  objects: number;
  events: number;
  findings: Finding[];
}

/**
 * Verify the platform chain (each link's hash, its link to the day before, its digest against its lines) and
 * every object's trail it knows of — those the links cover and those that moved since the last link — against its
 * head and every anchor of it. A trail deleted with its head is found through the lines that anchored it.
 */
export async function verifyEverything(now: Date, d: { audit: AuditRepository }): Promise<EverythingReport> {
  const findings: Finding[] = [];
  const days = await d.audit.days();
  const objects = new Map<string, (AnchorLine & { day: string })[]>();
  let prev: ChainDay | null = null;
  for (const link of days) {
    const problems: ChainBreak[] = [];
    const expectedPrev = prev?.hash ?? GENESIS;
    if (link.prevHash !== expectedPrev || (prev && link.prevDay !== prev.day))
      problems.push({
        seq: 0,
        reason: 'missing',
        message: `${link.day} 的存证没有接上前一天（前一天的存证缺失或被改动）`,
      });
    if (link.hash !== dayHash({ day: link.day, digest: link.digest, count: link.count, prevHash: link.prevHash }))
      problems.push({ seq: 0, reason: 'altered', message: `${link.day} 的存证被改动过` });
    const lines = await d.audit.anchorLines(link.day);
    if (lines.length !== link.count || anchorDigest(lines) !== link.digest)
      problems.push({ seq: 0, reason: 'anchor_mismatch', message: `${link.day} 存证所列的对象被删除或改动过` });
    for (const l of lines) objects.set(l.objectPK, [...(objects.get(l.objectPK) ?? []), { ...l, day: link.day }]);
    if (problems.length > 0) findings.push({ where: `平台存证链 ${link.day}`, breaks: problems });
    prev = link;
  }
  // Trails that moved after the last link are not anchored yet: found by the day their head was last written.
  const today = shanghaiDay(now);
  for (
    let day = prev ? nextDay(prev.day) : shanghaiDay(now.getTime() - FIRST_LINK_LOOKBACK_DAYS * DAY_MS);
    day <= today;
    day = nextDay(day)
  ) {
    for (const h of await d.audit.headsOfDay(day)) if (!objects.has(h.objectPK)) objects.set(h.objectPK, []);
  }
  let events = 0;
  for (const [objectPK, anchored] of objects) {
    const chain = await d.audit.chain(objectPK);
    events += chain.events.length;
    const verdict = verifyChain(chain.events, chain.head, anchored);
    if (!verdict.ok) findings.push({ where: objectPK, breaks: verdict.breaks });
  }
  return { ok: findings.length === 0, days: days.length, objects: objects.size, events, findings };
}
