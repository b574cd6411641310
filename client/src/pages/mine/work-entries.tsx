import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeResponse } from '@jiebang/shared';
import { authorityName, authorityOf, isIssuerUser } from '../../lib/roles';
import './work-entries.scss';

/**
 * Entries of 发榜 on 我的: 我的发榜 for members of a large enterprise, 审核工作台 (demand review) for the ministry
 * and provincial authorities. Classes `mine-work`, `mine-work__entry--my-demands`, `mine-work__entry--review`.
 */
export function WorkEntries({ me, todos = {} }: { me: MeResponse; todos?: Partial<Record<string, string>> }) {
  const authority = authorityOf(me.user.roles);
  const entries: { key: string; icon: string; title: string; desc: string; url: string }[] = [];
  if (isIssuerUser(me)) {
    entries.push({
      key: 'my-demands',
      icon: '榜',
      title: '我的发榜',
      desc: '填写需求表、报送审核、查看审核进度',
      url: '/subpackages/issuer/pages/my-demands/index',
    });
  }
  if (authority) {
    entries.push({
      key: 'review',
      icon: '审',
      title: '审核工作台',
      desc:
        authority.kind === 'ministry' ? '审核转报及直报的需求，发布需求目录' : `${authorityName(authority)} · 需求初核`,
      url: '/subpackages/authority/pages/review-queue/index',
    });
  }
  if (entries.length === 0) return null;
  return (
    <View className="mine-work">
      {entries.map((e) => (
        <View
          key={e.key}
          className={`mine-work__entry mine-work__entry--${e.key}`}
          hoverClass="mine-work__entry--pressed"
          onClick={() => void Taro.navigateTo({ url: e.url })}
        >
          <View className="mine-work__icon">
            <Text>{e.icon}</Text>
          </View>
          <View className="mine-work__body">
            <Text className="mine-work__title">{e.title}</Text>
            <Text className="mine-work__desc">{e.desc}</Text>
          </View>
          {todos[e.key] && <Text className={`mine-work__todo mine-todo--${e.key}`}>{todos[e.key]}</Text>}
          <Text className="mine-work__arrow">›</Text>
        </View>
      ))}
    </View>
  );
}
