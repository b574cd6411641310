/**
 * The confirmation before publishing a draft event (irreversible: it enters the public calendar and opens
 * registration). Shared by 主办活动 and the creation form. Hook: the Dialog's `dialog__confirm`.
 */
import Taro from '@tarojs/taro';
import { useState } from 'react';
import * as events from '../../../services/events';
import { errorMessage } from '../../../services/http';
import { Dialog } from '../../../components/dialog';
import { showModal } from '../../../lib/modal';

export function PublishEventDialog({
  eventId,
  onClose,
  onPublished,
}: {
  /** The draft to publish; null: closed. */
  eventId: string | null;
  onClose: () => void;
  onPublished: (id: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={!!eventId}
      title="发布活动"
      message="发布后活动进入公开的活动日历并开放报名，不能再改回草稿。"
      confirmText="发布"
      busy={busy}
      onCancel={onClose}
      onConfirm={() => {
        const id = eventId!;
        setBusy(true);
        events
          .publish(id)
          .then(
            () => {
              void Taro.showToast({ title: '已发布', icon: 'success' });
              onPublished(id);
            },
            (err) => void showModal({ title: '未能发布', content: errorMessage(err), showCancel: false }),
          )
          .finally(() => {
            setBusy(false);
            onClose();
          });
      }}
    />
  );
}
