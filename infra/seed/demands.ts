/**
 * Demo demands (需求表). Sixteen are published (one anonymous, one already past its deadline) across twelve
 * fields and six authority regions; two more of 华夏重工 are not published (a draft, and one submitted to its
 * province) and must never appear in the catalogue.
 *
 * Ids are fixed so that re-seeding is idempotent; times are computed from the moment of the FIRST seed (deadlines
 * 5–120 days ahead, publication spread over the previous weeks), which `createIfAbsent` never overwrites.
 */
import { DEFAULT_WEIGHTS, type Demand, type Org } from '@jiebang/shared';
import { CAMPAIGN_YEAR } from './campaign';
import { ORG_IDS } from './orgs';
import { daysAgo, deadlineIn, shanghaiDate } from './time';

type Body = Pick<
  Demand,
  | 'title'
  | 'field'
  | 'catalogueCategory'
  | 'demandType'
  | 'background'
  | 'difficulties'
  | 'indicators'
  | 'outcomeForms'
  | 'cooperationModes'
  | 'budget'
  | 'anonymous'
  | 'contact'
>;

interface DemandSpec extends Partial<Pick<Demand, 'weights' | 'channel' | 'track'>> {
  id: string;
  issuer: string;
  status: 'published' | 'draft' | 'submitted';
  /** Days before the seed that it was published (or submitted / created for the unpublished ones). */
  daysAgo: number;
  /** Application deadline in days after the seed (negative: already closed). */
  deadlineInDays: number;
  /** Expected completion in days after the seed. */
  completionInDays: number;
  body: Body;
}

/** The demo demand ids, in the order of DEMAND_SPECS. */
export const DEMAND_ID = (n: number): string => `01JB0DEMAND${String(n).padStart(15, '0')}`;

/** Ids of interest to tests and demos. */
export const SEED_DEMANDS = {
  anonymous: DEMAND_ID(16),
  closed: DEMAND_ID(12),
  /** 华夏重工's closed demand with two released applications, ready for its reviewers (infra/seed/evaluation.ts). */
  evaluating: DEMAND_ID(17),
  draft: DEMAND_ID(101),
  submitted: DEMAND_ID(102),
} as const;

const huaxiaContact = {
  name: '刘振华',
  title: '科技创新部部长',
  phone: '010-65821234',
  email: 'kjcx@huaxia-heavy.example.cn',
};
const yuegangContact = { name: '黄嘉伟', title: '研究院副院长', phone: '020-38861234', email: 'rd@ygnev.example.cn' };
const changjiangContact = {
  name: '吴晓东',
  title: '供应链发展部经理',
  phone: '027-87651234',
  email: 'supply@cjic.example.cn',
};
const ningboContact = {
  name: '孙海峰',
  title: '技术中心主任',
  phone: '0574-87361234',
  email: 'tech@nbmarine.example.cn',
};
const huadongContact = {
  name: '顾文清',
  title: '药物研究院院长',
  phone: '021-58861234',
  email: 'rd@hdbiopharma.example.cn',
};
const yunzhiContact = {
  name: '郑若琳',
  title: '生态合作部总监',
  phone: '0755-86601234',
  email: 'eco@yunzhi.example.cn',
};

