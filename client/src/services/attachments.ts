import '../lib/zod-setup';
import Taro from '@tarojs/taro';
import { MAX_ATTACHMENT_BYTES } from '@jiebang/shared';
import { orgsAttachmentsConfirm, orgsAttachmentsCreate } from '@jiebang/shared/routes/orgs';
import { call } from './api';
import { ApiError, NETWORK_ERROR } from './http';

/**
 * The stamped, scanned application (PDF ≤ 10 MB), in three steps (functions/src/attachments):
 * 1. `orgsAttachmentsCreate` { name, size, contentType } → a key and a short-lived signed PUT URL;
 * 2. PUT the bytes straight to that URL (never through the API, whose body limit is far below 10 MB);
 * 3. `orgsAttachmentsConfirm` — the server checks the content is a PDF.
 * Only then may an application reference `{ key, name }`.
 */

/** A file the user picked: a Blob in H5, a temporary path in the mini-program. */
export interface PickedFile {
  name: string;
  size: number;
  blob?: Blob;
  path?: string;
}

export interface UploadedAttachment {
  key: string;
  name: string;
  size: number;
}

/** Client-side checks before anything is sent (the server checks again, by content). */
export function fileProblem(file: Pick<PickedFile, 'name' | 'size'>): string | null {
  if (!/\.pdf$/i.test(file.name)) return '请选择 PDF 格式的盖章扫描件';
  if (file.size < 5) return '文件为空，请重新选择';
  if (file.size > MAX_ATTACHMENT_BYTES) return `文件 ${formatBytes(file.size)}，超过 10 MB 的上限，请压缩后重试`;
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What a pick accepts: the H5 input's `accept`, the mini-program's extensions (without the dot). */
interface Accept {
  accept: string;
  extension: string[];
}
const PDF: Accept = { accept: 'application/pdf,.pdf', extension: ['pdf'] };

/** H5: a hidden `<input type=file>` kept in the document (end-to-end tests may also set its files). */
function pickInBrowser(kind: Accept): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    let input = document.getElementById('attachment-file-input') as HTMLInputElement | null;
    if (!input) {
      input = document.createElement('input');
      input.id = 'attachment-file-input';
      input.type = 'file';
      input.style.display = 'none';
      document.body.appendChild(input);
    }
    const el = input;
    el.accept = kind.accept;
    el.value = '';
    el.onchange = () => {
      const file = el.files?.[0];
      resolve(file ? { name: file.name, size: file.size, blob: file } : null);
    };
    el.click();
  });
}

/** Let the user pick one file: from a WeChat chat in the mini-program, from the device in H5. null = cancelled. */
export async function pickFile(kind: Accept): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser(kind);
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: kind.extension });
    const f = res.tempFiles[0];
    return f ? { name: f.name, size: f.size, path: f.path } : null;
  } catch {
    return null; // cancelled
  }
}

/** Let the user pick one PDF. null = cancelled. */
export const pickPdf = () => pickFile(PDF);

function putInBrowser(url: string, headers: Record<string, string>, blob: Blob, onProgress: (p: number) => void) {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(0.99, e.loaded / e.total));
    };
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(new ApiError(xhr.status, 'UPLOAD_FAILED', `上传失败（${xhr.status}），请重试`));
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, '上传失败，请检查网络后重试'));
    xhr.send(blob);
  });
}

async function putInMiniProgram(url: string, headers: Record<string, string>, path: string) {
  const data = await new Promise<ArrayBuffer>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: path,
      success: (r) => resolve(r.data as ArrayBuffer),
      fail: () => reject(new ApiError(0, 'FILE_READ_FAILED', '无法读取所选文件，请重新选择')),
    });
  });
  let res: { statusCode: number };
  try {
    res = await Taro.request({ url, method: 'PUT', header: headers, data, responseType: 'text', timeout: 120_000 });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '上传失败，请检查网络后重试');
  }
  if (res.statusCode < 200 || res.statusCode >= 300) {
    throw new ApiError(res.statusCode, 'UPLOAD_FAILED', `上传失败（${res.statusCode}），请重试`);
  }
}

/** PUT a picked file to a signed upload URL; `onProgress` 0–1 (the mini-program jumps from 0.1 to 1). */
export async function putFile(
  upload: { url: string; headers: Record<string, string> },
  file: PickedFile,
  onProgress: (fraction: number) => void,
): Promise<void> {
  if (file.blob) await putInBrowser(upload.url, upload.headers, file.blob, onProgress);
  else if (file.path) {
    onProgress(0.1);
    await putInMiniProgram(upload.url, upload.headers, file.path);
  } else throw new ApiError(0, 'BAD_FILE', '无法读取所选文件，请重新选择');
}

/**
 * Upload a picked PDF for the enterprise `orgId` and have the server check it. `onProgress` gets 0–1 (the
 * mini-program cannot report a PUT's progress: it jumps from 0.1 to 1).
 */
export async function uploadPdf(
  orgId: string,
  file: PickedFile,
  onProgress: (fraction: number) => void,
): Promise<UploadedAttachment> {
  const problem = fileProblem(file);
  if (problem) throw new ApiError(0, 'BAD_FILE', problem);
  onProgress(0);
  const ticket = await call(orgsAttachmentsCreate, {
    params: { id: orgId },
    body: { name: file.name.slice(-100), size: file.size, contentType: 'application/pdf' },
  });
  onProgress(0.05);
  await putFile(ticket.upload, file, onProgress);
  const attachmentId = (ticket.key.split('/')[2] ?? '').replace(/\.pdf$/, '');
  const confirmed = await call(orgsAttachmentsConfirm, { params: { id: orgId, attachmentId } });
  onProgress(1);
  return { key: confirmed.key, name: file.name.slice(-100), size: confirmed.size };
}
