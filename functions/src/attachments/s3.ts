/**
 * Production attachment store: a private S3 bucket, presigned PUT/GET URLs (SigV4 query signing by `aws4fetch`,
 * as for the store's DynamoDB client: the S3 SDK client and presigner alone weighed ≈ 300 KB in each function
 * that handles attachments). Virtual-hosted URLs of the region's endpoint (amazonaws.com.cn in China).
 */
import { AwsClient, AwsV4Signer } from 'aws4fetch';
import { awsHost, lambdaCredentials, type AwsCredentials } from '../aws';
import { SIGNED_URL_SECONDS, type AttachmentStore } from './types';

/** SigV4's timestamp format: 20261121T080000Z. */
const amzDate = (d: Date) => d.toISOString().replace(/[:-]|\.\d{3}/g, '');

export class S3AttachmentStore implements AttachmentStore {
  private readonly aws: AwsClient;
  private readonly origin: string;

  constructor(
    private readonly bucket: string,
    private readonly region: string,
    private readonly credentials: AwsCredentials = lambdaCredentials(),
    /** Tests: a stand-in's origin instead of the bucket's. */
    origin?: string,
  ) {
    this.aws = new AwsClient({ ...credentials, service: 's3', region, retries: 1 });
    this.origin = origin ?? `https://${bucket}.${awsHost('s3', region)}`;
  }

  private objectUrl(key: string): string {
    return `${this.origin}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  private async presign(method: 'PUT' | 'GET', key: string, now: Date, headers: Record<string, string> = {}) {
    const url = `${this.objectUrl(key)}?X-Amz-Expires=${SIGNED_URL_SECONDS}`;
    const signed = await new AwsV4Signer({
      ...this.credentials,
      method,
      url,
      headers,
      service: 's3',
      region: this.region,
      datetime: amzDate(now),
      signQuery: true,
      // Sign Content-Type and Content-Length too (aws4fetch leaves them out by default).
      allHeaders: true,
    }).sign();
    return signed.url.toString();
  }

  async createUpload(key: string, size: number, contentType: string, now: Date) {
    // Signing Content-Length makes S3 refuse a body of any other size, so the 10 MB limit holds at upload time.
    // Signing `If-None-Match: *` (an S3 conditional write) makes the URL single-use: once an object is at the key,
    // S3 answers 412 and keeps it, so the file confirmed, submitted and read by reviewers cannot be replaced.
    const headers = { 'content-type': contentType, 'content-length': String(size), 'if-none-match': '*' };
    return {
      url: await this.presign('PUT', key, now, headers),
      method: 'PUT' as const,
      headers,
      expiresAt: new Date(now.getTime() + SIGNED_URL_SECONDS * 1000).toISOString(),
    };
  }

  async inspect(key: string) {
    const head = await this.aws.fetch(this.objectUrl(key), { method: 'HEAD' });
    if (head.status === 404) return null;
    if (!head.ok) throw new Error(`S3 HEAD ${head.status}`);
    const size = Number(head.headers.get('content-length') ?? 0);
    if (size === 0) return { size, head: new Uint8Array() };
    const first = await this.aws.fetch(this.objectUrl(key), { headers: { range: 'bytes=0-7' } });
    if (!first.ok) throw new Error(`S3 GET ${first.status}`);
    return { size, head: new Uint8Array(await first.arrayBuffer()) };
  }

  async read(key: string) {
    const res = await this.aws.fetch(this.objectUrl(key));
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`S3 GET ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  async createDownload(key: string, now: Date) {
    return this.presign('GET', key, now);
  }
}
