import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';

/** trust: the link to a demand's or an application's tamper-evident trail (the page that verifies it). */
export function AuditLink({ type, id, className }: { type: 'demand' | 'application'; id: string; className: string }) {
  const url = `/subpackages/trust/pages/audit/index?type=${type}&id=${encodeURIComponent(id)}`;
  return (
    <Text className={className} onClick={() => void Taro.navigateTo({ url })}>
      防篡改记录与校验 ›
    </Text>
  );
}
