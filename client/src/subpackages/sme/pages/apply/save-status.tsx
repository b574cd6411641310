import { Text } from '@tarojs/components';
import { hhmm, type Save } from './use-apply-form';

/** Where the draft is kept, and since when. */
export function SaveStatus({ save }: { save: Save }) {
  switch (save.kind) {
    case 'idle':
      return <Text className="apply-save-status">草稿自动保存</Text>;
    case 'local':
      return <Text className="apply-save-status is-local">已保存在本机 {hhmm(save.at)}</Text>;
    case 'saving':
      return <Text className="apply-save-status is-saving">正在保存…</Text>;
    case 'server':
      return <Text className="apply-save-status is-server">已保存草稿 {hhmm(save.at)}</Text>;
    case 'error':
      return <Text className="apply-save-status is-error">{`未能保存到服务器（已保存在本机）`}</Text>;
  }
}
