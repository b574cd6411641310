import type { Demand } from '@jiebang/shared';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { isPublic, toCatalogueCard, type CatalogueCard } from '../domain/publication';
import type { Store } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { fromItem, isConditionFailure } from './items';
import { ENTITY, keys } from './keys';
import type { DemandRepository, Page } from './repositories';

export class DynamoDemandRepository implements DemandRepository {
  constructor(private readonly store: Store) {}

  async get(id: string): Promise<Demand | null> {
    const out = await this.store.doc.send(new GetCommand({ TableName: this.store.table, Key: keys.demand(id) }));
    return out.Item ? fromItem<Demand>(out.Item) : null;
  }

  async listCatalogue(limit: number, cursor?: string): Promise<Page<CatalogueCard>> {
    const out = await this.store.doc.send(
      new QueryCommand({
        TableName: this.store.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.catalogueAll },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, keys.catalogueAll),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => fromItem<CatalogueCard>(i)),
      nextCursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  async createIfAbsent(d: Demand): Promise<boolean> {
    const demandItem = {
      ...keys.demand(d.id),
      ...keys.issuerDemands(d.issuerOrgId, d.createdAt, d.id),
      entityType: ENTITY.demand,
      ...d,
    };
    const transactItems: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      { Put: { TableName: this.store.table, Item: demandItem, ConditionExpression: 'attribute_not_exists(PK)' } },
    ];
    if (isPublic(d)) {
      transactItems.push({
        Put: {
          TableName: this.store.table,
          Item: { ...keys.catalogueCard(d.publishedAt!, d.id), entityType: ENTITY.catalogueCard, ...toCatalogueCard(d) },
        },
      });
    }
    try {
      await this.store.doc.send(new TransactWriteCommand({ TransactItems: transactItems }));
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }
}
