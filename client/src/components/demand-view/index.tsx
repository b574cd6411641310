import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { COOPERATION_MODES, OUTCOME_FORMS, formatShanghai } from '@jiebang/shared';
import type { CatalogueDetail, Demand } from '@jiebang/shared';
import { ANONYMOUS_ISSUER, budgetText, demandTypeText, fieldText, regionText } from '../../lib/format';
import './index.scss';

const WEIGHT_LABELS = [
  ['team', '团队水平'],
  ['capability', '研发能力'],
  ['plan', '攻关方案'],
  ['match', '与需求匹配度'],
] as const;

export const CHANNEL_TEXT = { province: '报省级主管部门初核', ministry: '直接报送工业和信息化部' } as const;

/** What every variant shows: the parts of a demand the public catalogue also has. */
type DemandBody = Pick<
  CatalogueDetail,
  'background' | 'difficulties' | 'indicators' | 'outcomeForms' | 'cooperationModes' | 'expectedCompletion' | 'weights'
>;

type Props =
  /** The catalogue's detail: what anyone may read (no issuer identity beyond the public name, no contact). */
  | { variant: 'public'; demand: CatalogueDetail }
  /** Every part, with the issuer, its credit code and the contact: for the issuer and reviewing authorities. */
  | { variant: 'full'; demand: Demand }
  /** Only the indicators, as a reference beside a form (the application's 匹配度). */
  | { variant: 'indicators'; demand: Pick<DemandBody, 'indicators'> };

/**
 * One demand view for every page that shows a demand. Class names stay those the pages had: `detail-section`,
 * `indicators`, `chips`, `weights` (public); `demand-full*` with `demand-full__issuer`, `demand-full__contact`
 * (full); `apply-reference*` (indicators).
 */
export function DemandView(props: Props) {
  if (props.variant === 'indicators') return <Indicators look="reference" demand={props.demand} />;
  if (props.variant === 'public') return <PublicBody demand={props.demand} />;
  return <FullBody demand={props.demand} />;
}

type Look = 'public' | 'full' | 'reference';

interface SectionProps {
  title: string;
  children: ReactNode;
  className?: string;
}

/** A titled section with a bar before its title, in the public look (`detail-section`) or the full one. */
function Section({ look, title, children, className = '' }: SectionProps & { look: 'public' | 'full' }) {
  const block = look === 'public' ? 'detail-section' : 'demand-full';
  return (
    <View className={look === 'public' ? 'detail-section' : `demand-full__section ${className}`}>
      <View className={`${block}__head`}>
        <View className={`${block}__bar`} />
        <Text className={`${block}__title`}>{title}</Text>
      </View>
      {children}
    </View>
  );
}

/** A titled card section (the full variant's look is exported for pages adding their own sections). */
export function FullSection(props: SectionProps) {
  return <Section look="full" {...props} />;
}

function PublicSection(props: SectionProps) {
  return <Section look="public" {...props} />;
}

/** 需求背景, 关键技术难点 and 主要技术指标, the sections both looks show alike (the public one titles the first shorter). */
function CoreSections({ look, demand: d }: { look: 'public' | 'full'; demand: DemandBody }) {
  return (
    <>
      <Section look={look} title={look === 'public' ? '需求背景' : '需求背景及现状'}>
        <Prose look={look} text={d.background} />
      </Section>
      <Section look={look} title="关键技术难点">
        <Prose look={look} text={d.difficulties} />
      </Section>
      <Section look={look} title="主要技术指标">
        <Indicators look={look} demand={d} />
      </Section>
    </>
  );
}

function Prose({ look, text, selectable = true }: { look: Look; text: string; selectable?: boolean }) {
  return (
    <Text className={look === 'public' ? 'detail-section__text' : 'demand-full__text'} userSelect={selectable}>
      {text}
    </Text>
  );
}

const INDICATOR_CLASSES = {
  public: {
    table: 'indicators',
    row: 'indicators__row',
    head: 'indicators__row--head',
    name: 'indicators__name',
    target: 'indicators__target',
  },
  full: {
    table: 'demand-full__table',
    row: 'demand-full__row',
    head: 'demand-full__row--head',
    name: 'demand-full__cell-name',
    target: 'demand-full__cell-target',
  },
  reference: {
    table: 'form-card apply-reference',
    row: 'apply-reference__row',
    head: '',
    name: 'apply-reference__name',
    target: 'apply-reference__target',
  },
} as const;

function Indicators({ look, demand }: { look: Look; demand: Pick<DemandBody, 'indicators'> }) {
  const c = INDICATOR_CLASSES[look];
  if (look === 'reference' && demand.indicators.length === 0) return null;
  return (
    <View className={c.table}>
      {look === 'reference' ? (
        <Text className="form-card__title">需求的主要技术指标</Text>
      ) : (
        <View className={`${c.row} ${c.head}`}>
          <Text className={c.name}>指标</Text>
          <Text className={c.target}>要求</Text>
        </View>
      )}
      {demand.indicators.map((ind, i) => (
        <View key={i} className={c.row}>
          <Text className={c.name}>{ind.name}</Text>
          <Text className={c.target}>{ind.target}</Text>
        </View>
      ))}
    </View>
  );
}

function Weights({ look, demand }: { look: Look; demand: Pick<DemandBody, 'weights'> }) {
  const c =
    look === 'public'
      ? { box: 'weights', item: 'weights__item', value: 'weights__value', label: 'weights__label' }
      : {
          box: 'demand-full__weights',
          item: 'demand-full__weight',
          value: 'demand-full__weight-value',
          label: 'demand-full__weight-label',
        };
  return (
    <View className={c.box}>
      {WEIGHT_LABELS.map(([key, label]) => (
        <View key={key} className={c.item}>
          <Text className={c.value}>{demand.weights[key]}%</Text>
          <Text className={c.label}>{label}</Text>
        </View>
      ))}
    </View>
  );
}

function Chips({ labels, className, chipClass }: { labels: string[]; className: string; chipClass: string }) {
  return (
    <View className={className}>
      {labels.map((label) => (
        <Text key={label} className={chipClass}>
          {label}
        </Text>
      ))}
    </View>
  );
}

function PublicBody({ demand: d }: { demand: DemandBody }) {
  return (
    <>
      <CoreSections look="public" demand={d} />
      <PublicSection title="成果形式">
        <Chips labels={d.outcomeForms.map((f) => OUTCOME_FORMS[f])} className="chips" chipClass="chips__chip" />
      </PublicSection>
      <PublicSection title="合作方式">
        <Chips labels={d.cooperationModes.map((m) => COOPERATION_MODES[m])} className="chips" chipClass="chips__chip" />
      </PublicSection>
      <PublicSection title="预期完成时间">
        <Prose look="public" text={d.expectedCompletion} selectable={false} />
      </PublicSection>
      <PublicSection title="评审权重">
        <Weights look="public" demand={d} />
      </PublicSection>
    </>
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

function FullBody({ demand: d }: { demand: Demand }) {
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

      <CoreSections look="full" demand={d} />

      <FullSection title="成果形式与合作方式">
        <Chips
          labels={d.outcomeForms.map((f) => OUTCOME_FORMS[f])}
          className="demand-full__chips"
          chipClass="demand-full__chip"
        />
        <Chips
          labels={d.cooperationModes.map((m) => COOPERATION_MODES[m])}
          className="demand-full__chips demand-full__chips--modes"
          chipClass="demand-full__chip demand-full__chip--mode"
        />
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
        <Weights look="full" demand={d} />
      </FullSection>
    </View>
  );
}
