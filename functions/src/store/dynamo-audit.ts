/**
 * The audit log as verification reads it (trust): an object's chain (events, head and the platform chain's
 * anchors of it, one Query on its partition), the objects whose chain moved on a day (GSI2, T1'), and the
 * platform chain (T2, T3). Appending is not here: every change appends through `transact` (store/events.ts).
 */
import { QueryCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AnchorLine, ChainedEvent, ChainHead } from '../domain/audit-hash';
import type { Store } from './client';
import { fromItem } from './items';
import { ENTITY, keys } from './keys';
import { queryAll } from './query-all';
import { transactUnlessRefused } from './transact';

type Item = Record<string, unknown>;

/** Everything of one object's chain, read together. */
export interface StoredChain {
  events: ChainedEvent[];
  head: (ChainHead & { objectType?: string; objectId?: string }) | null;
  /** What each day's link of the platform chain recorded of this object (oldest first). */
  anchored: (ChainHead & { day: string })[];
}

/** One day's link of the platform chain. */
export interface ChainDay {
  day: string;
  digest: string;
  count: number;
  /** The day of the link this one follows (none for the first). */
  prevDay?: string;
  prevHash: string;
  hash: string;
  anchoredAt: string;
}

export interface AuditRepository {
  chain(objectPK: string): Promise<StoredChain>;
  /** Objects whose chain's last change fell on `day` (Shanghai): their heads, with their partition keys. */
  headsOfDay(day: string): Promise<(ChainHead & { objectPK: string })[]>;
  /** The platform chain, oldest first. */
  days(): Promise<ChainDay[]>;
  lastDay(): Promise<ChainDay | null>;
  /** The lines a day's link covers. */
  anchorLines(day: string): Promise<AnchorLine[]>;
  /**
   * Write a day's link: its lines (in the day's partition and, for the object's own verification, in each
   * object's partition), then the link itself, conditional on being the first for that day and on the previous
   * link still being the one it follows. False when another run wrote the day first.
   */
  appendDay(link: ChainDay, lines: AnchorLine[]): Promise<boolean>;
}

const ANCHORED_PREFIX = 'AUDITANCHORED#';

export class DynamoAuditRepository implements AuditRepository {
  constructor(private readonly store: Store) {}

  async chain(objectPK: string): Promise<StoredChain> {
    const out: StoredChain = { events: [], head: null, anchored: [] };
    let start: Item | undefined;
    do {
      // Events (AUDIT#…), the head (AUDITHEAD) and the anchors (AUDITANCHORED#…) share the prefix.
      const page = await this.store.doc.send(
        new QueryCommand({
          TableName: this.store.table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          ExpressionAttributeValues: { ':pk': objectPK, ':p': 'AUDIT' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        if (item.entityType === ENTITY.audit) out.events.push(fromItem<ChainedEvent>(item));
        else if (item.entityType === ENTITY.auditHead) out.head = fromItem<StoredChain['head'] & object>(item);
        else if (item.entityType === ENTITY.auditAnchorLine && String(item.SK).startsWith(ANCHORED_PREFIX))
          out.anchored.push(fromItem<ChainHead & { day: string }>(item));
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async headsOfDay(day: string): Promise<(ChainHead & { objectPK: string })[]> {
    const items = await queryAll(this.store, {
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.auditHeadDayPartition(day) },
    });
    return items.map((i) => ({ objectPK: i.PK as string, length: i.length as number, hash: i.hash as string }));
  }

  private async partition(pk: string): Promise<Item[]> {
    return queryAll(this.store, {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    });
  }

  async days(): Promise<ChainDay[]> {
    return (await this.partition(keys.auditChainPartition)).map((i) => fromItem<ChainDay>(i));
  }

  async lastDay(): Promise<ChainDay | null> {
    const page = await this.store.doc.send(
      new QueryCommand({
        TableName: this.store.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditChainPartition },
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: 1,
      }),
    );
    const last = page.Items?.[0];
    return last ? fromItem<ChainDay>(last) : null;
  }

  async anchorLines(day: string): Promise<AnchorLine[]> {
    return (await this.partition(keys.auditAnchorPartition(day))).map((i) => ({
      objectPK: i.objectPK as string,
      length: i.length as number,
      hash: i.hash as string,
    }));
  }

  async appendDay(link: ChainDay, lines: AnchorLine[]): Promise<boolean> {
    // Lines first (the same items again on a rerun): a link never points at lines that are not there.
    const puts = lines.flatMap((l) => [
      { ...keys.auditAnchorLine(link.day, l.objectPK), entityType: ENTITY.auditAnchorLine, ...l, day: link.day },
      {
        PK: l.objectPK,
        SK: `${ANCHORED_PREFIX}${link.day}`,
        entityType: ENTITY.auditAnchorLine,
        length: l.length,
        hash: l.hash,
        day: link.day,
      },
    ]);
    for (let i = 0; i < puts.length; i += 25) {
      let request: Record<string, { PutRequest: { Item: Item } }[]> | undefined = {
        [this.store.table]: puts.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
      };
      while (request && Object.keys(request).length > 0) {
        const res = await this.store.doc.send(new BatchWriteCommand({ RequestItems: request }));
        request = res.UnprocessedItems as typeof request;
      }
    }
    const put = {
      TableName: this.store.table,
      Item: { ...keys.auditChainDay(link.day), entityType: ENTITY.auditChainDay, ...link },
      ConditionExpression: 'attribute_not_exists(PK)',
    };
    return transactUnlessRefused(this.store, [
      { Put: put },
      ...(link.prevDay
        ? [
            {
              ConditionCheck: {
                TableName: this.store.table,
                Key: keys.auditChainDay(link.prevDay),
                ConditionExpression: '#hash = :prev',
                ExpressionAttributeNames: { '#hash': 'hash' },
                ExpressionAttributeValues: { ':prev': link.prevHash },
              },
            },
          ]
        : []),
    ]);
  }
}
