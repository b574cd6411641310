/**
 * The idempotent demo seed. Every write is conditional (`createIfAbsent` / `create` put only when the item is
 * absent), so running it again changes nothing and only reports what already existed. Each record is validated
 * against its shared schema first, so demo data can never be something the API itself would refuse.
 *
 * Because every step is idempotent, a step whose request timed out is simply run again (./patience): on a busy
 * machine DynamoDB Local may take seconds per write while it warms up, which is slow, not wrong.
 */
import { campaignSchema, demandSchema, orgSchema, type Campaign, type Demand, type Org } from '@jiebang/shared';
import type { Store } from '../../functions/src/store';
import { repositories } from '../../functions/src/store';
import type { UserRecord } from '../../functions/src/store/repositories';
import { DEMO_DIRECT_CONTACTS, demoCampaign } from './campaign';
import { ORG_IDS } from './orgs';
import { DynamoDirectContactRepository } from '../../functions/src/store/dynamo-direct-contacts';
import { demoDemands } from './demands';
import { demoOrgs } from './orgs';
import { demoUsers } from './users';
import { SEED_APPLICATIONS, seedEvaluation } from './evaluation';
import { patience, type Patience, type PatienceOptions } from './patience';
// statistics
import { seedStatsHistory } from './stats';
// events (百场万企)
import { seedEvents } from './events';
import { seedLibrary, type LibrarySeedReport } from './library';

export interface SeedData {
  campaign: Campaign;
  orgs: Org[];
  users: UserRecord[];
  demands: Demand[];
}

export interface SeedCount {
  created: number;
  existing: number;
}

export interface SeedReport {
  campaigns: SeedCount;
  orgs: SeedCount;
  users: SeedCount;
  demands: SeedCount;
  /** Released applications of the evaluation demo. */
  applications: SeedCount;
  /** Records of the statistics history (demands and applications of the past months) written by this run. */
  history: number;
  /** events (百场万企): demo events created by this run. */
  events?: number;
  /** 科技成果赋智 (library area): institutions, achievements, profiles, demands' matching terms (created). */
  library?: LibrarySeedReport;
  /** Milliseconds taken. */
  ms: number;
}

/** The demo data for a seed at `now` (validated). Exposed so that tests can refer to what the seed wrote. */
export function seedData(now: Date = new Date()): SeedData {
  const campaign = campaignSchema.parse(demoCampaign(now));
  const orgs = demoOrgs(now).map((o) => orgSchema.parse(o) as Org);
  const users = demoUsers(now);
  const demands = demoDemands(orgs, now).map((d) => demandSchema.parse(d) as Demand);
  return { campaign, orgs, users, demands };
}

async function count<T>(
  p: Patience,
  kind: string,
  items: readonly T[],
  name: (item: T) => string,
  write: (item: T) => Promise<boolean>,
): Promise<SeedCount> {
  const results = await p.each((item) => `${kind} ${name(item)}`, items, write);
  const created = results.filter(Boolean).length;
  return { created, existing: results.length - created };
}

/**
 * Seed `store` with the demo data. Safe to run any number of times, and to interrupt: a step that times out is
 * retried (see `PatienceOptions`), and the seed fails only when no step has succeeded for a long while.
 */
export async function seed(store: Store, now: Date = new Date(), options: PatienceOptions = {}): Promise<SeedReport> {
  const started = Date.now();
  const data = seedData(now);
  const repos = repositories(store);
  const p = patience(options);
  const campaigns = await count(
    p,
    'campaign',
    [data.campaign],
    (c) => String(c.year),
    (c) => repos.campaigns.createIfAbsent(c),
  );
  const orgs = await count(
    p,
    'enterprise',
    data.orgs,
    (o) => o.id,
    (o) => repos.orgs.create(o),
  );
  const users = await count(
    p,
    'user',
    data.users,
    (u) => u.id,
    // As registration and invites write it: the membership carries the enterprise's credit code (recommendations).
    (u) => {
      const code = data.orgs.find((o) => o.id === u.orgId)?.creditCode;
      return repos.users.createIfAbsent(code ? { ...u, orgCreditCode: code } : u);
    },
  );
  const demands = await count(
    p,
    'demand',
    data.demands,
    (d) => d.id,
    (d) => repos.demands.createIfAbsent(d),
  );
  // 221号 to the letter (issue 16): the departments' lists of contacted enterprises (idempotent adds).
  const contacts = new DynamoDirectContactRepository(store);
  for (const c of DEMO_DIRECT_CONTACTS) {
    const o = data.orgs.find((x) => x.id === ORG_IDS[c.orgKey])!;
    await p.each(
      () => `direct contact ${o.id}`,
      [o],
      (org) =>
        contacts.add(
          {
            department: c.department,
            creditCode: org.creditCode,
            name: org.name,
            addedAt: now.toISOString(),
            addedBy: 'seed',
          },
          {
            objectType: 'department',
            objectId: c.department,
            action: 'add_contact',
            actor: { userId: 'seed', role: 'system' },
            at: now.toISOString(),
          },
        ),
    );
  }
  const created = await seedEvaluation(repos, data.orgs, data.demands, now, p);
  const total = Object.keys(SEED_APPLICATIONS).length;
  const applications = { created, existing: total - created };
  // statistics: months of decided demands and applications, so that the dashboards show something.
  const template = data.demands.find((d) => d.status === 'published')!;
  const history = await p.step('statistics history', () => seedStatsHistory(store, repos, data.orgs, template, now));
  // events (百场万企)
  const events = await seedEvents(store, data.orgs, now, p);
  const library = await seedLibrary(store, data.demands, now, p);
  return { campaigns, orgs, users, demands, applications, history, events, library, ms: Date.now() - started };
}

/** "campaigns 1 new · orgs 8 new · users 43 new · demands 17 new" (or "… existing"). */
export function formatSeedReport(r: SeedReport): string {
  const part = (name: string, c: SeedCount) =>
    [c.created ? `${c.created} created` : '', c.existing ? `${c.existing} existing` : ''].filter(Boolean).join(' + ') +
    ` ${name}`;
  return (
    [
      part('campaign', r.campaigns),
      part('enterprises', r.orgs),
      part('users', r.users),
      part('demands', r.demands),
      part('applications', r.applications),
      `${r.history} history records`,
      ...(r.library
        ? [`library ${r.library.institutions} institutions + ${r.library.achievements} achievements created`]
        : []),
    ].join(' · ') + ` (${r.ms} ms)`
  );
}
