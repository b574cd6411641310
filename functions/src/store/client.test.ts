/**
 * What is ours around the SDK's document client: its configuration (loopback-only endpoint override, China
 * endpoints, attempts, deadlines, marshalling), the classification of its failures, and the names of refused
 * transaction conditions — against a local stand-in that answers as DynamoDB's JSON protocol does. (The client's
 * behaviour against DynamoDB Local itself is what every integration test exercises.)
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { sdkClientConfig } from '../aws';
import { InvalidInput } from '../domain/errors';
import { createStore } from './client';
import { isStoreUnavailable, refusedValue } from './errors';
import { named, transact, TransactionRefused } from './transact';

interface Answer {
  status: number;
  body?: unknown;
  /** Never answer (to exercise the deadline). */
  hang?: boolean;
}
let server: Server;
let url: string;
let seen: { target: string; body: any }[] = [];
let answers: Answer[] = [];

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    seen.push({ target: String(req.headers['x-amz-target']), body: JSON.parse(await read(req)) });
    const a = answers.shift() ?? { status: 200, body: {} };
    if (a.hang) return;
    res.writeHead(a.status, { 'content-type': 'application/x-amz-json-1.0' });
    res.end(JSON.stringify(a.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});
beforeEach(() => {
  seen = [];
  answers = [];
});

const store = (tuning?: Parameters<typeof createStore>[1]) =>
  createStore({ TABLE_NAME: 't', AWS_REGION: 'cn-northwest-1', DYNAMODB_ENDPOINT: url }, tuning);

const sdkError = (type: string, message: string, extra: Record<string, unknown> = {}) => ({
  status: 400,
  body: { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message, ...extra },
});

describe('store client configuration', () => {
  it('refuses an endpoint that is not a loopback URL, and takes DynamoDB Local on localhost, 127.x or [::1]', () => {
    for (const bad of ['https://dynamodb.example.com', 'http://10.0.0.5:8000', 'http://127.0.0.1.evil.com:8000']) {
      expect(() => sdkClientConfig('cn-northwest-1', bad)).toThrow(/only a local emulator/);
    }
    for (const ok of ['http://localhost:8000', 'http://127.0.0.1:8000', 'http://[::1]:8000/']) {
      expect(sdkClientConfig('cn-northwest-1', ok).endpoint).toBe(ok);
    }
  });

  it('resolves the China partition by itself and fails fast: 2 attempts, deadlines that throw', async () => {
    const s = createStore({ TABLE_NAME: 't', AWS_REGION: 'cn-northwest-1', DYNAMODB_ENDPOINT: undefined });
    const endpoint = s.doc.config.endpointProvider({ Region: 'cn-northwest-1' });
    expect(endpoint.url.hostname).toBe('dynamodb.cn-northwest-1.amazonaws.com.cn');
    expect(await s.doc.config.maxAttempts()).toBe(2);
    const cfg = sdkClientConfig('cn-northwest-1', undefined);
    expect(cfg.requestHandler).toMatchObject({ requestTimeout: 3000, throwOnRequestTimeout: true });
    expect(cfg.credentials).toBeUndefined(); // the Lambda role's, from the environment
  });

  it('sends document values marshalled, leaves undefined attributes out and unmarshalls the answer', async () => {
    answers.push({ status: 200, body: {} }, { status: 200, body: { Item: { PK: { S: 'a' }, n: { N: '5' } } } });
    const s = store();
    await s.doc.send(new PutCommand({ TableName: 't', Item: { PK: 'a', n: 5, gone: undefined, tags: ['x'] } }));
    expect(seen[0]!.target).toBe('DynamoDB_20120810.PutItem');
    expect(seen[0]!.body.Item).toEqual({ PK: { S: 'a' }, n: { N: '5' }, tags: { L: [{ S: 'x' }] } });
    const out = await s.doc.send(new GetCommand({ TableName: 't', Key: { PK: 'a' } }));
    expect(out.Item).toEqual({ PK: 'a', n: 5 });
  });
});

