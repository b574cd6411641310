/**
 * A lean DynamoDB document client: the JSON protocol of DynamoDB (one signed POST per call) with SigV4 from
 * `aws4fetch` and the AWS SDK's own marshalling (`@aws-sdk/util-dynamodb`), behind the command shapes of
 * `@aws-sdk/lib-dynamodb` (`doc.send(new GetCommand({ … }))`, the same inputs and outputs, errors named as the
 * SDK names them).
 *
 * Why not the SDK's client: every function bundles its DynamoDB client, and the SDK v3 client alone is 190 KB
 * minified even tree-shaken (513 KB as CommonJS) — over the 300 KB a whole function may weigh (quality.md,
 * cold start). This client and its two libraries are ≈ 15 KB. What the SDK did for us is kept here: retries of
 * throttling, 5xx and network failures (`maxAttempts` in all), a deadline per request, keep-alive connections
 * (Node's fetch pools them), credentials from the Lambda environment, the China partition's endpoints.
 */
import { AwsClient } from 'aws4fetch';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { awsHost, lambdaCredentials, type AwsCredentials } from '../aws';
import type {
  BatchGetCommandInput,
  BatchGetCommandOutput,
  BatchWriteCommandInput,
  BatchWriteCommandOutput,
  DeleteCommandInput,
  DeleteCommandOutput,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  ScanCommandInput,
  ScanCommandOutput,
  TransactGetCommandInput,
  TransactGetCommandOutput,
  TransactWriteCommandInput,
  TransactWriteCommandOutput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';

export type { QueryCommandInput, TransactWriteCommandInput };

/** A document-client command: the DynamoDB operation and its input in plain JavaScript values. */
export abstract class Command<I, O> {
  abstract readonly operation: string;
  /** Phantom: the output type of the command. */
  declare readonly _output?: O;
  constructor(readonly input: I) {}
}

type Out<O> = Omit<O, '$metadata'>;
/** The output type of a command class, e.g. `OutputOf<BatchGetCommand>`. */
export type OutputOf<C> = C extends Command<any, infer O> ? O : never;

export class GetCommand extends Command<GetCommandInput, Out<GetCommandOutput>> {
  readonly operation = 'GetItem';
}
export class PutCommand extends Command<PutCommandInput, Out<PutCommandOutput>> {
  readonly operation = 'PutItem';
}
export class UpdateCommand extends Command<UpdateCommandInput, Out<UpdateCommandOutput>> {
  readonly operation = 'UpdateItem';
}
export class DeleteCommand extends Command<DeleteCommandInput, Out<DeleteCommandOutput>> {
  readonly operation = 'DeleteItem';
}
export class QueryCommand extends Command<QueryCommandInput, Out<QueryCommandOutput>> {
  readonly operation = 'Query';
}
export class ScanCommand extends Command<ScanCommandInput, Out<ScanCommandOutput>> {
  readonly operation = 'Scan';
}
export class BatchGetCommand extends Command<BatchGetCommandInput, Out<BatchGetCommandOutput>> {
  readonly operation = 'BatchGetItem';
}
export class BatchWriteCommand extends Command<BatchWriteCommandInput, Out<BatchWriteCommandOutput>> {
  readonly operation = 'BatchWriteItem';
}
export class TransactGetCommand extends Command<TransactGetCommandInput, Out<TransactGetCommandOutput>> {
  readonly operation = 'TransactGetItems';
}
export class TransactWriteCommand extends Command<TransactWriteCommandInput, Out<TransactWriteCommandOutput>> {
  readonly operation = 'TransactWriteItems';
}

/** An error answered by DynamoDB, named as the SDK names it (`ConditionalCheckFailedException`, …). */
export class DynamoDBError extends Error {
  readonly $metadata: { httpStatusCode: number };
  constructor(
    name: string,
    message: string,
    status: number,
    /** TransactionCanceledException: one reason per item of the transaction, in order. */
    readonly CancellationReasons?: { Code?: string; Message?: string; Item?: Record<string, unknown> }[],
  ) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status };
  }
}

/** Throttling, server errors, a conflicting transaction in flight, no answer: worth one more attempt. */
export const RETRYABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionInProgressException',
  'NetworkError',
]);

/** What a middleware sees: the operation and its input (it may replace the input, e.g. to ask for capacity). */
export interface SendContext {
  operation: string;
  input: Record<string, unknown>;
}
export type Middleware = (ctx: SendContext, next: (ctx: SendContext) => Promise<any>) => Promise<any>;

