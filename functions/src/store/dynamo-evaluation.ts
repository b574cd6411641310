/**
 * Evaluation, selection and acceptance storage (遴选与验收). One partition per demand (`DEMAND#<id>#EVAL`):
 *
 * - an **entry** per released application (`APP#<id>`): a small copy of the application's public part (enterprise
 *   name, size, region, status) and the running sums of its score sets (sumTeam … sumMatch, scoreCount), plus the
 *   set of reviewers who scored it. The application repository writes the copy in the same transaction as every
 *   change of an application that has been released (`evaluationEntrySync`), and each score put ADDs its delta to
 *   the sums in the score's own transaction. So the ranking is a Query of small entries — never a read of every
 *   score set — and the "released applications" list is the same Query.
 * - a **score set** per reviewer and application (`SCORE#<appId>#<userId>`), replaced by the reviewer until the
 *   decision, with its version (optimistic lock: the delta added to the sums is exact only against the set it
 *   replaces).
 * - the **decision** (`DECISION`): one per demand, created with attribute_not_exists in the selection
 *   transaction, which is also conditional on the demand's status and version.
 *
 * Result lines of the 揭榜名单 (`RESULTS#<year>` and `RESULTS#<year>#REGION#<region>`) are written by the
 * selection transaction too. They never hold an anonymous issuer's name. Each transaction that writes them (the
 * selection, an acceptance) also counts the change on the year's version item (E6), which the exports read.
 */
import type { Demand } from '@jiebang/shared';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { catalogueWrites } from './dynamo-demands';
import type { Store } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { queryPage } from './query-page';
import { queryAll } from './query-all';
import { auditPut, notificationPut } from './events';
import { fromItem, getRecord } from './items';
import { EVALUATION_ENTITY, evaluationKeys as ek, keys, publicityKeys } from './keys';
import type { DemandChange, Page } from './repositories';
import { named, transact, TransactionRefused, transactionSize, type NamedItem, type TransactItem } from './transact';
import { counterUpdates, countChange } from './counters';
import { applicationContribution, demandContribution, selectionContribution } from '../domain/stats';
import type { ApplicationChange, ApplicationRecord } from './dynamo-applications';
import type { Acceptance, ApplicationStatus, CriterionScores, SelectedSmeLine } from '@jiebang/shared';

/** An application as the evaluation sees it: public part, status and running score sums. */
export interface EvaluationEntry {
  applicationId: string;
  demandId: string;
  orgId: string;
  orgName: string;
  orgSize: ApplicationRecord['orgSize'];
  authorityRegion: string;
  status: ApplicationStatus;
  releasedAt?: string;
  sums: CriterionScores;
  scoreCount: number;
  /** Bumped by every score put: the selection makes its threshold exact with a condition on it. */
  scoreVersion: number;
  scoredBy: string[];
}