export const DEMAND_SPECS: DemandSpec[] = [
  {
    id: DEMAND_ID(1),
    issuer: ORG_IDS.huaxia,
    status: 'published',
    channel: 'province',
    daysAgo: 2,
    deadlineInDays: 45,
    completionInDays: 540,
    body: {
      title: '五轴联动数控机床高速电主轴国产化研制',
      field: 'machine_tools',
      catalogueCategory: '高档数控机床关键功能部件—电主轴',
      demandType: 'innovation',
      background:
        '集团大型结构件加工车间现有五轴联动加工中心 60 余台，高速电主轴全部依赖进口，采购周期 6–9 个月，单价高且维修受制于人。' +
        '近两年因进口电主轴交付延迟，多次影响重点型号产品交付。集团计划在 2027 年底前实现主力机型电主轴的国产化替代。',
      difficulties:
        '1. 高转速下主轴热变形控制，需要热—结构耦合设计与实时补偿；2. 高精度角接触陶瓷球轴承的选型、预紧与寿命验证；' +
        '3. 电机转子动平衡与高速下振动抑制；4. 与现有数控系统的接口适配及状态监测数据接入。',
      indicators: [
        { name: '最高转速', target: '≥ 24000 r/min' },
        { name: '额定功率', target: '≥ 35 kW（S1）' },
        { name: '主轴端部径向跳动', target: '≤ 1.5 μm' },
        { name: '温升', target: '连续运行 4 小时前轴承温升 ≤ 15 ℃' },
        { name: '平均无故障时间', target: 'MTBF ≥ 8000 小时' },
      ],
      outcomeForms: ['prototype', 'process', 'patent'],
      cooperationModes: ['development', 'procurement'],
      budget: { amount: 1200, negotiable: false },
      anonymous: false,
      contact: huaxiaContact,
    },
  },
  {
    id: DEMAND_ID(2),
    issuer: ORG_IDS.huaxia,
    status: 'published',
    channel: 'ministry',
    daysAgo: 6,
    deadlineInDays: 60,
    completionInDays: 450,
    body: {
      title: '大型矿山装备智能运维与故障预测系统',
      field: 'high_end_equipment',
      demandType: 'innovation',
      background:
        '集团在全国 12 个露天矿山运行大型挖掘机、矿用卡车等装备 800 余台，目前以定期检修为主，非计划停机平均每台每年 60 小时以上。' +
        '希望基于已有的设备振动、油液、工况数据建设预测性维护能力，降低停机损失。',
      difficulties:
        '1. 多源异构数据（振动、温度、油液、PLC 工况）在弱网矿区环境下的边缘采集与融合；2. 小样本故障条件下的剩余寿命预测模型；' +
        '3. 模型在不同矿区、不同工况间的迁移与持续学习。',
      indicators: [
        { name: '关键部件故障预警准确率', target: '≥ 90%' },
        { name: '故障提前预警时间', target: '≥ 72 小时' },
        { name: '接入设备规模', target: '≥ 300 台，支持边缘断网续传' },
      ],
      outcomeForms: ['software', 'patent'],
      cooperationModes: ['joint_research', 'development'],
      budget: { negotiable: true },
      anonymous: false,
      contact: huaxiaContact,
    },
  },
  {
    id: DEMAND_ID(3),
    issuer: ORG_IDS.huaxia,
    status: 'published',
    channel: 'province',
    daysAgo: 13,
    deadlineInDays: 30,
    completionInDays: 365,
    weights: { team: 20, capability: 30, plan: 30, match: 20 },
    body: {
      title: '重型装备用高强耐磨钢板焊接工艺及焊材开发',
      field: 'new_materials',
      catalogueCategory: '先进基础材料—高强韧耐磨钢',
      demandType: 'supporting',
      background:
        '矿用卡车车厢与挖掘机铲斗大量采用 NM450/NM500 耐磨钢板，焊接接头易出现冷裂纹和热影响区软化，返修率约 8%。' +
        '现用焊材部分依赖进口，需要配套开发国产焊材与成套焊接工艺。',
      difficulties:
        '1. 厚板（40–80 mm）多层多道焊的冷裂纹控制与预热工艺窗口；2. 焊缝金属强韧性与耐磨性匹配；3. 机器人焊接工艺参数库建立。',
      indicators: [
        { name: '焊接接头抗拉强度', target: '≥ 母材标准下限的 95%' },
        { name: '-40 ℃ 冲击功', target: '≥ 47 J' },
        { name: '返修率', target: '≤ 2%' },
      ],
      outcomeForms: ['process', 'material', 'standard'],
      cooperationModes: ['development', 'procurement'],
      budget: { amount: 600, negotiable: false },
      anonymous: false,
      contact: huaxiaContact,
    },
  },
  {
    id: DEMAND_ID(4),
    issuer: ORG_IDS.yuegang,
    status: 'published',
    channel: 'province',
    daysAgo: 1,
    deadlineInDays: 90,
    completionInDays: 730,
    body: {
      title: '车用固态电池电解质/电极界面稳定性关键技术',
      field: 'new_energy_vehicles',
      catalogueCategory: '新能源汽车—动力电池关键材料',
      demandType: 'innovation',
      background:
        '公司规划 2028 年推出搭载半固态/固态电池的高端车型。前期样品循环寿命不足 600 次，主要原因是硫化物电解质与高镍正极界面副反应及锂枝晶穿透。',
      difficulties:
        '1. 硫化物电解质空气稳定性与规模化制备；2. 正极包覆层设计抑制界面副反应；3. 锂金属负极界面枝晶抑制；4. 叠片工艺下的界面压力管理。',
      indicators: [
        { name: '电芯能量密度', target: '≥ 400 Wh/kg' },
        { name: '循环寿命', target: '1C/1C 循环 1000 次容量保持率 ≥ 80%' },
        { name: '离子电导率', target: '室温 ≥ 5 mS/cm' },
        { name: '安全', target: '通过 GB 38031 针刺、热扩散测试' },
      ],
      outcomeForms: ['prototype', 'material', 'patent'],
      cooperationModes: ['joint_research', 'license'],
      budget: { amount: 2000, negotiable: false },
      anonymous: false,
      contact: yuegangContact,
    },
  },
  {
    id: DEMAND_ID(5),
    issuer: ORG_IDS.yuegang,
    status: 'published',
    channel: 'province',
    daysAgo: 9,
    deadlineInDays: 20,
    completionInDays: 300,
    body: {
      title: '退役动力电池快速检测与梯次利用分选技术',
      field: 'energy_saving',
      demandType: 'supporting',
      background:
        '公司每年回收退役动力电池包约 2 万套，现有检测依赖完整充放电循环，单包检测耗时 8 小时以上，难以满足梯次利用储能项目的交付节奏。',
      difficulties:
        '1. 基于电化学阻抗谱与脉冲测试的健康状态快速估计；2. 不同厂家、不同化学体系电池的一致性分选算法；3. 自动化拆解与检测产线集成。',
      indicators: [
        { name: '单模组检测时间', target: '≤ 15 分钟' },
        { name: 'SOH 估计误差', target: '≤ 3%' },
        { name: '分选后模组容量一致性', target: '极差 ≤ 5%' },
      ],
      outcomeForms: ['prototype', 'software'],
      cooperationModes: ['development', 'procurement'],
      budget: { amount: 450, negotiable: false },
      anonymous: false,
      contact: yuegangContact,
    },
  },
  {
    id: DEMAND_ID(6),
    issuer: ORG_IDS.yuegang,
    status: 'published',
    channel: 'province',
    daysAgo: 20,
    deadlineInDays: 12,
    completionInDays: 400,
    body: {
      title: '整车 CO₂ 热泵热管理系统电子膨胀阀与控制策略',
      field: 'new_energy_vehicles',
      demandType: 'supporting',
      background:
        '公司新一代纯电平台采用 CO₂（R744）热泵空调，系统工作压力高达 12 MPa，配套的高压电子膨胀阀目前只有国外两家供应商可供，成本高、交期长。',
      difficulties:
        '1. 高压工况下阀体密封与可靠性；2. 步进电机精细流量控制；3. 低温 -20 ℃ 制热工况的整车热管理控制策略标定。',
      indicators: [
        { name: '耐压', target: '工作压力 ≥ 14 MPa，爆破压力 ≥ 42 MPa' },
        { name: '流量控制分辨率', target: '≥ 500 步' },
        { name: '低温制热 COP', target: '-20 ℃ 时 ≥ 1.8' },
      ],
      outcomeForms: ['prototype', 'process'],
      cooperationModes: ['procurement', 'development'],
      budget: { negotiable: true },
      anonymous: false,
      contact: yuegangContact,
    },
  },
  {
    id: DEMAND_ID(7),
    issuer: ORG_IDS.changjiang,
    status: 'published',
    channel: 'province',
    daysAgo: 4,
    deadlineInDays: 75,
    completionInDays: 600,
    body: {
      title: '12 英寸晶圆铜互连化学机械抛光液国产化验证',
      field: 'integrated_circuits',
      catalogueCategory: '集成电路—关键工艺材料',
      demandType: 'supporting',
      background:
        '某 12 英寸逻辑产线铜互连 CMP 工序所用抛光液全部进口，年用量约 600 吨。为保障供应链安全，需要在 28 nm 节点完成国产抛光液的工艺验证与批量导入。',
      difficulties:
        '1. 研磨颗粒粒径分布与分散稳定性控制；2. 铜/阻挡层去除速率选择比与表面缺陷控制；3. 金属离子杂质控制到 ppb 级；4. 批次一致性。',
      indicators: [
        { name: '铜去除速率', target: '≥ 8000 Å/min' },
        { name: '碟形凹陷', target: '100 μm 焊盘 ≤ 300 Å' },
        { name: '金属杂质', target: '单项 ≤ 1 ppb' },
        { name: '批次稳定性', target: '连续 10 批关键指标 CPK ≥ 1.33' },
      ],
      outcomeForms: ['material', 'process'],
      cooperationModes: ['procurement', 'joint_research'],
      budget: { amount: 1500, negotiable: false },
      anonymous: false,
      contact: changjiangContact,
    },
  },
  {
    id: DEMAND_ID(8),
    issuer: ORG_IDS.changjiang,
    status: 'published',
    channel: 'province',
    daysAgo: 11,
    deadlineInDays: 100,
    completionInDays: 540,
    body: {
      title: '晶圆表面缺陷光学检测设备及 AI 分类算法',
      field: 'integrated_circuits',
      demandType: 'innovation',
      background:
        '产线现有明场/暗场缺陷检测设备均为进口，缺陷自动分类准确率不足 80%，大量依赖人工复判。希望联合国内企业研制检测设备并开发适配本厂工艺的缺陷分类算法。',
      difficulties:
        '1. 亚 100 nm 颗粒缺陷的高速光学成像；2. 缺陷样本少、类别不均衡下的深度学习分类；3. 与 MES/YMS 系统的数据对接。',
      indicators: [
        { name: '检测灵敏度', target: '≤ 60 nm（PSL 标准颗粒）' },
        { name: '产能', target: '≥ 25 片/小时（12 英寸）' },
        { name: '自动分类准确率', target: '≥ 95%' },
      ],
      outcomeForms: ['prototype', 'software', 'patent'],
      cooperationModes: ['joint_research', 'procurement'],
      budget: { negotiable: true },
      anonymous: false,
      contact: changjiangContact,
    },
  },
  {
    id: DEMAND_ID(9),
    issuer: ORG_IDS.changjiang,
    status: 'published',
    channel: 'ministry',
    daysAgo: 24,
    deadlineInDays: 40,
    completionInDays: 480,
    body: {
      title: '电子级高纯氢氟酸（UP-SSS 级）制备与纯化',
      field: 'new_materials',
      catalogueCategory: '关键基础材料—电子化学品',
      demandType: 'supporting',
      background:
        '湿法清洗与刻蚀工序年用电子级氢氟酸约 1200 吨，当前 UP-SSS 级产品主要依赖日韩进口，需要培育国内合格供应商。',
      difficulties: '1. 阴离子与金属杂质的深度脱除；2. 颗粒控制与洁净灌装；3. 储运过程中的二次污染控制。',
      indicators: [
        { name: '金属杂质', target: '单项 ≤ 10 ppt' },
        { name: '颗粒', target: '≥ 0.05 μm 颗粒 ≤ 100 个/mL' },
      ],
      outcomeForms: ['material', 'process', 'standard'],
      cooperationModes: ['procurement', 'development'],
      budget: { amount: 800, negotiable: false },
      anonymous: false,
      contact: changjiangContact,
    },
  },
  {
    id: DEMAND_ID(10),
    issuer: ORG_IDS.ningboMarine,
    status: 'published',
    channel: 'province',
    daysAgo: 3,
    deadlineInDays: 5,
    completionInDays: 420,
    body: {
      title: '深远海养殖平台单点系泊系统设计与国产化',
      field: 'shipbuilding_marine',
      demandType: 'innovation',
      background:
        '集团承接的 10 万吨级深远海养殖工船与半潜式养殖平台，需要适应 50 年一遇台风工况的单点系泊系统，目前核心旋转接头与系泊链依赖进口。',
      difficulties: '1. 极端海况下系泊系统动力响应分析；2. 大载荷旋转接头的密封与疲劳寿命；3. 系泊张力在线监测。',
      indicators: [
        { name: '设计工况', target: '满足 50 年一遇台风海况，作业水深 30–100 m' },
        { name: '旋转接头额定载荷', target: '≥ 600 t' },
        { name: '设计寿命', target: '≥ 25 年' },
      ],
      outcomeForms: ['prototype', 'standard'],
      cooperationModes: ['joint_research', 'procurement'],
      budget: { amount: 900, negotiable: false },
      anonymous: false,
      contact: ningboContact,
    },
  },
  {
    id: DEMAND_ID(11),
    issuer: ORG_IDS.ningboMarine,
    status: 'published',
    channel: 'province',
    daysAgo: 16,
    deadlineInDays: 120,
    completionInDays: 720,
    body: {
      title: '海上风电安装船桩腿升降系统电液控制技术',
      field: 'power_equipment',
      demandType: 'innovation',
      background:
        '集团在建 2 艘 2000 吨级海上风电安装船，齿轮齿条式桩腿升降系统的控制器与液压锁紧装置依赖国外厂商，调试与售后响应慢。',
      difficulties:
        '1. 多桩腿同步升降控制与载荷均衡；2. 液压锁紧装置在冲击载荷下的可靠性；3. 满足船级社认证的控制软件开发与验证。',
      indicators: [
        { name: '桩腿同步误差', target: '≤ 5 mm' },
        { name: '升降速度', target: '≥ 0.5 m/min（满载）' },
        { name: '认证', target: '取得中国船级社（CCS）型式认可' },
      ],
      outcomeForms: ['prototype', 'software'],
      cooperationModes: ['development', 'joint_research'],
      budget: { amount: 1800, negotiable: false },
      anonymous: false,
      contact: ningboContact,
    },
  },
  {
    id: DEMAND_ID(12),
    issuer: ORG_IDS.ningboMarine,
    status: 'published',
    channel: 'province',
    daysAgo: 45,
    deadlineInDays: -3,
    completionInDays: 360,
    body: {
      title: '船用 LNG 双燃料主机燃料供气系统（FGSS）',
      field: 'shipbuilding_marine',
      demandType: 'supporting',
      background: '为满足 IMO 减排要求，集团承建的多型散货船采用 LNG 双燃料动力，燃料供气系统目前以整套进口为主。',
      difficulties: '1. 低温泵与高压汽化器的国产化；2. 供气压力与主机负荷的动态匹配控制；3. 系统安全联锁与船级社认证。',
      indicators: [
        { name: '供气压力', target: '低压系统 6–16 bar，稳定度 ±0.2 bar' },
        { name: '供气能力', target: '≥ 3000 kg/h' },
      ],
      outcomeForms: ['prototype'],
      cooperationModes: ['procurement'],
      budget: { amount: 700, negotiable: false },
      anonymous: false,
      contact: ningboContact,
    },
  },
  {
    id: DEMAND_ID(13),
    issuer: ORG_IDS.yunzhi,
    status: 'published',
    channel: 'province',
    daysAgo: 7,
    deadlineInDays: 80,
    completionInDays: 660,
    body: {
      title: '国产 CAE 多物理场耦合求解器内核开发',
      field: 'industrial_software',
      catalogueCategory: '工业软件—研发设计类',
      demandType: 'innovation',
      background:
        '集团 CAE 平台已覆盖结构静力学与模态分析，但热—流—固多物理场耦合仍需调用国外求解器，制约高端装备客户的全流程国产化替代。',
      difficulties:
        '1. 大规模稀疏矩阵并行求解与 GPU 加速；2. 流固耦合界面数据传递与稳定性；3. 与国外商业软件的结果一致性验证。',
      indicators: [
        { name: '求解规模', target: '≥ 5000 万自由度' },
        { name: '并行效率', target: '128 核时并行效率 ≥ 70%' },
        { name: '精度', target: '标准算例与商业软件结果偏差 ≤ 3%' },
      ],
      outcomeForms: ['software', 'patent'],
      cooperationModes: ['joint_research', 'transfer'],
      budget: { amount: 1000, negotiable: false },
      anonymous: false,
      contact: yunzhiContact,
    },
  },
  {
    id: DEMAND_ID(14),
    issuer: ORG_IDS.yunzhi,
    status: 'published',
    channel: 'province',
    daysAgo: 18,
    deadlineInDays: 50,
    completionInDays: 300,
    body: {
      title: '面向工业设备的高性能时序数据库',
      field: 'next_gen_it',
      demandType: 'supporting',
      background:
        '集团工业互联网平台接入设备测点超过 2000 万个，现用开源时序库在高基数场景下写入与查询性能不足，需要可自主掌控的时序数据库产品。',
      difficulties: '1. 高基数标签下的索引与压缩；2. 边云协同的数据同步；3. 与国产 CPU、操作系统的适配优化。',
      indicators: [
        { name: '写入性能', target: '单节点 ≥ 500 万点/秒' },
        { name: '压缩比', target: '≥ 10:1' },
        { name: '适配', target: '完成鲲鹏、海光平台及麒麟、统信操作系统适配认证' },
      ],
      outcomeForms: ['software'],
      cooperationModes: ['procurement', 'license'],
      budget: { negotiable: true },
      anonymous: false,
      contact: yunzhiContact,
    },
  },
  {
    id: DEMAND_ID(15),
    issuer: ORG_IDS.yunzhi,
    status: 'published',
    channel: 'ministry',
    daysAgo: 30,
    deadlineInDays: 35,
    completionInDays: 500,
    body: {
      title: '工业级无人机航电软件适航验证工具链',
      field: 'aerospace',
      demandType: 'innovation',
      background:
        '集团为多家无人机整机企业提供航电软件，适航审定要求按 DO-178C 开展验证，现有验证工具均为国外产品且价格高昂。',
      difficulties:
        '1. 结构覆盖率（MC/DC）分析工具开发；2. 需求—设计—代码—测试的双向追溯；3. 工具鉴定（DO-330）材料准备。',
      indicators: [
        { name: '覆盖率分析', target: '支持语句、判定与 MC/DC 覆盖，C/C++ 代码' },
        { name: '追溯', target: '需求到测试用例双向追溯，支持 ReqIF 导入导出' },
      ],
      outcomeForms: ['software', 'standard'],
      cooperationModes: ['development', 'license'],
      budget: { amount: 350, negotiable: false },
      anonymous: false,
      contact: yunzhiContact,
    },
  },
  {
    // The anonymous one: its issuer publishes nothing else, so nothing public can point back to it.
    id: DEMAND_ID(16),
    issuer: ORG_IDS.huadongPharma,
    status: 'published',
    channel: 'ministry',
    daysAgo: 5,
    deadlineInDays: 65,
    completionInDays: 720,
    body: {
      title: '抗体药物连续流生产工艺与在线质量监测',
      field: 'biomedicine',
      catalogueCategory: '生物医药—高端制剂与工艺装备',
      demandType: 'innovation',
      background:
        '集团单抗产品目前采用批次补料培养与批次纯化，产线占地大、批间差异明显。为降低生产成本并满足国际注册要求，' +
        '计划建设连续灌流培养与连续层析纯化示范线，需要在关键设备与过程分析技术（PAT）上联合攻关。',
      difficulties:
        '1. 高密度灌流培养中细胞截留与长期稳定运行；2. 多柱连续层析的工艺建模与切换控制；' +
        '3. 关键质量属性（聚体、电荷变异体）的在线拉曼/紫外监测与实时放行。',
      indicators: [
        { name: '细胞密度', target: '稳态活细胞密度 ≥ 8×10⁷ cells/mL，连续运行 ≥ 30 天' },
        { name: '产率', target: '单位体积产率较现行批次工艺提升 ≥ 3 倍' },
        { name: '在线监测', target: '聚体含量在线预测误差 ≤ 0.3%（绝对值）' },
      ],
      outcomeForms: ['process', 'prototype', 'patent'],
      cooperationModes: ['joint_research', 'license'],
      budget: { amount: 2500, negotiable: false },
      anonymous: true,
      contact: huadongContact,
    },
  },
  // Not published: visible to 华夏重工 and (the submitted one) to the Beijing authority, never in the catalogue.
  {
    id: DEMAND_ID(17),
    issuer: ORG_IDS.huaxia,
    status: 'published',
    channel: 'province',
    daysAgo: 40,
    deadlineInDays: -2,
    completionInDays: 420,
    body: {
      title: '重型龙门加工中心横梁热变形在线补偿系统',
      field: 'machine_tools',
      demandType: 'innovation',
      background:
        '集团重型龙门加工中心加工长度 12 米以上的箱体件时，横梁与立柱受车间温度变化影响产生热变形，' +
        '首件与末件尺寸偏差常达 0.04 mm，需靠人工停机复测修正，影响交付节拍。',
      difficulties:
        '1. 横梁多点温度场与变形量的在线测量；2. 热变形预测模型在不同工况下的泛化；3. 补偿量写入数控系统的实时性与安全性。',
      indicators: [
        { name: '热变形补偿后定位误差', target: '≤ 0.008 mm / 3 m' },
        { name: '补偿响应周期', target: '≤ 1 s' },
        { name: '连续运行验证', target: '≥ 72 小时无人工修正' },
      ],
      outcomeForms: ['prototype', 'software'],
      cooperationModes: ['joint_research', 'procurement'],
      budget: { amount: 600, negotiable: true },
      anonymous: false,
      contact: huaxiaContact,
    },
  },
  // SME 发榜 (library area): two SMEs' own needs (track sme), for universities and institutes to answer.
  {
    id: DEMAND_ID(103),
    issuer: ORG_IDS.jingce,
    track: 'sme',
    status: 'published',
    daysAgo: 3,
    deadlineInDays: 60,
    completionInDays: 400,
    body: {
      title: '精密测头温漂补偿算法与标定方法',
      field: 'high_end_equipment',
      demandType: 'innovation',
      background: '公司生产的触发式测头在车间温度变化 5 ℃ 时重复性明显下降，客户要求全温区稳定，需要高校院所合作攻关。',
      difficulties: '1. 测头内部应变片温漂的建模；2. 少样本条件下的现场快速标定；3. 补偿算法在嵌入式芯片上的实时实现。',
      indicators: [
        { name: '温漂', target: '≤ 0.1 μm/℃' },
        { name: '重复性（2σ）', target: '≤ 0.25 μm' },
      ],
      outcomeForms: ['software', 'patent'],
      cooperationModes: ['development', 'joint_research'],
      budget: { amount: 80, negotiable: false },
      anonymous: false,
      contact: { name: '李明哲', title: '总经理', phone: '13823451234', email: 'limz@jingce.example.cn' },
    },
  },
  {
    id: DEMAND_ID(104),
    issuer: ORG_IDS.xincai,
    track: 'sme',
    status: 'published',
    daysAgo: 5,
    deadlineInDays: 75,
    completionInDays: 450,
    body: {
      title: '高导热氮化铝陶瓷基板低成本烧结工艺',
      field: 'new_materials',
      demandType: 'innovation',
      background:
        '公司为功率模块客户供应陶瓷基板，氮化铝基板依赖进口粉体与高温烧结，成本高，希望与高校院所联合开发低温烧结工艺。',
      difficulties: '1. 烧结助剂体系与致密化温度；2. 热导率与抗弯强度的兼顾；3. 批量生产的翘曲控制。',
      indicators: [
        { name: '热导率', target: '≥ 170 W/(m·K)' },
        { name: '烧结温度', target: '≤ 1700 ℃' },
      ],
      outcomeForms: ['process', 'material'],
      cooperationModes: ['joint_research', 'transfer'],
      budget: { negotiable: true },
      anonymous: false,
      contact: { name: '周晓燕', title: '董事长', phone: '13905741234', email: 'zhouxy@xincai.example.cn' },
    },
  },
  {
    id: DEMAND_ID(101),
    issuer: ORG_IDS.huaxia,
    status: 'draft',
    daysAgo: 1,
    deadlineInDays: 70,
    completionInDays: 600,
    body: {
      title: '盾构机主轴承密封系统国产化替代',
      field: 'high_end_equipment',
      demandType: 'supporting',
      background: '集团盾构机主轴承密封件全部进口，（草稿，待补充使用工况与年用量）。',
      difficulties: '高水压、泥沙工况下的密封寿命与可靠性。',
      indicators: [
        { name: '耐水压', target: '≥ 1.0 MPa' },
        { name: '寿命', target: '≥ 10 公里掘进' },
      ],
      outcomeForms: ['prototype'],
      cooperationModes: ['procurement'],
      budget: { negotiable: true },
      anonymous: false,
      contact: huaxiaContact,
    },
  },
  {
    id: DEMAND_ID(102),
    issuer: ORG_IDS.huaxia,
    status: 'submitted',
    channel: 'province',
    daysAgo: 2,
    deadlineInDays: 85,
    completionInDays: 540,
    body: {
      title: '工业母机用高精度绝对式光栅尺',
      field: 'machine_tools',
      catalogueCategory: '高档数控机床关键功能部件—位置检测',
      demandType: 'supporting',
      background: '集团机床事业部年需求光栅尺约 3000 套，高精度绝对式产品依赖进口，需要培育国产配套供应商。',
      difficulties: '1. 绝对编码刻线工艺；2. 抗污染、抗振动的读数头设计；3. 与主流数控系统通信协议适配。',
      indicators: [
        { name: '精度等级', target: '±3 μm/m' },
        { name: '分辨率', target: '≤ 1 nm' },
        { name: '接口', target: '支持 EnDat 2.2 及国产总线协议' },
      ],
      outcomeForms: ['prototype', 'process'],
      cooperationModes: ['procurement', 'development'],
      budget: { amount: 500, negotiable: false },
      anonymous: false,
      contact: huaxiaContact,
    },
  },
];

