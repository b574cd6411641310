/**
 * Where the scanned, stamped application PDFs live. Clients upload straight to the store with a short-lived
 * signed URL (the body never passes through Lambda/API Gateway, whose payload limits are far below 10 MB); the
 * API then checks what arrived by its content before any application may reference it.
 */

export interface UploadTicket {
  url: string;
  method: 'PUT';
  /** Headers the client must send with the PUT (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface StoredObject {
  size: number;
  /** The first bytes of the object (at least the 5 of the PDF signature when the object is that long). */
  head: Uint8Array;
}

export interface AttachmentStore {
  /**
   * A signed PUT for exactly `size` bytes of `contentType` at `key`, valid for a few minutes and single-use: it
   * never replaces an object already at `key` (412), so a key, once written, always holds the same bytes.
   */
  createUpload(key: string, size: number, contentType: string, now: Date): Promise<UploadTicket>;
  /** Size and first bytes of the object, or null when nothing was uploaded at `key`. */
  inspect(key: string): Promise<StoredObject | null>;
  /** The whole object (an uploaded .xlsx to import), or null when nothing was uploaded at `key`. */
  read(key: string): Promise<Uint8Array | null>;
  /** A signed GET of the object, valid for a few minutes. */
  createDownload(key: string, now: Date): Promise<string>;
}

/** Seconds a signed URL stays valid: long enough for 10 MB on a slow phone link, short enough not to be shared. */
export const SIGNED_URL_SECONDS = 600;

/** Every PDF starts with these bytes; a file is judged by them, never by its name or declared type. */
export const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');

export const isPdf = (head: Uint8Array): boolean =>
  head.length >= PDF_SIGNATURE.length && PDF_SIGNATURE.every((b, i) => head[i] === b);