export interface DocClientOptions {
  region: string;
  /** DynamoDB Local's URL; default: the region's endpoint (amazonaws.com.cn in the China regions). */
  endpoint?: string;
  credentials?: AwsCredentials;
  /** Attempts per call, the first included (default 2: fail fast so that an unavailable store is a quick 503). */
  maxAttempts?: number;
  /** Deadline of one attempt, ms (default 3000). */
  requestTimeoutMs?: number;
}

/** Marshall the document values of an input: items, keys and expression values become AttributeValues. */
function marshallInput(v: unknown, key?: string): unknown {
  if (v === null || typeof v !== 'object') return v;
  const opts = { removeUndefinedValues: true, convertClassInstanceToMap: false };
  if (key === 'Item' || key === 'Key' || key === 'ExclusiveStartKey' || key === 'ExpressionAttributeValues')
    return marshall(v as Record<string, unknown>, opts);
  if (key === 'Keys' && Array.isArray(v)) return v.map((k) => marshall(k, opts));
  if (Array.isArray(v)) return v.map((x) => marshallInput(x));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, marshallInput(x, k)]));
}

/** The reverse for an output: AttributeValue maps back to plain values. */
function unmarshallOutput(v: unknown, key?: string): unknown {
  if (v === null || typeof v !== 'object') return v;
  const one = (x: unknown) => unmarshall(x as never);
  if (key === 'Item' || key === 'Attributes' || key === 'LastEvaluatedKey' || key === 'Key') return one(v);
  if ((key === 'Items' || key === 'Keys') && Array.isArray(v)) return v.map(one);
  // BatchGetItem: { table: [items] }; TransactGetItems: [{ Item }].
  if (key === 'Responses' && !Array.isArray(v))
    return Object.fromEntries(Object.entries(v).map(([t, items]) => [t, (items as unknown[]).map(one)]));
  if (Array.isArray(v)) return v.map((x) => unmarshallOutput(x));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unmarshallOutput(x, k)]));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class DocClient {
  private readonly aws: AwsClient;
  private readonly url: string;
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;
  private readonly middleware: Middleware[] = [];

  constructor(opts: DocClientOptions) {
    const credentials = opts.credentials ?? lambdaCredentials();
    // The signer's own retries are off: this client decides what to retry.
    this.aws = new AwsClient({ ...credentials, service: 'dynamodb', region: opts.region, retries: 0 });
    this.url = opts.endpoint || `https://${awsHost('dynamodb', opts.region)}`;
    this.maxAttempts = opts.maxAttempts ?? 2;
    this.timeoutMs = opts.requestTimeoutMs ?? 3000;
  }

  /** Wrap every call (outermost first): benchmarks record commands and capacity through this. */
  use(mw: Middleware): void {
    this.middleware.push(mw);
  }

  send<I, O>(command: Command<I, O>): Promise<O> {
    const chain = this.middleware.reduceRight<(ctx: SendContext) => Promise<unknown>>(
      (next, mw) => (ctx) => mw(ctx, next),
      (ctx) => this.call(ctx.operation, ctx.input),
    );
    return chain({ operation: command.operation, input: command.input as Record<string, unknown> }) as Promise<O>;
  }

  private async call(operation: string, input: Record<string, unknown>): Promise<unknown> {
    const body = JSON.stringify(marshallInput(input));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(operation, body);
      } catch (err) {
        const e = err as Error & { $metadata?: unknown };
        // A DynamoDB answer is retried only when transient; a failure to get any answer (network, deadline) too.
        const transient = e instanceof DynamoDBError ? RETRYABLE.has(e.name) : true;
        if (!transient || attempt >= this.maxAttempts) throw err;
        await sleep(25 * 2 ** attempt * Math.random());
      }
    }
  }

  private async attempt(operation: string, body: string): Promise<unknown> {
    const request = await this.aws.sign(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${operation}`,
      },
      body,
    });
    let res: Response;
    try {
      res = await fetch(request, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') throw err;
      // No answer at all (refused, reset, DNS, blocked port): the store is unreachable.
      const cause = (err as Error).cause as Error | undefined;
      throw new DynamoDBError('NetworkError', `DynamoDB unreachable: ${cause?.message ?? (err as Error).message}`, 0);
    }
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      // A proxy's or load balancer's HTML error page: keep the status, name it by the status below.
    }
    if (res.ok) return unmarshallOutput(json);
    const type = String(json.__type ?? '');
    const name = type.slice(type.lastIndexOf('#') + 1) || (res.status >= 500 ? 'ServiceUnavailable' : 'UnknownError');
    const message = String(json.message ?? json.Message ?? `DynamoDB ${res.status}`);
    const reasons = Array.isArray(json.CancellationReasons)
      ? (unmarshallOutput(json.CancellationReasons) as DynamoDBError['CancellationReasons'])
      : undefined;
    throw new DynamoDBError(name, message, res.status, reasons);
  }
}
