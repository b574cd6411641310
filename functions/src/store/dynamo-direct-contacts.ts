/**
 * 221号 to the letter (issue 16): each ministry department's (相关司局) list of the large enterprises it contacted.
 * Only those submit directly to the ministry; the submission records the department. Keys L2–L3 (keys.ts).
 */
import type { AuditEvent, DirectContact } from '@jiebang/shared';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { auditPut } from './events';
import { fromItem } from './items';
import { LETTER_ENTITY, letterKeys } from './keys';
import type { DirectContactRepository } from './repositories';
import { existsCheck, named, transact, TransactionRefused, type TransactItem } from './transact';
import { queryAll } from './query-all';

export class DynamoDirectContactRepository implements DirectContactRepository {
  constructor(private readonly store: Store) {}

  async list(department: string): Promise<DirectContact[]> {
    const items = await queryAll(this.store, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: {
        ':pk': letterKeys.contactPartition(department),
        ':p': letterKeys.contactPrefix,
      },
    });
    return items.map((i) => fromItem<DirectContact>(i));
  }

  async add(c: DirectContact, audit: Omit<AuditEvent, 'id'>): Promise<boolean> {
    const t = this.store.table;
    try {
      await transact(this.store, [
        named('contact_exists', {
          Put: {
            TableName: t,
            Item: { ...letterKeys.contact(c.department, c.creditCode), entityType: LETTER_ENTITY.contact, ...c },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        }),
        {
          Put: {
            TableName: t,
            Item: {
              ...letterKeys.directContact(c.creditCode, c.department),
              entityType: LETTER_ENTITY.directContact,
              department: c.department,
            },
          },
        },
        auditPut(t, letterKeys.contactPartition(c.department), audit),
      ]);
      return true;
    } catch (err) {
      if (err instanceof TransactionRefused && err.by('contact_exists')) return false;
      throw err;
    }
  }

  async remove(department: string, creditCode: string, audit: Omit<AuditEvent, 'id'>): Promise<DirectContact | null> {
    const t = this.store.table;
    const found = await this.store.doc.send(
      new GetCommand({ TableName: t, Key: letterKeys.contact(department, creditCode), ConsistentRead: true }),
    );
    if (!found.Item) return null;
    try {
      await transact(this.store, [
        named('contact_gone', {
          Delete: {
            TableName: t,
            Key: letterKeys.contact(department, creditCode),
            ConditionExpression: 'attribute_exists(PK)',
          },
        }),
        { Delete: { TableName: t, Key: letterKeys.directContact(creditCode, department) } },
        auditPut(t, letterKeys.contactPartition(department), audit),
      ]);
    } catch (err) {
      if (err instanceof TransactionRefused && err.by('contact_gone')) return null;
      throw err;
    }
    return fromItem<DirectContact>(found.Item);
  }

  async departmentOf(creditCode: string): Promise<string | null> {
    const out = await this.store.doc.send(
      new QueryCommand({
        TableName: this.store.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': letterKeys.directContactPartition(creditCode) },
        Limit: 1,
      }),
    );
    return (out.Items?.[0]?.department as string | undefined) ?? null;
  }

  stillContacted(creditCode: string, department: string): TransactItem {
    return existsCheck('not_directly_contacted', this.store.table, letterKeys.directContact(creditCode, department));
  }
}