describe('store failures', () => {
  it('a socket failure the SDK wrapped (thrown from another realm, its code lost) is still "unavailable"', () => {
    const wrapped = (inner: string) =>
      Object.assign(new Error(`AWS SDK error wrapper for ${inner}`), { $metadata: {} });
    expect(isStoreUnavailable(wrapped('Error: connect ECONNREFUSED 127.0.0.1:8000'))).toBe(true);
    expect(isStoreUnavailable(wrapped('Error: socket hang up'))).toBe(true);
    expect(isStoreUnavailable(wrapped('Error: read ECONNRESET'))).toBe(true);
    expect(isStoreUnavailable(wrapped('TimeoutError: Connection timed out after 2000 ms'))).toBe(true);
    expect(isStoreUnavailable(wrapped('Error: something else'))).toBe(false);
    expect(isStoreUnavailable(new Error('socket hang up, but not wrapped by the SDK'))).toBe(false);
  });

  it('a value DynamoDB refuses (Number underflow) is InvalidInput with a Chinese message, the cause kept', async () => {
    answers.push(
      sdkError(
        'ValidationException',
        'Number underflow. Attempting to store a number with magnitude smaller than supported range',
      ),
    );
    const err = await store()
      .doc.send(new PutCommand({ TableName: 't', Item: { PK: 'a', revenue: 1e-200 } }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInput);
    expect((err as InvalidInput).code).toBe('VALIDATION_FAILED');
    expect((err as InvalidInput).message).toMatch(/数值/);
    expect(((err as InvalidInput).cause as Error).name).toBe('ValidationException');
  });

  it('numbers the marshaller refuses (NaN, unsafe integers) are InvalidInput before any request', async () => {
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, 1e20]) {
      const err = await store()
        .doc.send(new PutCommand({ TableName: 't', Item: { PK: 'a', n } }))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidInput);
    }
    expect(seen).toHaveLength(0);
  });

  it('a transaction item refused for its value is InvalidInput too', async () => {
    answers.push(
      sdkError('TransactionCanceledException', 'Transaction cancelled', {
        CancellationReasons: [{ Code: 'None' }, { Code: 'ValidationError', Message: 'Number overflow' }],
      }),
    );
    const err = await transact(store(), [
      { Put: { TableName: 't', Item: { PK: 'a' } } },
      { Put: { TableName: 't', Item: { PK: 'b' } } },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInput);
  });

  it('an unreachable store, a store past the deadline, throttling and 5xx are "unavailable"; a refusal is not', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const dead = createStore({
      TABLE_NAME: 't',
      AWS_REGION: 'cn-northwest-1',
      DYNAMODB_ENDPOINT: `http://127.0.0.1:${port}`,
    });
    const refused = await dead.doc.send(new GetCommand({ TableName: 't', Key: { PK: 'a' } })).catch((e: unknown) => e);
    expect(isStoreUnavailable(refused)).toBe(true);

    answers.push({ status: 200, hang: true });
    const t = Date.now();
    const late = await store({ requestTimeoutMs: 300, maxAttempts: 1 })
      .doc.send(new GetCommand({ TableName: 't', Key: { PK: 'a' } }))
      .catch((e: unknown) => e);
    expect(Date.now() - t).toBeLessThan(2500);
    expect((late as Error).name).toBe('TimeoutError');
    expect(isStoreUnavailable(late)).toBe(true);

    answers.push(sdkError('ProvisionedThroughputExceededException', 'slow down'), { status: 500, body: {} });
    const throttled = await store({ maxAttempts: 1 })
      .doc.send(new GetCommand({ TableName: 't', Key: { PK: 'a' } }))
      .catch((e: unknown) => e);
    expect(isStoreUnavailable(throttled)).toBe(true);
    const fiveHundred = await store({ maxAttempts: 1 })
      .doc.send(new GetCommand({ TableName: 't', Key: { PK: 'a' } }))
      .catch((e: unknown) => e);
    expect(isStoreUnavailable(fiveHundred)).toBe(true);

    answers.push(sdkError('ConditionalCheckFailedException', 'The conditional request failed'));
    const condition = await store()
      .doc.send(new PutCommand({ TableName: 't', Item: { PK: 'a' }, ConditionExpression: 'attribute_not_exists(PK)' }))
      .catch((e: unknown) => e);
    expect((condition as Error).name).toBe('ConditionalCheckFailedException');
    expect(isStoreUnavailable(condition)).toBe(false);
    expect(refusedValue(condition)).toBeNull();
  });
});

describe('transact', () => {
  const cancelled = (...codes: string[]) =>
    sdkError('TransactionCanceledException', 'Transaction cancelled', {
      CancellationReasons: codes.map((Code) => ({ Code })),
    });
  const put = (PK: string) => ({ Put: { TableName: 't', Item: { PK } } });

  it('names the refused conditions, not their positions; unnamed ones by index', async () => {
    answers.push(cancelled('None', 'ConditionalCheckFailed', 'ConditionalCheckFailed'));
    const err = await transact(store(), [put('a'), named('marker_taken', put('b')), put('c')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransactionRefused);
    expect((err as TransactionRefused).refused).toEqual(['marker_taken', 'item 2']);
    expect((err as TransactionRefused).by('marker_taken')).toBe(true);
    // The names never reach DynamoDB.
    expect(seen[0]!.body.TransactItems[1]).toEqual({ Put: { TableName: 't', Item: { PK: { S: 'b' } } } });
  });

  it('retries a conflicting transaction in flight, then decides on its conditions', async () => {
    answers.push(cancelled('TransactionConflict', 'None'), cancelled('None', 'ConditionalCheckFailed'));
    const err = await transact(store(), [put('a'), named('stale', put('b'))]).catch((e: unknown) => e);
    expect(seen).toHaveLength(2);
    expect((err as TransactionRefused).refused).toEqual(['stale']);
  });
});
