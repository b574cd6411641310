/**
 * A file the API answers (exports, the paper forms), fetched with the session: saved by the browser on H5 (a blob
 * link), opened with the system viewer in the mini-program (downloadFile + openDocument, from which the user can
 * print or forward it).
 */
import Taro from '@tarojs/taro';
import { apiBaseUrl } from '../lib/env';
import { ApiError, NETWORK_ERROR } from './http';
import { getToken } from './session';

export async function downloadFile(path: string, filename: string, fileType: 'xlsx' | 'pdf'): Promise<void> {
  const url = `${apiBaseUrl}${path}`;
  const header = { Authorization: `Bearer ${getToken() ?? ''}` };
  if (process.env.TARO_ENV === 'h5') {
    let res: Response;
    try {
      res = await fetch(url, { headers: header });
    } catch {
      throw new ApiError(0, NETWORK_ERROR, '网络连接失败，请检查网络后重试');
    }
    if (!res.ok) throw new ApiError(res.status, 'EXPORT_FAILED', `下载失败（${res.status}），请稍后重试`);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await res.blob());
    link.download = filename;
    link.click();
    return;
  }
  const file = await Taro.downloadFile({ url, header });
  if (file.statusCode !== 200) throw new ApiError(file.statusCode, 'EXPORT_FAILED', '下载失败，请稍后重试');
  await Taro.openDocument({ filePath: file.tempFilePath, fileType, showMenu: true });
}
