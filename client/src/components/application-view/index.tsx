import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { Application } from '@jiebang/shared';
import './index.scss';

/**
 * The 揭榜申请书 read-only, section by section, as the applicant and the reviewing authorities see it.
 * Classes: `application-view`, `application-view__section[data-section]`.
 */
function Section({ title, name, children }: { title: string; name: string; children: ReactNode }) {
  return (
    <View className="application-view__section" data-section={name}>
      <Text className="application-view__title">{title}</Text>
      {children}
    </View>
  );
}

function Row({ label, value }: { label: string; value?: ReactNode }) {
  if (value === undefined || value === '') return null;
  return (
    <View className="application-view__row">
      <Text className="application-view__label">{label}</Text>
      <Text className="application-view__value">{value}</Text>
    </View>
  );
}

function Para({ label, text }: { label: string; text?: string }) {
  if (!text) return null;
  return (
    <View className="application-view__para">
      <Text className="application-view__label">{label}</Text>
      <Text className="application-view__text" userSelect>
        {text}
      </Text>
    </View>
  );
}

export function ApplicationView({ app }: { app: Application }) {
  return (
    <View className="application-view">
      <Section title="团队水平" name="team">
        <Row label="项目负责人" value={`${app.team.leader.name}（${app.team.leader.title}）`} />
        <Row label="团队人数" value={`${app.team.memberCount} 人，其中研发人员 ${app.team.rndStaffCount} 人`} />
        {app.team.keyMembers.length > 0 && (
          <View className="application-view__list">
            {app.team.keyMembers.map((m, i) => (
              <Text key={i} className="application-view__item">
                {m.name} · {m.title} · {m.role}
              </Text>
            ))}
          </View>
        )}
      </Section>
      <Section title="研发能力" name="capability">
        <Row label="研发投入占比" value={`${app.capability.rndSpendingRatio}%`} />
        <Row label="发明专利" value={`${app.capability.inventionPatents} 件`} />
        <Para label="其他知识产权" text={app.capability.otherIp} />
        <Para label="研发平台" text={app.capability.platforms} />
        <Para label="相关项目" text={app.capability.pastProjects} />
      </Section>
      <Section title="攻关方案" name="plan">
        <Para label="技术路线" text={app.plan.route} />
        <Para label="创新点" text={app.plan.innovations} />
        <View className="application-view__list">
          {app.plan.milestones.map((m, i) => (
            <View key={i} className="application-view__milestone">
              <Text className="application-view__month">{m.month}</Text>
              <Text className="application-view__deliverable">{m.deliverable}</Text>
            </View>
          ))}
        </View>
        <Para label="预期成果" text={app.plan.expectedResults} />
        <Para label="风险及应对" text={app.plan.risks} />
      </Section>
      <Section title="与需求匹配度" name="match">
        <Text className="application-view__text" userSelect>
          {app.match}
        </Text>
      </Section>
      <Section title="预算与声明" name="budget">
        <Row label="项目预算" value={app.budget ? `${app.budget.amount} 万元` : '未填写'} />
        <Para label="预算说明" text={app.budget?.note} />
        <Row label="非关联声明" value={app.declaration.notAffiliated ? '已声明非发榜企业关联方' : '未声明'} />
        <Row label="盖章扫描件" value={(app.attachments ?? []).map((a) => a.name).join('、') || '未上传'} />
      </Section>
    </View>
  );
}
