import { Text, View } from '@tarojs/components';
import { countdownText, formatShanghai } from '@jiebang/shared';
import type { CatalogueItem } from '@jiebang/shared';
import { budgetText, demandTypeText, fieldText, issuerText, regionText } from '../../lib/format';
import './index.scss';

interface Props {
  item: CatalogueItem;
  now: Date;
  onOpen: (id: string) => void;
}

/** A demand of the public catalogue. Class names `demand-card*` are hooks of the end-to-end tests. */
export function DemandCard({ item, now, onOpen }: Props) {
  const closed = !item.open;
  const countdown = closed ? '已截止' : countdownText(item.applicationDeadline, now);
  const soon = !closed && Date.parse(item.applicationDeadline) - now.getTime() < 3 * 86_400_000;
  return (
    <View
      className={`demand-card${closed ? ' demand-card--closed' : ''}`}
      hoverClass="demand-card--pressed"
      onClick={() => onOpen(item.id)}
    >
      <View className="demand-card__tags">
        <Text className="demand-card__field">{fieldText(item.field)}</Text>
        <Text className="demand-card__type">{demandTypeText(item.demandType)}</Text>
        {/* SME 发榜 (library area): an SME's need, answered by universities and institutes. */}
        {item.track === 'sme' && <Text className="demand-card__type demand-card__track">中小企业发榜</Text>}
      </View>
      <Text className="demand-card__title">{item.title}</Text>
      <View className="demand-card__meta">
        <Text className={`demand-card__issuer${item.issuer ? '' : ' demand-card__issuer--anonymous'}`}>
          {issuerText(item)}
        </Text>
        <Text className="demand-card__dot">·</Text>
        <Text className="demand-card__region">{regionText(item.region)}</Text>
      </View>
      <View className="demand-card__footer">
        <Text className="demand-card__budget">{budgetText(item.budget)}</Text>
        <View className={`demand-card__deadline${closed ? ' is-closed' : soon ? ' is-soon' : ''}`}>
          <Text className="demand-card__countdown">{countdown}</Text>
          {!closed && (
            <Text className="demand-card__date">截止 {formatShanghai(item.applicationDeadline).slice(5)}</Text>
          )}
        </View>
      </View>
    </View>
  );
}
