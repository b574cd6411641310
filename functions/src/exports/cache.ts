/**
 * Built export files kept in the Lambda instance's memory, keyed by what they were built from (the kind of
 * export, its scope and the version of its data): a key names one content for good, so an entry is never stale,
 * only unused — the oldest-used entries go once the cache holds more than its count or its bytes.
 *
 * Memory, not a stored copy (S3): an export is small (≈ 50 KB for 1,000 lines) and cheap to rebuild once per
 * change and instance, a warm instance answers most calls, and a repeat download with the ETag gets 304 from
 * one GetItem on any instance. Storing files would add a bucket, its permissions and a second read for little.
 */
export interface CachedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export class FileCache {
  private readonly entries = new Map<string, CachedFile>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get(key: string): CachedFile | undefined {
    const file = this.entries.get(key);
    if (file) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, file);
    }
    return file;
  }

  set(key: string, file: CachedFile): void {
    if (file.data.byteLength > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, file);
    this.bytes += file.data.byteLength;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(key: string): void {
    const file = this.entries.get(key);
    if (!file) return;
    this.entries.delete(key);
    this.bytes -= file.data.byteLength;
  }
}
