import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { MeResponse } from '@jiebang/shared';
import * as review from '../../services/review';
import * as applications from '../../services/applications';
import { authorityOf } from '../../lib/roles';

/** The to-do count shown on an entry of 我的, by the entry's key (`review`, `review-apps`, `applications`). */
export type Todos = Partial<Record<string, string>>;

/** "12" or, past what one page showed, "50+". */
const countText = (n: number, more: boolean) => `${n}${more ? '+' : ''}`;

/**
 * What waits for the user on 我的, by role, from the reads the API already has: demands to review (its total),
 * applications to pre-review (one page counted), the SME's drafts and returned applications. Asked again each time
 * 我的 shows; a failed count is simply not shown.
 */
export function useTodos(me: MeResponse): Todos {
  const [todos, setTodos] = useState<Todos>({});
  const [asked, setAsked] = useState(0);
  useDidShow(() => setAsked((n) => n + 1));
  useEffect(() => {
    let live = true;
    const put = (key: string, text: string | null) => live && setTodos((t) => ({ ...t, [key]: text ?? undefined }));
    if (authorityOf(me.user.roles)) {
      review
        .queue({ limit: 1 })
        .then((q) => put('review', q.counts.total > 0 ? `待审 ${q.counts.total}` : null))
        .catch(() => undefined);
      applications
        .reviewQueue(null, 50)
        .then((p) =>
          put('review-apps', p.items.length > 0 ? `待审 ${countText(p.items.length, !!p.nextCursor)}` : null),
        )
        .catch(() => undefined);
    }
    if (me.org?.kind === 'sme') {
      applications
        .listMine(null, 50)
        .then((p) => {
          const open = p.items.filter((a) => a.status === 'draft' || a.status === 'returned').length;
          put('applications', open > 0 ? `待完成 ${open}` : null);
        })
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [me, asked]);
  return todos;
}
