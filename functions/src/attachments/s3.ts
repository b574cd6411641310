/** Production attachment store: a private S3 bucket, presigned PUT/GET URLs. The only module importing the S3 SDK. */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SIGNED_URL_SECONDS, type AttachmentStore } from './types';

const isMissing = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

export class S3AttachmentStore implements AttachmentStore {
  private readonly s3: S3Client;
  constructor(
    private readonly bucket: string,
    region: string,
  ) {
    this.s3 = new S3Client({ region, maxAttempts: 2 });
  }

  async createUpload(key: string, size: number, contentType: string, now: Date) {
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ContentType: contentType,
      ContentLength: size,
    });
    // Signing Content-Length makes S3 refuse a body of any other size, so the 10 MB limit holds at upload time.
    const url = await getSignedUrl(this.s3, command, {
      expiresIn: SIGNED_URL_SECONDS,
      signableHeaders: new Set(['content-type', 'content-length']),
      signingDate: now,
    });
    return {
      url,
      method: 'PUT' as const,
      headers: { 'content-type': contentType, 'content-length': String(size) },
      expiresAt: new Date(now.getTime() + SIGNED_URL_SECONDS * 1000).toISOString(),
    };
  }

  async inspect(key: string) {
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      const size = head.ContentLength ?? 0;
      if (size === 0) return { size, head: new Uint8Array() };
      const first = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: 'bytes=0-7' }));
      return { size, head: (await first.Body?.transformToByteArray()) ?? new Uint8Array() };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async createDownload(key: string, now: Date) {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: SIGNED_URL_SECONDS,
      signingDate: now,
    });
  }
}