/** Build the demo demands for issuers `orgs`, with times relative to `now`. */
export function demoDemands(orgs: readonly Org[], now: Date): Demand[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return DEMAND_SPECS.map((s) => {
    const issuer = byId.get(s.issuer);
    if (!issuer) throw new Error(`seed: demand ${s.id}: unknown issuer ${s.issuer}`);
    const { catalogueCategory, ...body } = s.body;
    const at = daysAgo(now, s.daysAgo, 10);
    const demand: Demand = {
      ...body,
      ...(catalogueCategory ? { catalogueCategory } : {}),
      id: s.id,
      status: s.status,
      version: 1,
      issuerOrgId: issuer.id,
      issuerName: issuer.name,
      issuerCreditCode: issuer.creditCode,
      region: issuer.authorityRegion,
      campaignYear: CAMPAIGN_YEAR,
      ...(s.channel ? { channel: s.channel } : {}),
      ...(s.track ? { track: s.track } : {}),
      expectedCompletion: shanghaiDate(now, s.completionInDays),
      applicationDeadline: deadlineIn(now, s.deadlineInDays),
      weights: s.weights ?? DEFAULT_WEIGHTS,
      createdAt: s.status === 'draft' ? at : daysAgo(now, s.daysAgo + 10, 9),
      updatedAt: at,
      ...(s.status !== 'draft' ? { submittedAt: s.status === 'published' ? daysAgo(now, s.daysAgo + 7, 15) : at } : {}),
      ...(s.status === 'published' ? { publishedAt: at } : {}),
    };
    return demand;
  });
}
