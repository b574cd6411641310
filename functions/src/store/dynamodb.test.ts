/**
 * The store's DynamoDB client against a local HTTP stand-in that answers as DynamoDB's JSON protocol does:
 * signing, marshalling both ways, error names, what is retried and what is not. (Its behaviour against DynamoDB
 * Local itself is what every integration test exercises.)
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DocClient, DynamoDBError, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from './dynamodb';

interface Seen {
  target: string;
  auth: string;
  body: any;
}
let server: Server;
let url: string;
let seen: Seen[] = [];
let answers: { status: number; body: unknown }[] = [];

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    seen.push({
      target: String(req.headers['x-amz-target']),
      auth: String(req.headers.authorization),
      body: JSON.parse(await read(req)),
    });
    const a = answers.shift() ?? { status: 200, body: {} };
    res.writeHead(a.status, { 'content-type': 'application/x-amz-json-1.0' });
    res.end(JSON.stringify(a.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen = [];
  answers = [];
});

const client = () =>
  new DocClient({
    region: 'cn-northwest-1',
    endpoint: url,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });

describe('DocClient', () => {
  it('signs with SigV4 for dynamodb in the region and marshalls items, keys and expression values', async () => {
    answers.push({ status: 200, body: {} });
    await client().send(
      new PutCommand({
        TableName: 't',
        Item: { PK: 'A', n: 3, tags: new Set(['x']), nested: { ok: true }, gone: undefined },
        ConditionExpression: 'attribute_not_exists(PK) OR v = :v',
        ExpressionAttributeValues: { ':v': 1 },
      }),
    );
    expect(seen[0]!.target).toBe('DynamoDB_20120810.PutItem');
    expect(seen[0]!.auth).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-northwest-1\/dynamodb\/aws4_request/,
    );
    expect(seen[0]!.body.Item).toEqual({
      PK: { S: 'A' },
      n: { N: '3' },
      tags: { SS: ['x'] },
      nested: { M: { ok: { BOOL: true } } },
    });
    expect(seen[0]!.body.ExpressionAttributeValues).toEqual({ ':v': { N: '1' } });
  });

  it('unmarshalls items, pages and keys of a Query', async () => {
    answers.push({
      status: 200,
      body: {
        Items: [{ PK: { S: 'A' }, n: { N: '2' } }],
        LastEvaluatedKey: { PK: { S: 'A' }, SK: { S: 'B' } },
        Count: 1,
      },
    });
    const out = await client().send(
      new QueryCommand({
        TableName: 't',
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'A' },
        ExclusiveStartKey: { PK: 'A', SK: 'A' },
      }),
    );
    expect(seen[0]!.body.ExclusiveStartKey).toEqual({ PK: { S: 'A' }, SK: { S: 'A' } });
    expect(out.Items).toEqual([{ PK: 'A', n: 2 }]);
    expect(out.LastEvaluatedKey).toEqual({ PK: 'A', SK: 'B' });
    expect(out.Count).toBe(1);
  });

  it('names errors as DynamoDB does and does not retry a refused condition', async () => {
    answers.push({
      status: 400,
      body: {
        __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
        message: 'Transaction cancelled',
        CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Item: { v: { N: '7' } } }],
      },
    });
    const err = await client()
      .send(new TransactWriteCommand({ TransactItems: [] }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DynamoDBError);
    expect((err as DynamoDBError).name).toBe('TransactionCanceledException');
    expect((err as DynamoDBError).CancellationReasons).toEqual([
      { Code: 'None' },
      { Code: 'ConditionalCheckFailed', Item: { v: 7 } },
    ]);
    expect(seen).toHaveLength(1);
  });

  it('retries throttling and server errors once, then gives up with the error', async () => {
    answers.push(
      { status: 500, body: { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'x' } },
      { status: 200, body: { Item: { PK: { S: 'A' } } } },
    );
    expect((await client().send(new GetCommand({ TableName: 't', Key: { PK: 'A' } }))).Item).toEqual({ PK: 'A' });
    expect(seen).toHaveLength(2);

    seen = [];
    const throttled = {
      status: 400,
      body: { __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException', message: 'slow' },
    };
    answers.push(throttled, throttled, throttled);
    const err = await client()
      .send(new GetCommand({ TableName: 't', Key: { PK: 'A' } }))
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('ProvisionedThroughputExceededException');
    expect(seen).toHaveLength(2);
  });

  it('reports an unreachable store as NetworkError, and middleware sees every call', async () => {
    const dead = new DocClient({
      region: 'cn-northwest-1',
      endpoint: 'http://127.0.0.1:1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    const ops: string[] = [];
    dead.use(async (ctx, next) => {
      ops.push(ctx.operation);
      return next(ctx);
    });
    const err = await dead.send(new GetCommand({ TableName: 't', Key: { PK: 'A' } })).catch((e: unknown) => e);
    expect((err as Error).name).toBe('NetworkError');
    expect(ops).toEqual(['GetItem']);
  });
});
