/**
 * Files the API answers (the .xlsx exports, the paper forms as PDF), fetched with the caller's session — the routes need it, and a
 * plain link or `window.open` would go without the Authorization header. The mini-program downloads with
 * `Taro.downloadFile` (the header, progress events) and opens the file with `openDocument` (whose menu saves or
 * forwards it); H5 reads the body with fetch (progress from its stream) and hands it to the browser as a download.
 * The API host must be listed among the mini-program's downloadFile 合法域名 (as it is for request).
 */
import Taro from '@tarojs/taro';
import { pathOf, type RouteDefinition } from '@jiebang/shared/routes/define';
import { apiBaseUrl } from '../lib/env';
import { ApiError, NETWORK_ERROR, toApiError } from './http';
import { getToken } from './session';

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
export type FileType = keyof typeof TYPES;

/** Percent done (0–100), or null while the size is unknown. */
export type Progress = (percent: number | null) => void;

const networkError = () => new ApiError(0, NETWORK_ERROR, '网络连接失败，请检查网络后重试');

/** The body of a failed H5 answer as the API's error (its own message when it sent one). */
async function failure(res: Response): Promise<ApiError> {
  let data: unknown;
  try {
    data = await res.json();
  } catch {
    data = undefined;
  }
  return toApiError(res.status, data);
}

/** H5: read the body chunk by chunk (progress), then save it under `fileName`. */
async function saveInBrowser(
  url: string,
  header: Record<string, string>,
  fileName: string,
  fileType: FileType,
  progress?: Progress,
) {
  let res: Response;
  try {
    res = await fetch(url, { headers: header });
  } catch {
    throw networkError();
  }
  if (!res.ok) throw await failure(res);
  const total = Number(res.headers.get('content-length')) || 0;
  const parts: BlobPart[] = [];
  const reader = res.body?.getReader();
  if (reader) {
    let got = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      got += value.byteLength;
      progress?.(total ? Math.min(99, Math.round((got / total) * 100)) : null);
    }
  } else parts.push(await res.blob());
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(parts, { type: TYPES[fileType] }));
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/** Mini-program: download to a temporary file (progress events), then open it in the system viewer. */
async function openInViewer(url: string, header: Record<string, string>, fileType: FileType, progress?: Progress) {
  let file: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    const task = Taro.downloadFile({ url, header });
    task.onProgressUpdate?.((p) => progress?.(p.totalBytesExpectedToWrite > 0 ? p.progress : null));
    file = await task;
  } catch {
    throw networkError();
  }
  // The error body went to the temporary file: the status says enough.
  if (file.statusCode !== 200) throw toApiError(file.statusCode, undefined);
  await Taro.openDocument({ filePath: file.tempFilePath, fileType, showMenu: true });
}

/** Download the file at the API's `path` with the session; `fileName` is what H5 saves it as. */
export async function downloadFile(path: string, fileName: string, fileType: FileType, progress?: Progress) {
  const url = `${apiBaseUrl}${path}`;
  const token = getToken();
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  progress?.(null);
  if (process.env.TARO_ENV === 'h5') await saveInBrowser(url, header, fileName, fileType, progress);
  else await openInViewer(url, header, fileType, progress);
  progress?.(100);
}

/** Download the .xlsx a route answers, with the session. */
export function downloadXlsx<R extends RouteDefinition>(
  route: R,
  params: Record<string, string>,
  fileName: string,
  progress?: Progress,
): Promise<void> {
  return downloadFile(pathOf(route, params), fileName, 'xlsx', progress);
}

/**
 * Open a file the API handed out as a short-lived signed URL (an objection's PDF): the URL carries its own
 * permission, so no session header. H5 opens it in a new tab (the browser's PDF viewer); the mini-program
 * downloads and opens it. The storage host must be among the downloadFile 合法域名.
 */
export async function openSignedFile(url: string, fileType: FileType) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return;
  }
  await openInViewer(url, {}, fileType);
}
