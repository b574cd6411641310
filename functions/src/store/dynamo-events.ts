/**
 * Storage of the 百场万企 events (keys EV1–EV12 in keys.ts): events and their calendar cards, registrations,
 * check-in codes, the fixed pre-match list, meetings with their slot locks, outcomes. Every state change is one
 * TransactWriteItems with its audit event and notifications, conditional on what the use-case decided on, each
 * condition named. The audit events of an event's registrations, meetings and outcomes all go to the event's
 * own trail (`GET /v1/audit/event/{id}`): one chain the organiser verifies for the whole event.
 */
import type {
  AuditEvent,
  EventCard,
  EventOutcome,
  MatchEvent,
  Meeting,
  Notification,
  PrematchPair,
  Registration,
} from '@jiebang/shared';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { WeightedTerm } from '../matching/keywords';
import type { Store } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { eventContribution, meetingContribution, outcomeContribution, registrationContribution } from '../domain/stats';
import { countChange } from './counters';
import { queryPage } from './query-page';
import { auditPut, notificationPut } from './events';
import { fromItem, getRecord } from './items';
import { eventKeys, EVENTS_ENTITY } from './keys';
import { named, publishedCheck, transact, transactUnlessRefused, type TransactItem, type WriteItem } from './transact';
import { queryAll } from './query-all';

/** The event as stored: `closed` is never stored (derived from endsAt at read time). */
export type EventRecord = Omit<MatchEvent, 'status'> & {
  status: 'draft' | 'published' | 'cancelled';
  /** Accepted meetings, moved with each accept (not shown: the cancel's condition, see `cancelEvent`). */
  acceptedMeetings?: number;
};

/** A registration as stored: the keywords of its texts (computed when written) and its check-in code. */
export type RegistrationRecord = Registration & {
  organiserPrincipal: string;
  needTerms: WeightedTerm[];
  offerTerms: WeightedTerm[];
  checkInCode?: string;
  /** Where the statistics count it (domain/stats.ts: the event's authority region), written with the record. */
  statsRegion?: string;
};

export type MeetingRecord = Omit<Meeting, 'counterpartContact'> & {
  fromOrgId: string;
  toOrgId: string;
  statsRegion?: string;
};
export type OutcomeRecord = EventOutcome & { byOrgId: string; withOrgId: string; statsRegion?: string };

export interface PrematchRecord {
  eventId: string;
  fixedAt: string;
  pairs: PrematchPair[];
}

export interface EventChange {
  audit: Omit<AuditEvent, 'id'>;
  notifications: Omit<Notification, 'id'>[];
}

import type { Page } from './repositories';
export type { Page };

/** The eight filter combinations an event's card is written under (keys.ts, EV3). */
function scopesOf(e: Pick<EventRecord, 'region' | 'chain' | 'type'>): string[] {
  const out: string[] = [];
  for (const r of [undefined, e.region])
    for (const c of [undefined, e.chain])
      for (const t of [undefined, e.type]) out.push(eventKeys.calendarScope({ region: r, chain: c, type: t }));
  return out;
}

export function toEventCard(e: EventRecord): EventCard {
  return {
    id: e.id,
    type: e.type,
    title: e.title,
    chain: e.chain,
    region: e.region,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    ...(e.venue ? { venue: e.venue } : {}),
    registrationDeadline: e.registrationDeadline,
    status: e.status,
    organiserName: e.organiser.name,
    online: !!e.onlineUrl,
  };
}

/** ISO instants compare as strings once normalised to UTC. */
const utc = (instant: string) => new Date(instant).toISOString();

export class DynamoEventRepository {
  constructor(private readonly store: Store) {}

  private get table() {
    return this.store.table;
  }

  private changeItems(objectPK: string, change: EventChange): TransactItem[] {
    return [
      auditPut(this.table, objectPK, change.audit),
      ...change.notifications.map((n) => notificationPut(this.table, n)),
    ];
  }

  private cardPuts(e: EventRecord): WriteItem[] {
    const card = toEventCard(e);
    return scopesOf(e).map((scope) => ({
      Put: {
        TableName: this.table,
        Item: { ...eventKeys.calendarCard(scope, utc(e.startsAt), e.id), entityType: EVENTS_ENTITY.card, ...card },
      },
    }));
  }

