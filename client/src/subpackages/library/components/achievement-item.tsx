/** An achievement of the library as a card (`achievement-card`, `data-id`), and its price in words. */
import { Text, View } from '@tarojs/components';
import { FIELDS, TRANSFER_MODES, type AchievementCard } from '@jiebang/shared';

export function priceText(p: AchievementCard['price']) {
  return p.negotiable || p.amount === undefined ? '价格面议' : `${p.amount} 万元`;
}

export function AchievementItem({ a, onOpen }: { a: AchievementCard; onOpen: (id: string) => void }) {
  return (
    <View
      className="lib-card achievement-card"
      data-id={a.id}
      hoverClass="lib-card--pressed"
      onClick={() => onOpen(a.id)}
    >
      <View className="lib-card__tags">
        <Text className="lib-card__tag">{FIELDS[a.field]}</Text>
        <Text className="lib-card__tag lib-card__tag--trl">成熟度 {a.maturity} 级</Text>
        {a.transferModes.map((m) => (
          <Text key={m} className="lib-card__tag">
            {TRANSFER_MODES[m]}
          </Text>
        ))}
      </View>
      <Text className="lib-card__title">{a.title}</Text>
      <Text className="lib-card__summary">{a.summary}</Text>
      <Text className="lib-card__meta">
        {a.ownerName} · {priceText(a.price)}
      </Text>
    </View>
  );
}
