/**
 * Autosave of the 需求表 on this device: every change is kept (debounced) so that nothing typed is lost to a
 * closed page, a lost connection or a form the server does not accept yet. Keyed by the demand's id, or "new"
 * for a form never saved to the server.
 */
import Taro from '@tarojs/taro';
import type { DemandFormValues } from './demand-form';

const PREFIX = 'jiebang.demandDraft.';

export interface LocalDraft {
  values: DemandFormValues;
  /** ISO instant of the last local save. */
  savedAt: string;
  /** Server version the values were based on (edit forms), to tell whether the server has moved on. */
  baseVersion?: number;
}

export function loadLocalDraft(key: string): LocalDraft | null {
  try {
    const raw: unknown = Taro.getStorageSync(PREFIX + key);
    if (!raw || typeof raw !== 'string') return null;
    const draft = JSON.parse(raw) as LocalDraft;
    return draft && typeof draft === 'object' && draft.values && typeof draft.savedAt === 'string' ? draft : null;
  } catch {
    return null;
  }
}

export function saveLocalDraft(key: string, draft: LocalDraft): void {
  try {
    Taro.setStorageSync(PREFIX + key, JSON.stringify(draft));
  } catch {
    // Storage full or unavailable: the form still works, it just cannot be restored later.
  }
}

export function clearLocalDraft(key: string): void {
  try {
    Taro.removeStorageSync(PREFIX + key);
  } catch {
    /* nothing to clear */
  }
}
