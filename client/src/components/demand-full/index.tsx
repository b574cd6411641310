import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { COOPERATION_MODES, OUTCOME_FORMS, formatShanghai } from '@jiebang/shared';
import type { Demand } from '@jiebang/shared';
import { ANONYMOUS_ISSUER, budgetText, demandTypeText, fieldText, regionText } from '../../lib/format';
import './index.scss';

const WEIGHT_LABELS = [
  ['team', '团队水平'],
  ['capability', '研发能力'],
  ['plan', '攻关方案'],
  ['match', '与需求匹配度'],
] as const;

export const CHANNEL_TEXT = { province: '报省级主管部门初核', ministry: '直接报送工业和信息化部' } as const;

export function FullSection({
  title,
  children,
  className = '',
}: {
  title: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <View className={`demand-full__section ${className}`}>
      <View className="demand-full__head">
        <View className="demand-full__bar" />
        <Text className="demand-full__title">{title}</Text>
      </View>
      {children}
    </View>
  );
}

function Fact({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  return (
    <View className={`demand-full__fact ${className}`}>
      <Text className="demand-full__label">{label}</Text>
      <View className="demand-full__value">{children}</View>
    </View>
  );
}

/**
 * Every part of a demand, including what the public never sees (issuer, credit code, contact): for its issuer
 * and the reviewing authorities only. Classes `demand-full`, `demand-full__issuer`, `demand-full__contact`.
 */
export function DemandFull({ demand: d }: { demand: Demand }) {
  return (
    <View className="demand-full">
      <FullSection title="基本信息">
        <Fact label="发榜企业">
          <Text className="demand-full__issuer">{d.issuerName}</Text>
          <Text className="demand-full__sub">统一社会信用代码 {d.issuerCreditCode}</Text>
        </Fact>
        <Fact label="公开方式">
          {d.anonymous ? (
            <Text className="demand-full__anon">不公开企业名称（需求目录显示为“{ANONYMOUS_ISSUER}”）</Text>
          ) : (
            <Text>公开企业名称</Text>
          )}
        </Fact>
        <Fact label="所属地区">
          <Text>{regionText(d.region)}</Text>
        </Fact>
        <Fact label="所属领域">
          <Text>{fieldText(d.field)}</Text>
        </Fact>
        <Fact label="需求类型">
          <Text>{demandTypeText(d.demandType)}</Text>
        </Fact>
        {d.catalogueCategory && (
          <Fact label="目录类别">
            <Text>{d.catalogueCategory}</Text>
          </Fact>
        )}
        <Fact label="需求预算">
          <Text className="demand-full__accent">{budgetText(d.budget)}</Text>
        </Fact>
        <Fact label="揭榜截止">
          <Text>{formatShanghai(d.applicationDeadline)}（北京时间）</Text>
        </Fact>
        <Fact label="预期完成">
          <Text>{d.expectedCompletion}</Text>
        </Fact>
        {d.channel && (
          <Fact label="报送渠道">
            <Text>{CHANNEL_TEXT[d.channel]}</Text>
          </Fact>
        )}
        <Fact label="年度">
          <Text>{d.campaignYear} 年度</Text>
        </Fact>
      </FullSection>

      <FullSection title="需求背景及现状">
        <Text className="demand-full__text" userSelect>
          {d.background}
        </Text>
      </FullSection>

      <FullSection title="关键技术难点">
        <Text className="demand-full__text" userSelect>
          {d.difficulties}
        </Text>
      </FullSection>

      <FullSection title="主要技术指标">
        <View className="demand-full__table">
          <View className="demand-full__row demand-full__row--head">
            <Text className="demand-full__cell-name">指标</Text>
            <Text className="demand-full__cell-target">要求</Text>
          </View>
          {d.indicators.map((ind, i) => (
            <View key={i} className="demand-full__row">
              <Text className="demand-full__cell-name">{ind.name}</Text>
              <Text className="demand-full__cell-target">{ind.target}</Text>
            </View>
          ))}
        </View>
      </FullSection>

      <FullSection title="成果形式与合作方式">
        <View className="demand-full__chips">
          {d.outcomeForms.map((f) => (
            <Text key={f} className="demand-full__chip">
              {OUTCOME_FORMS[f]}
            </Text>
          ))}
        </View>
        <View className="demand-full__chips demand-full__chips--modes">
          {d.cooperationModes.map((m) => (
            <Text key={m} className="demand-full__chip demand-full__chip--mode">
              {COOPERATION_MODES[m]}
            </Text>
          ))}
        </View>
      </FullSection>

      <FullSection title="联系人" className="demand-full__contact">
        <Fact label="姓名">
          <Text>
            {d.contact.name}
            {d.contact.title ? `（${d.contact.title}）` : ''}
          </Text>
        </Fact>
        <Fact label="电话">
          <Text userSelect>{d.contact.phone}</Text>
        </Fact>
        {d.contact.email && (
          <Fact label="邮箱">
            <Text userSelect>{d.contact.email}</Text>
          </Fact>
        )}
        {d.anonymous && <Text className="demand-full__note">联系人信息仅发榜企业和主管部门可见。</Text>}
      </FullSection>

      <FullSection title="评审权重">
        <View className="demand-full__weights">
          {WEIGHT_LABELS.map(([key, label]) => (
            <View key={key} className="demand-full__weight">
              <Text className="demand-full__weight-value">{d.weights[key]}%</Text>
              <Text className="demand-full__weight-label">{label}</Text>
            </View>
          ))}
        </View>
      </FullSection>
    </View>
  );
}