export interface StoredScoreSet {
  applicationId: string;
  demandId: string;
  reviewerId: string;
  team: number;
  capability: number;
  plan: number;
  match: number;
  comment?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DecisionRecord {
  demandId: string;
  outcome: 'selected' | 'no_selection';
  applicationIds: string[];
  justification: string;
  shareComments: boolean;
  lowestSelectedTotal: number | null;
  weights: CriterionScores;
  decidedAt: string;
  decidedBy: string;
  notSelectedCount: number;
  fanoutPending: boolean;
}

/** A result line as stored (the public list projects the public part; see use-cases/results.ts). */
export type StoredResultLine = SelectedSmeLine & { anonymous: boolean; campaignYear: number };

const SUM_ATTRS = { team: 'sumTeam', capability: 'sumCapability', plan: 'sumPlan', match: 'sumMatch' } as const;

function entryOf(item: Record<string, unknown>): EvaluationEntry {
  const r = fromItem<Record<string, unknown>>(item);
  const n = (k: string) => (typeof r[k] === 'number' ? (r[k] as number) : 0);
  const scoredBy =
    r.scoredBy instanceof Set
      ? [...(r.scoredBy as Set<string>)]
      : Array.isArray(r.scoredBy)
        ? (r.scoredBy as string[])
        : [];
  return {
    applicationId: r.applicationId as string,
    demandId: r.demandId as string,
    orgId: r.orgId as string,
    orgName: r.orgName as string,
    orgSize: r.orgSize as EvaluationEntry['orgSize'],
    authorityRegion: r.authorityRegion as string,
    status: r.status as ApplicationStatus,
    ...(typeof r.releasedAt === 'string' ? { releasedAt: r.releasedAt } : {}),
    sums: {
      team: n(SUM_ATTRS.team),
      capability: n(SUM_ATTRS.capability),
      plan: n(SUM_ATTRS.plan),
      match: n(SUM_ATTRS.match),
    },
    scoreCount: n('scoreCount'),
    scoreVersion: n('scoreVersion'),
    scoredBy,
  };
}

/**
 * Transaction item for the application repository: bring the evaluation entry of a released application in line
 * with the application (status and public part), creating it with zero sums at release. An upsert without
 * condition: it rides along with the application's own conditional write, which decides.
 */
export function evaluationEntrySync(table: string, a: ApplicationRecord): TransactItem {
  return {
    Update: {
      TableName: table,
      Key: ek.entry(a.demandId, a.id),
      UpdateExpression:
        'SET entityType = :et, applicationId = :id, demandId = :d, orgId = :o, orgName = :on, orgSize = :os, ' +
        'authorityRegion = :r, #status = :s, releasedAt = :ra, ' +
        'sumTeam = if_not_exists(sumTeam, :z), sumCapability = if_not_exists(sumCapability, :z), ' +
        'sumPlan = if_not_exists(sumPlan, :z), sumMatch = if_not_exists(sumMatch, :z), ' +
        'scoreCount = if_not_exists(scoreCount, :z), scoreVersion = if_not_exists(scoreVersion, :z)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':et': EVALUATION_ENTITY.entry,
        ':id': a.id,
        ':d': a.demandId,
        ':o': a.orgId,
        ':on': a.orgName,
        ':os': a.orgSize,
        ':r': a.authorityRegion,
        ':s': a.status,
        ':ra': a.releasedAt ?? a.updatedAt,
        ':z': 0,
      },
    },
  };
}

/**
 * Transaction item: count a change of a year's result lines on its version item (E6) — the campaign partition's
 * counter, each touched region partition's, and the public part's when the change shows there (a selection does;
 * an acceptance changes only what the authorities see).
 */
export function resultsVersionBump(table: string, year: number, regions: string[], publicPart: boolean): TransactItem {
  const counters = [
    ...(publicPart ? [ek.resultsVersionCounter('public')] : []),
    ek.resultsVersionCounter('all'),
    ...[...new Set(regions)].map((region) => ek.resultsVersionCounter({ region })),
  ];
  return {
    Update: {
      TableName: table,
      Key: ek.resultsVersion(year),
      UpdateExpression: `SET entityType = :et ADD ${counters.map((_, i) => `#c${i} :one`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(counters.map((c, i) => [`#c${i}`, c])),
      ExpressionAttributeValues: { ':et': EVALUATION_ENTITY.resultsVersion, ':one': 1 },
    },
  };
}

/** One application's part of a selection: its new status, the entry, and what rides along. */
export interface ApplicationOutcome {
  entry: EvaluationEntry;
  to: 'selected' | 'not_selected';
  change: ApplicationChange;
  /** Selected only: the result lines to write (campaign list and the applicant's region list). */
  resultLines?: StoredResultLine[];
}

export interface SelectionWrite {
  before: Demand;
  after: Demand;
  demandChange: DemandChange;
  decision: DecisionRecord;
  outcomes: ApplicationOutcome[];
  // publicity (公示, issue 17)
  /** Lines of an earlier selection reopened by an upheld objection: deleted unless selected again (then replaced). */
  staleLines?: StoredResultLine[];
}

/** The name of the conditions of one application's outcome (still released, scores unchanged). */
const outcomeRefusal = (o: ApplicationOutcome) => `outcome_refused:${o.entry.applicationId}`;

/** Why the selection transaction was refused. */
export type SelectionRefusal = { kind: 'decided' } | { kind: 'application'; applicationId: string; selected: boolean };

export class SelectionRefused extends Error {
  constructor(readonly refusal: SelectionRefusal) {
    super(`selection refused: ${refusal.kind}`);
    this.name = 'SelectionRefused';
  }
}