  // ---- events ----

  private eventItem(e: EventRecord) {
    return {
      ...eventKeys.event(e.id),
      ...eventKeys.organiserEvents(e.organiser.principal, e.createdAt, e.id),
      entityType: EVENTS_ENTITY.event,
      ...e,
    };
  }

  async createEvent(e: EventRecord, change: EventChange): Promise<void> {
    await transact(this.store, [
      {
        Put: {
          TableName: this.table,
          Item: this.eventItem(e),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...this.changeItems(eventKeys.event(e.id).PK, change),
    ]);
  }

  async getEvent(id: string, consistent = false): Promise<EventRecord | null> {
    return getRecord<EventRecord>(this.store, eventKeys.event(id), consistent);
  }

  /**
   * The event item's Update to `after`'s status and version, with those of `fields` that `after` has, conditional
   * on the status and version read and on `also`'s conditions (their values beside). Refusal: `event_changed`.
   */
  private statusUpdate(
    before: EventRecord,
    after: EventRecord,
    fields: readonly ('publishedAt' | 'cancelledAt' | 'cancelReason')[],
    also: { conditions: string[]; values: Record<string, unknown> } = { conditions: [], values: {} },
  ): TransactItem {
    const set: Record<string, unknown> = { status: after.status, version: after.version };
    for (const k of fields) if (after[k]) set[k] = after[k];
    const names = Object.keys(set);
    return named('event_changed', {
      Update: {
        TableName: this.table,
        Key: eventKeys.event(before.id),
        UpdateExpression: `SET ${names.map((n) => `#${n} = :${n}`).join(', ')}`,
        ConditionExpression: ['#status = :was AND #version = :v', ...also.conditions].join(' AND '),
        ExpressionAttributeNames: Object.fromEntries(names.map((n) => [`#${n}`, n])),
        ExpressionAttributeValues: {
          ...Object.fromEntries(names.map((n) => [`:${n}`, set[n]])),
          ...also.values,
          ':was': before.status,
          ':v': before.version,
        },
      },
    });
  }

  /**
   * Move the event to `after`'s status (its other fields as `after` has them), conditional on the status and
   * version read, with its calendar cards, audit event and notifications. An Update, not a Put: the counters
   * (approvals, check-ins, outcomes) move concurrently and must not be overwritten. Refusal: `event_changed`.
   */
  async transitionEvent(before: EventRecord, after: EventRecord, change: EventChange): Promise<void> {
    await transact(this.store, [
      this.statusUpdate(before, after, ['publishedAt', 'cancelledAt', 'cancelReason']),
      ...this.cardPuts(after),
      ...countChange(this.table, eventContribution(before), eventContribution(after)),
      ...this.changeItems(eventKeys.event(before.id).PK, change),
    ]);
  }

  /**
   * Cancel an event. A cancelled event counts for nothing in the statistics (domain/stats.ts): the transaction also
   * takes off what its approved registrants, accepted meetings and confirmed outcomes count. Each approval, accept
   * and confirmation moves a count on the event item, conditional on the event being published; the cancel is
   * conditional on those counts being the ones read (`event_changed`), so a racing approval either lands before it
   * (and is taken off here) or is refused after it. Meetings and outcomes are read by index, which may lag: when
   * what was read does not match the counts, nothing is written and `stale` is answered (the caller reads again).
   */
  async cancelEvent(before: EventRecord, after: EventRecord, change: EventChange): Promise<'cancelled' | 'stale'> {
    const [regs, meetings, outcomes] = await Promise.all([
      queryAll(this.store, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: {
          ':pk': eventKeys.registrationsPartition(before.id),
          ':p': eventKeys.registrationPrefix,
        },
        ConsistentRead: true,
      }).then((items) => items.map((i) => fromItem<RegistrationRecord>(i))),
      this.meetingsOfEvent(before.id),
      this.outcomesOfEvent(before.id),
    ]);
    const approved = regs.filter((r) => r.status === 'approved');
    const accepted = meetings.filter((m) => m.status === 'accepted');
    const confirmed = outcomes.filter((o) => o.status === 'confirmed');
    const counts = {
      approvedCount: [before.approvedCount, approved.length],
      // Events written before the count was kept have none: what the index answers is taken as it is.
      acceptedMeetings: [before.acceptedMeetings, before.acceptedMeetings === undefined ? 0 : accepted.length],
      confirmedOutcomes: [before.confirmedOutcomes, confirmed.length],
    } as const;
    if (Object.values(counts).some(([kept, read]) => kept !== undefined && kept !== read)) return 'stale';
    await transact(this.store, [
      this.statusUpdate(before, after, ['cancelledAt', 'cancelReason'], {
        conditions: Object.entries(counts).map(([k, [kept]]) =>
          kept === undefined ? `attribute_not_exists(${k})` : `${k} = :${k}`,
        ),
        values: Object.fromEntries(
          Object.entries(counts)
            .filter(([, [kept]]) => kept !== undefined)
            .map(([k, [kept]]) => [`:${k}`, kept]),
        ),
      }),
      ...this.cardPuts(after),
      ...countChange(
        this.table,
        [
          ...eventContribution(before),
          ...approved.flatMap((r) => registrationContribution(r)),
          ...accepted.flatMap((m) => meetingContribution(m)),
          ...confirmed.flatMap((o) => outcomeContribution(o)),
        ],
        eventContribution(after),
      ),
      ...this.changeItems(eventKeys.event(before.id).PK, change),
    ]);
    return 'cancelled';
  }

  /** Insert an event in any state with its cards (seed); false when it exists. */
  async createEventIfAbsent(e: EventRecord): Promise<boolean> {
    return transactUnlessRefused(this.store, [
      {
        Put: {
          TableName: this.table,
          Item: this.eventItem(e),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...(e.status === 'draft' ? [] : this.cardPuts(e)),
      ...countChange(this.table, [], eventContribution(e)),
    ]);
  }

  /** One page of the calendar for a filter combination: one Query. Upcoming: starting from `now`, soonest first. */
  async listCalendar(
    scope: string,
    upcoming: boolean,
    now: Date,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<EventCard>> {
    const partition = eventKeys.calendarPartition(scope);
    const out = await this.store.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: upcoming ? 'PK = :pk AND SK >= :now' : 'PK = :pk',
        ExpressionAttributeValues: { ':pk': partition, ...(upcoming ? { ':now': now.toISOString() } : {}) },
        ScanIndexForward: upcoming,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, partition),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => fromItem<EventCard>(i)),
      nextCursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  async listOrganised(principal: string, limit: number, cursor: string | undefined): Promise<Page<EventRecord>> {
    return this.queryIndex<EventRecord>(eventKeys.organiserEventsPartition(principal), limit, cursor, false);
  }

  private queryIndex<T>(partition: string, limit: number, cursor: string | undefined, ascending: boolean) {
    return queryPage<T>(this.store, { index: 'GSI1', partition, limit, cursor, ascending });
  }

  /** Every item of a GSI1 partition (bounded by one event's meetings or outcomes), in key order. */
  private async allOfIndex<T>(partition: string): Promise<T[]> {
    const items = await queryAll(this.store, {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': partition },
    });
    return items.map((i) => fromItem<T>(i));
  }

  // ---- registrations ----

  private registrationItem(r: RegistrationRecord) {
    return {
      ...eventKeys.registration(r.eventId, r.id),
      ...eventKeys.orgRegistrations(r.orgId, utc(r.eventStartsAt), r.eventId),
      entityType: EVENTS_ENTITY.registration,
      ...r,
    };
  }

  /**
   * Insert a pending registration, conditional on none of the enterprise (`already_registered`: the id derives
   * from event and enterprise) and on the event still published (`event_not_open`).
   */
  async createRegistration(r: RegistrationRecord, change: EventChange): Promise<void> {
    await transact(this.store, [
      named('already_registered', {
        Put: { TableName: this.table, Item: this.registrationItem(r), ConditionExpression: 'attribute_not_exists(PK)' },
      }),
      publishedCheck('event_not_open', this.table, eventKeys.event(r.eventId)),
      ...this.changeItems(eventKeys.event(r.eventId).PK, change),
    ]);
  }

  async getRegistration(eventId: string, regId: string, consistent = false): Promise<RegistrationRecord | null> {
    return getRecord<RegistrationRecord>(this.store, eventKeys.registration(eventId, regId), consistent);
  }

  /**
   * Decide a pending registration. Approval also takes a seat — `ADD approvedCount 1` on the event, conditional on
   * the count being below the capacity (`capacity_full`) and the event still published (`event_not_open`) — and
   * claims the registration's check-in code (EV6). Refusals: `registration_changed`, `capacity_full`,
   * `event_not_open`, `code_taken` (a 60-bit code met another: the caller draws a new one).
   */
  async decideRegistration(before: RegistrationRecord, after: RegistrationRecord, change: EventChange): Promise<void> {
    const items: TransactItem[] = [
      named('registration_changed', {
        Put: {
          TableName: this.table,
          Item: this.registrationItem(after),
          ConditionExpression: '#status = :pending AND #version = :v',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':pending': 'pending', ':v': before.version },
        },
      }),
    ];
    if (after.status === 'approved') {
      items.push(
        named('capacity_full', {
          Update: {
            TableName: this.table,
            Key: eventKeys.event(after.eventId),
            UpdateExpression: 'ADD approvedCount :one',
            ConditionExpression:
              '#status = :published AND (attribute_not_exists(#capacity) OR approvedCount < #capacity)',
            ExpressionAttributeNames: { '#status': 'status', '#capacity': 'capacity' },
            ExpressionAttributeValues: { ':one': 1, ':published': 'published' },
          },
        }),
        named('code_taken', {
          Put: {
            TableName: this.table,
            Item: {
              ...eventKeys.checkInCode(after.eventId, after.checkInCode!),
              entityType: EVENTS_ENTITY.checkInCode,
              eventId: after.eventId,
              registrationId: after.id,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        }),
      );
    }
    await transact(this.store, [
      ...items,
      ...countChange(this.table, registrationContribution(before), registrationContribution(after)),
      ...this.changeItems(eventKeys.event(after.eventId).PK, change),
    ]);
  }

  /** One page of an event's registrations (registration id order). */
  async listRegistrations(eventId: string, limit: number, cursor: string | undefined) {
    const partition = eventKeys.registrationsPartition(eventId);
    return queryPage<RegistrationRecord>(this.store, {
      partition,
      prefix: eventKeys.registrationPrefix,
      limit,
      cursor,
    });
  }

  /** Every registration of an event: Queries bounded by the event's registrations, never the table. */
  async allRegistrations(eventId: string): Promise<RegistrationRecord[]> {
    const all: RegistrationRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listRegistrations(eventId, 500, cursor);
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  async listByOrg(orgId: string, limit: number, cursor: string | undefined): Promise<Page<RegistrationRecord>> {
    return this.queryIndex<RegistrationRecord>(eventKeys.orgRegistrationsPartition(orgId), limit, cursor, true);
  }

  /** The registration a check-in code belongs to, or null. */
  async registrationIdOfCode(eventId: string, code: string): Promise<string | null> {
    const out = await this.store.doc.send(
      new GetCommand({ TableName: this.table, Key: eventKeys.checkInCode(eventId, code) }),
    );
    return out.Item ? String(out.Item.registrationId) : null;
  }

  /**
   * Check in once: the registration gets `checkedInAt` only if it has none and is approved with this code
   * (`already_checked_in` otherwise), and the event counts it. The code is single-use by this condition.
   */
  async checkIn(r: RegistrationRecord, code: string, at: string, change: EventChange): Promise<void> {
    await transact(this.store, [
      named('already_checked_in', {
        Update: {
          TableName: this.table,
          Key: eventKeys.registration(r.eventId, r.id),
          UpdateExpression: 'SET checkedInAt = :at',
          ConditionExpression: 'attribute_not_exists(checkedInAt) AND #status = :approved AND checkInCode = :code',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':at': at, ':approved': 'approved', ':code': code },
        },
      }),
      {
        Update: {
          TableName: this.table,
          Key: eventKeys.event(r.eventId),
          UpdateExpression: 'ADD checkedInCount :one',
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
      ...this.changeItems(eventKeys.event(r.eventId).PK, change),
    ]);
  }

  // ---- pre-match list ----

  async getPrematch(eventId: string): Promise<PrematchRecord | null> {
    return getRecord<PrematchRecord>(this.store, eventKeys.prematch(eventId));
  }

  /**
   * Fix the list (replacing an earlier one) with its audit event, conditional on the event still published
   * (`event_not_open`). The notifications to the enterprises on it follow in transactions of ≤ 100 items each
   * (a list may name hundreds), written after the list itself.
   */
  async fixPrematch(p: PrematchRecord, change: EventChange): Promise<void> {
    await transact(this.store, [
      {
        Put: {
          TableName: this.table,
          Item: { ...eventKeys.prematch(p.eventId), entityType: EVENTS_ENTITY.prematch, ...p },
        },
      },
      publishedCheck('event_not_open', this.table, eventKeys.event(p.eventId)),
      auditPut(this.table, eventKeys.event(p.eventId).PK, change.audit),
    ]);
    await this.notify(change.notifications);
  }

  /** Notifications alone, in transactions of up to 100 (fan-outs: cancellation, the pre-match list). */
  async notify(notifications: Omit<Notification, 'id'>[]): Promise<void> {
    for (let i = 0; i < notifications.length; i += 100)
      await transact(
        this.store,
        notifications.slice(i, i + 100).map((n) => notificationPut(this.table, n)),
      );
  }

  // ---- meetings ----

  private meetingItem(m: MeetingRecord) {
    return {
      ...eventKeys.meeting(m.id),
      ...eventKeys.eventMeetings(m.eventId, m.slotStart, m.id),
      // Sparse: the reminder job reads accepted meetings by slot (EV13).
      ...(m.status === 'accepted' ? eventKeys.acceptedMeeting(utc(m.slotStart), m.id) : {}),
      entityType: EVENTS_ENTITY.meeting,
      ...m,
    };
  }

  /** A requested meeting; refused (`slot_taken`) when the requester already holds an accepted meeting then. */
  async createMeeting(m: MeetingRecord, change: EventChange): Promise<void> {
    await transact(this.store, [
      { Put: { TableName: this.table, Item: this.meetingItem(m), ConditionExpression: 'attribute_not_exists(PK)' } },
      named('slot_taken', {
        ConditionCheck: {
          TableName: this.table,
          Key: eventKeys.slot(m.eventId, m.fromRegistrationId, m.slotStart),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      }),
      ...this.changeItems(eventKeys.event(m.eventId).PK, change),
    ]);
  }

  async getMeeting(id: string): Promise<MeetingRecord | null> {
    return getRecord<MeetingRecord>(this.store, eventKeys.meeting(id));
  }

  /**
   * Accept or decline a requested meeting (`meeting_changed` when it is no longer requested). Accepting claims the
   * slot of both sides (EV10, `slot_taken`): of any number of parallel accepts into one side's slot, one wins.
   */
  async decideMeeting(after: MeetingRecord, change: EventChange): Promise<void> {
    const slotPut = (regId: string): WriteItem => ({
      Put: {
        TableName: this.table,
        Item: {
          ...eventKeys.slot(after.eventId, regId, after.slotStart),
          entityType: EVENTS_ENTITY.slot,
          meetingId: after.id,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
    await transact(this.store, [
      named('meeting_changed', {
        Put: {
          TableName: this.table,
          Item: this.meetingItem(after),
          ConditionExpression: '#status = :requested',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':requested': 'requested' },
        },
      }),
      ...(after.status === 'accepted'
        ? [
            named('slot_taken', slotPut(after.fromRegistrationId)),
            named('slot_taken', slotPut(after.toRegistrationId)),
            named('event_not_open', this.eventCount(after.eventId, 'ADD acceptedMeetings :one', { ':one': 1 })),
          ]
        : []),
      // Conditional on `requested`, which counts nothing: the change adds what the decided meeting counts.
      ...countChange(this.table, [], meetingContribution(after)),
      ...this.changeItems(eventKeys.event(after.eventId).PK, change),
    ]);
  }

  /** A count moved on the event item, conditional on the event being published (a cancelled one counts nothing). */
  private eventCount(eventId: string, update: string, values: Record<string, number>): WriteItem {
    return {
      Update: {
        TableName: this.table,
        Key: eventKeys.event(eventId),
        UpdateExpression: update,
        ConditionExpression: '#status = :published',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ...values, ':published': 'published' },
      },
    };
  }

  /** Meetings of an event, by slot (bounded by the event's meetings). */
  async meetingsOfEvent(eventId: string): Promise<MeetingRecord[]> {
    return this.allOfIndex<MeetingRecord>(eventKeys.eventMeetingsPartition(eventId));
  }

  // ---- outcomes ----

  private outcomeItem(o: OutcomeRecord) {
    return {
      ...eventKeys.outcome(o.id),
      ...eventKeys.eventOutcomes(o.eventId, o.createdAt, o.id),
      entityType: EVENTS_ENTITY.outcome,
      ...o,
    };
  }

  async createOutcome(o: OutcomeRecord, change: EventChange): Promise<void> {
    await transact(this.store, [
      { Put: { TableName: this.table, Item: this.outcomeItem(o), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...this.changeItems(eventKeys.event(o.eventId).PK, change),
    ]);
  }

  async getOutcome(id: string): Promise<OutcomeRecord | null> {
    return getRecord<OutcomeRecord>(this.store, eventKeys.outcome(id));
  }

  /**
   * Confirm once (`outcome_changed` when it is no longer `recorded`); the event's counters move in the same
   * transaction, so a confirmed outcome is counted exactly once.
   */
  async confirmOutcome(o: OutcomeRecord, at: string, change: EventChange): Promise<void> {
    await transact(this.store, [
      named('outcome_changed', {
        Update: {
          TableName: this.table,
          Key: eventKeys.outcome(o.id),
          UpdateExpression: 'SET #status = :confirmed, confirmedAt = :at',
          ConditionExpression: '#status = :recorded',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':confirmed': 'confirmed', ':recorded': 'recorded', ':at': at },
        },
      }),
      named(
        'event_not_open',
        this.eventCount(o.eventId, 'ADD confirmedOutcomes :one, contractAmount :amount', {
          ':one': 1,
          ':amount': o.kind === 'contract' ? (o.amount ?? 0) : 0,
        }),
      ),
      // Conditional on `recorded`, which counts nothing.
      ...countChange(this.table, [], outcomeContribution({ ...o, status: 'confirmed', confirmedAt: at })),
      ...this.changeItems(eventKeys.event(o.eventId).PK, change),
    ]);
  }

  async outcomesOfEvent(eventId: string): Promise<OutcomeRecord[]> {
    return this.allOfIndex<OutcomeRecord>(eventKeys.eventOutcomesPartition(eventId));
  }

  // ---- seed (infra/seed/events.ts): records written as they are, each only when absent ----

  private async putAbsent(items: WriteItem[]): Promise<boolean> {
    return transactUnlessRefused(this.store, items);
  }

  /** A registration in any state, with its check-in code when it has one. */
  createRegistrationIfAbsent(r: RegistrationRecord): Promise<boolean> {
    return this.putAbsent([
      {
        Put: { TableName: this.table, Item: this.registrationItem(r), ConditionExpression: 'attribute_not_exists(PK)' },
      },
      ...countChange(this.table, [], registrationContribution(r)),
      ...(r.checkInCode
        ? [
            {
              Put: {
                TableName: this.table,
                Item: {
                  ...eventKeys.checkInCode(r.eventId, r.checkInCode),
                  entityType: EVENTS_ENTITY.checkInCode,
                  eventId: r.eventId,
                  registrationId: r.id,
                },
              },
            },
          ]
        : []),
    ]);
  }

  /** A meeting in any state; an accepted one with the slot locks of both sides. */
  createMeetingIfAbsent(m: MeetingRecord): Promise<boolean> {
    const locks: WriteItem[] =
      m.status === 'accepted'
        ? [m.fromRegistrationId, m.toRegistrationId].map((regId) => ({
            Put: {
              TableName: this.table,
              Item: {
                ...eventKeys.slot(m.eventId, regId, m.slotStart),
                entityType: EVENTS_ENTITY.slot,
                meetingId: m.id,
              },
            },
          }))
        : [];
    return this.putAbsent([
      { Put: { TableName: this.table, Item: this.meetingItem(m), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...locks,
      ...countChange(this.table, [], meetingContribution(m)),
    ]);
  }

  /** An outcome in any state (the event's counters are the caller's: it writes the event with them). */
  createOutcomeIfAbsent(o: OutcomeRecord): Promise<boolean> {
    return this.putAbsent([
      { Put: { TableName: this.table, Item: this.outcomeItem(o), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...countChange(this.table, [], outcomeContribution(o)),
    ]);
  }
}
