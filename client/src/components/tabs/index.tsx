import { Tabs as NutTabs } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css';
import './index.scss';

export interface TabItem<K extends string> {
  key: K;
  label: string;
  /** A count after the label (nothing when 0 or absent). */
  count?: number;
}

/**
 * The one tab strip of the lists (inbox, queues): NutUI's Tabs (44 px titles, the current one underlined in the
 * theme colour through NutUI's CSS variables set in app.scss), used as a strip only — the list under it is the
 * page's. Classes: `tabs` on the root; NutUI's `nut-tabs-titles-item` (`nut-tabs-titles-item-active`).
 */
export function Tabs<K extends string>({
  items,
  value,
  onChange,
  className = '',
}: {
  items: TabItem<K>[];
  value: K;
  onChange: (key: K) => void;
  className?: string;
}) {
  return (
    <NutTabs className={`tabs ${className}`} value={value} activeType="line" onChange={(v) => onChange(v as K)}>
      {items.map((t) => (
        <NutTabs.TabPane
          key={t.key}
          value={t.key}
          title={t.count ? `${t.label} ${t.count > 99 ? '99+' : t.count}` : t.label}
        />
      ))}
    </NutTabs>
  );
}
