import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import type { AuditedType } from '@jiebang/shared';

/** trust: the link to an object's tamper-evident trail (the page that verifies it): a demand, an application, an event. */
export function AuditLink({ type, id, className }: { type: AuditedType; id: string; className: string }) {
  const url = `/subpackages/trust/pages/audit/index?type=${type}&id=${encodeURIComponent(id)}`;
  return (
    <Text className={className} onClick={() => void Taro.navigateTo({ url })}>
      防篡改记录与校验 ›
    </Text>
  );
}