/** Items a demand's selection transaction may hold at most (DynamoDB's limit). */
export const MAX_TRANSACTION_ITEMS = 100;

export class DynamoEvaluationRepository {
  constructor(private readonly store: Store) {}

  private get table() {
    return this.store.table;
  }

  /** Every item of a demand's evaluation partition whose sort key begins with `prefix` (all its pages). */
  private prefixed(demandId: string, prefix: string) {
    return queryAll(this.store, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': ek.partition(demandId), ':p': prefix },
    });
  }

  async getEntry(demandId: string, applicationId: string): Promise<EvaluationEntry | null> {
    const out = await this.store.doc.send(
      new GetCommand({ TableName: this.table, Key: ek.entry(demandId, applicationId) }),
    );
    return out.Item ? entryOf(out.Item) : null;
  }

  /** Every entry of a demand (withdrawn ones included): a paginated Query — one request up to ~2,500 entries. */
  async allEntries(demandId: string): Promise<EvaluationEntry[]> {
    return (await this.prefixed(demandId, ek.entryPrefix)).map(entryOf);
  }

  /** One page of a demand's released-or-later applications, in release-id order (withdrawn ones filtered out). */
  async listEntries(demandId: string, limit: number, cursor?: string): Promise<Page<EvaluationEntry>> {
    const pk = ek.partition(demandId);
    const out = await this.store.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        FilterExpression: '#status <> :w',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': pk, ':p': ek.entryPrefix, ':w': 'withdrawn' },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, pk),
      }),
    );
    return { items: (out.Items ?? []).map(entryOf), nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }

  async getScore(demandId: string, applicationId: string, reviewerId: string): Promise<StoredScoreSet | null> {
    return getRecord<StoredScoreSet>(this.store, ek.scoreSet(demandId, applicationId, reviewerId));
  }

  /** Every score set of one application (for shared comments): one Query. */
  async scoresOf(demandId: string, applicationId: string): Promise<StoredScoreSet[]> {
    return (await this.prefixed(demandId, ek.scoreSetPrefix(applicationId))).map((i) => fromItem<StoredScoreSet>(i));
  }

  /**
   * Put a reviewer's score set and add its delta to the entry's sums, in one transaction that also checks that
   * the demand is still undecided and the application still released. Throws TransactionRefused naming
   * `demand_decided` (decided meanwhile), `score_set_changed` (changed meanwhile) or `application_not_released`.
   */
  async putScore(set: StoredScoreSet, previous: StoredScoreSet | null, delta: CriterionScores): Promise<void> {
    await transact(this.store, [
      named('demand_decided', {
        ConditionCheck: {
          TableName: this.table,
          Key: keys.demand(set.demandId),
          ConditionExpression: '#status IN (:p, :e)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':p': 'published', ':e': 'evaluating' },
        },
      }),
      named('score_set_changed', {
        Put: {
          TableName: this.table,
          Item: {
            ...ek.scoreSet(set.demandId, set.applicationId, set.reviewerId),
            entityType: EVALUATION_ENTITY.scoreSet,
            ...set,
          },
          ...(previous
            ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } }
            : { ConditionExpression: 'attribute_not_exists(PK)' }),
        },
      }),
      named('application_not_released', {
        Update: {
          TableName: this.table,
          Key: ek.entry(set.demandId, set.applicationId),
          UpdateExpression:
            'ADD sumTeam :t, sumCapability :c, sumPlan :p, sumMatch :m, scoreCount :n, scoreVersion :one, scoredBy :me',
          ConditionExpression: '#status = :released',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':t': delta.team,
            ':c': delta.capability,
            ':p': delta.plan,
            ':m': delta.match,
            ':n': previous ? 0 : 1,
            ':one': 1,
            ':me': new Set([set.reviewerId]),
            ':released': 'released',
          },
        },
      }),
    ]);
  }

  async getDecision(demandId: string): Promise<DecisionRecord | null> {
    return getRecord<DecisionRecord>(this.store, ek.decision(demandId));
  }

  /** Transaction item: the demand's new state, refused (`demand_changed`) unless its status and version are those read. */
  private demandUpdate(before: Demand, after: Demand, extra: Record<string, unknown>): NamedItem {
    const sets = Object.keys(extra).map((k, i) => `#x${i} = :x${i}`);
    return named('demand_changed', {
      Update: {
        TableName: this.table,
        Key: keys.demand(before.id),
        UpdateExpression: ['SET #status = :to', '#version = :nv', 'updatedAt = :at', ...sets].join(', '),
        // Optimistic lock: the decision is taken on the state that was read, by exactly one request.
        ConditionExpression: '#status = :from AND #version = :v',
        ExpressionAttributeNames: {
          '#status': 'status',
          '#version': 'version',
          ...Object.fromEntries(Object.keys(extra).map((k, i) => [`#x${i}`, k])),
        },
        ExpressionAttributeValues: {
          ':to': after.status,
          ':nv': after.version,
          ':at': after.updatedAt,
          ':from': before.status,
          ':v': before.version,
          ...Object.fromEntries(Object.values(extra).map((v, i) => [`:x${i}`, v])),
        },
      },
    });
  }

  /**
   * The items of one application's outcome (status change of the application and its entry, audit, notices).
   * Their conditions (application still released, scores unchanged) are named `outcomeRefusal(o)`.
   */
  outcomeItems(o: ApplicationOutcome, at: string, exactScores: boolean): TransactItem[] {
    const refusal = outcomeRefusal(o);
    return [
      named(refusal, {
        Update: {
          TableName: this.table,
          Key: keys.application(o.entry.applicationId),
          UpdateExpression: 'SET #status = :to, #version = #version + :one, updatedAt = :at, decidedAt = :at',
          ConditionExpression: '#status = :released',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':to': o.to, ':one': 1, ':at': at, ':released': 'released' },
        },
      }),
      named(refusal, {
        Update: {
          TableName: this.table,
          Key: ek.entry(o.entry.demandId, o.entry.applicationId),
          UpdateExpression: 'SET #status = :to',
          // The selected entries' scores must be those the threshold was computed from.
          ...(exactScores
            ? {
                ConditionExpression: 'scoreVersion = :sv',
                ExpressionAttributeValues: { ':to': o.to, ':sv': o.entry.scoreVersion },
              }
            : { ExpressionAttributeValues: { ':to': o.to } }),
          ExpressionAttributeNames: { '#status': 'status' },
        },
      }),
      auditPut(this.table, keys.application(o.entry.applicationId).PK, o.change.audit),
      ...o.change.notifications.map((n) => notificationPut(this.table, n)),
      // Only the status and decidedAt change: what that adds to the application's contribution (domain/stats.ts).
      ...(o.to === 'selected'
        ? counterUpdates(this.table, [selectionContribution(o.entry.authorityRegion, o.entry.applicationId, at)])
        : []),
      ...(o.resultLines ?? []).map((line, i): TransactItem => ({
        Put: {
          TableName: this.table,
          Item: {
            ...ek.resultLine(
              line.campaignYear,
              i === 0 ? undefined : line.authorityRegion,
              line.demandId,
              line.applicationId,
            ),
            entityType: EVALUATION_ENTITY.resultLine,
            ...line,
          },
        },
      })),
    ];
  }

  /**
   * Items the fixed part of a selection transaction needs (demand, decision, catalogue cards, audit, notices, and
   * the version of the result lines when it selects anyone).
   */
  fixedItems(w: SelectionWrite): TransactItem[] {
    const lines = w.outcomes.flatMap((o) => o.resultLines ?? []);
    const chosen = new Set(lines.map((l) => l.applicationId));
    const stale = (w.staleLines ?? []).filter((l) => !chosen.has(l.applicationId));
    return [
      ...stale.flatMap((l) =>
        [undefined, l.authorityRegion].map((region): TransactItem => ({
          Delete: { TableName: this.table, Key: ek.resultLine(l.campaignYear, region, l.demandId, l.applicationId) },
        })),
      ),
      ...(lines.length > 0 || stale.length > 0
        ? [
            resultsVersionBump(
              this.table,
              w.before.campaignYear,
              [...lines, ...stale].map((l) => l.authorityRegion),
              true,
            ),
          ]
        : []),
      this.demandUpdate(w.before, w.after, {
        decidedAt: w.decision.decidedAt,
        acceptancePending: w.decision.applicationIds.length,
      }),
      named('demand_decided', {
        Put: {
          TableName: this.table,
          Item: { ...ek.decision(w.before.id), entityType: EVALUATION_ENTITY.decision, ...w.decision },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      }),
      auditPut(this.table, keys.demand(w.before.id).PK, w.demandChange.audit),
      ...w.demandChange.notifications.map((n) => notificationPut(this.table, n)),
      ...catalogueWrites(this.table, w.before, w.after),
      ...countChange(
        this.table,
        demandContribution(w.before),
        demandContribution({ ...w.after, decidedAt: w.decision.decidedAt }),
      ),
    ];
  }

  /**
   * The decision in one TransactWriteItems: the demand (conditional on the status and version read), the decision
   * item (attribute_not_exists), the selected applications (conditional on `released`, entries on the scores the
   * threshold was computed from) and the inline not-selected ones. Of 20 concurrent requests exactly one passes.
   */
  async decide(w: SelectionWrite): Promise<void> {
    const at = w.decision.decidedAt;
    const items = [...this.fixedItems(w), ...w.outcomes.flatMap((o) => this.outcomeItems(o, at, o.to === 'selected'))];
    if (transactionSize(items) > MAX_TRANSACTION_ITEMS)
      throw new Error(`selection transaction of ${items.length} items`);
    try {
      await transact(this.store, items);
    } catch (err) {
      if (!(err instanceof TransactionRefused)) throw err;
      if (err.by('demand_changed') || err.by('demand_decided')) throw new SelectionRefused({ kind: 'decided' });
      const o = w.outcomes.find((x) => err.by(outcomeRefusal(x)));
      if (o)
        throw new SelectionRefused({
          kind: 'application',
          applicationId: o.entry.applicationId,
          selected: o.to === 'selected',
        });
      throw err;
    }
  }

  /**
   * Fan-out after a decision too large for one transaction: mark `outcomes` (not-selected applications) in
   * transactions of at most 100 items. Idempotent: an application no longer `released` (already marked by an
   * earlier run, or withdrawn) is skipped. Returns how many were marked.
   */
  async fanOut(outcomes: ApplicationOutcome[], at: string): Promise<number> {
    let marked = 0;
    let batch: ApplicationOutcome[] = [];
    const flush = async () => {
      let pending = batch;
      batch = [];
      while (pending.length > 0) {
        try {
          await transact(
            this.store,
            pending.flatMap((o) => this.outcomeItems(o, at, false)),
          );
          marked += pending.length;
          return;
        } catch (err) {
          if (!(err instanceof TransactionRefused)) throw err;
          pending = pending.filter((o) => !err.by(outcomeRefusal(o)));
        }
      }
    };
    for (const o of outcomes) {
      const size = transactionSize(this.outcomeItems(o, at, false));
      if ((batch.length + 1) * size > MAX_TRANSACTION_ITEMS) await flush();
      batch.push(o);
    }
    await flush();
    return marked;
  }

  /** Mark the decision's fan-out finished (idempotent). */
  async finishFanOut(demandId: string): Promise<void> {
    await transact(this.store, [
      {
        Update: {
          TableName: this.table,
          Key: ek.decision(demandId),
          UpdateExpression: 'SET fanoutPending = :f',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':f': false },
        },
      },
    ]);
  }

  /**
   * Record one acceptance: the application (conditional on `selected` and its version), its entry, its result
   * lines, and the demand's counter of pending acceptances (conditional on the status and version read; the last
   * one completes the demand). TransactionRefused naming `demand_changed` (meanwhile: retry) or
   * `application_changed`.
   */
  async recordAcceptance(w: {
    app: ApplicationRecord;
    to: 'accepted' | 'acceptance_failed';
    /** Stored on the application, which its applicant reads: who recorded it is only in the audit event. */
    acceptance: Acceptance;
    before: Demand;
    after: Demand;
    acceptancePending: number;
    appChange: ApplicationChange;
    demandChange: DemandChange | null;
    campaignYear: number;
  }): Promise<void> {
    const line = (region?: string): TransactItem => ({
      Update: {
        TableName: this.table,
        Key: ek.resultLine(w.campaignYear, region, w.app.demandId, w.app.id),
        UpdateExpression: 'SET acceptance = :a',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: {
          ':a': {
            result: w.acceptance.result,
            supplierCatalogue: w.acceptance.supplierCatalogue,
            ...(w.acceptance.outcome ? { outcome: w.acceptance.outcome } : {}),
            recordedAt: w.acceptance.recordedAt,
          },
        },
      },
    });
    await transact(this.store, [
      this.demandUpdate(w.before, w.after, { acceptancePending: w.acceptancePending }),
      named('application_changed', {
        Update: {
          TableName: this.table,
          Key: keys.application(w.app.id),
          UpdateExpression: 'SET #status = :to, #version = :nv, updatedAt = :at, acceptance = :acc',
          ConditionExpression: '#status = :selected AND #version = :v',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: {
            ':to': w.to,
            ':nv': w.app.version + 1,
            ':at': w.acceptance.recordedAt,
            ':acc': w.acceptance,
            ':selected': 'selected',
            ':v': w.app.version,
          },
        },
      }),
      {
        Update: {
          TableName: this.table,
          Key: ek.entry(w.app.demandId, w.app.id),
          UpdateExpression: 'SET #status = :to',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':to': w.to },
        },
      },
      line(),
      line(w.app.authorityRegion),
      resultsVersionBump(this.table, w.campaignYear, [w.app.authorityRegion], false),
      auditPut(this.table, keys.application(w.app.id).PK, w.appChange.audit),
      ...w.appChange.notifications.map((n) => notificationPut(this.table, n)),
      ...(w.demandChange
        ? [
            auditPut(this.table, keys.demand(w.before.id).PK, w.demandChange.audit),
            ...w.demandChange.notifications.map((n) => notificationPut(this.table, n)),
          ]
        : []),
      ...(w.before.status !== w.after.status ? catalogueWrites(this.table, w.before, w.after) : []),
      ...countChange(this.table, demandContribution(w.before), demandContribution(w.after)),
      ...countChange(
        this.table,
        applicationContribution(w.app),
        applicationContribution({
          ...w.app,
          status: w.to,
          version: w.app.version + 1,
          updatedAt: w.acceptance.recordedAt,
          acceptance: w.acceptance,
        }),
      ),
    ]);
  }

  /**
   * One page of result lines of a campaign (region omitted) or of one authority region. `consistent`: read every
   * transaction committed before the call (an export built after reading the version must hold that version's
   * lines, not older ones).
   */
  async listResults(
    year: number,
    region: string | undefined,
    limit: number,
    cursor?: string,
    consistent = false,
  ): Promise<Page<StoredResultLine>> {
    const partition = ek.resultsPartition(year, region);
    return queryPage<StoredResultLine>(this.store, { partition, limit, cursor, consistent });
  }

  /**
   * The version of a year's result lines (E6): of the public list, the campaign's, or one region's; 0 before the
   * first selection. Strongly consistent, so a change committed before the call is never missed.
   */
  async resultsVersion(year: number, scope: 'public' | 'all' | { region: string }): Promise<number> {
    const counter = ek.resultsVersionCounter(scope);
    const out = await this.store.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: ek.resultsVersion(year),
        ConsistentRead: true,
        ProjectionExpression: '#c',
        ExpressionAttributeNames: { '#c': counter },
      }),
    );
    const v = out.Item?.[counter];
    return typeof v === 'number' ? v : 0;
  }

  // publicity (公示, issue 17)
  /** A demand's lines in the campaign's 揭榜名单 (P4), strongly consistent: a filing counts on them at once. */
  async demandLines(year: number, demandId: string): Promise<StoredResultLine[]> {
    const items = await queryAll(this.store, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': ek.resultsPartition(year), ':sk': publicityKeys.demandLinesPrefix(demandId) },
      ConsistentRead: true,
    });
    return items.map((i) => fromItem<StoredResultLine>(i));
  }

  /** Every result line of a partition (exports): paginated, strongly consistent Queries. */
  async allResults(year: number, region: string | undefined): Promise<StoredResultLine[]> {
    const out: StoredResultLine[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listResults(year, region, 1000, cursor, true);
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }
}
