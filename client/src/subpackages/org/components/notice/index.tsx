import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

/** What an organisation page's last action came to: done, or refused with the refusal's code. */
export interface Notice {
  kind: 'ok' | 'error';
  text: string;
  code?: string;
}

/**
 * The notice under an organisation page's hero (the `org-hero-page` mixin's `&__notice`): class
 * `<block>__notice--ok|error`, `data-kind`, `data-code`; `children` under the text (an import's refused rows).
 */
export function OrgNotice({ block, notice, children }: { block: string; notice: Notice; children?: ReactNode }) {
  return (
    <View
      className={`${block}__notice ${block}__notice--${notice.kind}`}
      data-kind={notice.kind}
      data-code={notice.code ?? ''}
    >
      <Text>{notice.text}</Text>
      {children}
    </View>
  );
}
