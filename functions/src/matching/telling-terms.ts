/**
 * Which words tell what a text is about (精准对接, issue 15). jieba's TF-IDF ranks words that are rare in its
 * general corpus, and engineering texts are full of words rare there yet common to every demand: 在线, 系统, 设备,
 * 国产化, 工况, 一致性… Two texts sharing 在线 share nothing worth a recommendation, and "关键词：在线" reads as a
 * bug. The matching terms keep only telling words (`keywordsForMatching`), and the ranking re-checks stored terms
 * (written before this list) for its score and its reasons.
 */

/** The words of a list written one after another; lines starting with # are comments. */
const words = (list: string) =>
  list
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);

/** Words of technical writing in general: they appear in demands of every field. */
const GENERIC = new Set(
  words(`
    # what every demand says about itself
    系统 设备 装置 平台 方案 方法 工艺 设计 功能 性能 参数 结构 模型 建模
    算法 数据 软件 工具 模块 材料 产品 质量 效率 成本 低成本 生产成本 寿命
    精度 高精度 精密 稳定性 可靠性 一致性 一致 均匀 强度 温度 尺寸 厚度 速率
    频率 容量 密度 体积 误差 偏差 指标 标准 规范 认证 验证 测试 试验 检测
    监测 评价 分析 优化 控制 管理 管理系统 控制系统 集成 适配 兼容 结果
    # adjectives and adverbs of engineering prose
    在线 实时 智能 自动 自动化 快速 高效 高速 高性能 高温 低温 大型 重型
    小型 新型 先进 关键 核心 自主 可控 自主可控 国产 国产化 替代 进口 国外
    国内 现有 传统 整体 全部 主动 工业 工程 现场 车间 工况 运行 使用 采用
    # the programme's and the procurement's words
    合作开发 联合开发 联合攻关 攻关 关键技术 共性技术 研制 研究 院所 研究院所 高校
    大学 客户 用户 厂家 本厂 事业部 草稿 交付 售后 量产 批量生产 产能 依赖
    拟建 追求 提高 降低 提升 达到 满足 符合 实现 开展 形成 具备 需要 希望
    扩展 补充 改造 人工 上限 接近 平衡 兼顾 及早 策略 控制策略 控制技术
    # amounts and time
    分钟 小时 两年 三年 三分之一 余台 万套 万点 大规模 最小 最大 峰值
  `),
);

/** Units and unit-like Latin tokens: 11kW, 5 μm, ppm… (a measure says how much, not what). */
const UNITS = new Set(
  words(`
    mm cm nm μm um kg mg ml kw mw kv kj kn mpa gpa kpa bar ppm
    ppb ppt khz mhz ghz hz min ms rpm gb mb tb lmh pc db cpk mtbf
  `),
);

/**
 * True when `term` can explain a match: at least two characters, no unit or measure (`11kw`, `m2`, `g0`), and not
 * a word every technical text uses.
 */
export function isTellingTerm(term: string): boolean {
  const t = term.normalize('NFKC').toLowerCase();
  if ([...t].length < 2 || GENERIC.has(t) || UNITS.has(t)) return false;
  // Latin with digits (11kw, 1c, g0, s1, m2) is a measure or a grade, not a subject; acronyms (soc, mbr) stay.
  if (/^[a-z0-9.+-]+$/.test(t) && /\d/.test(t) && !/^[a-z]+\d+[a-z]*$/.test(t)) return false;
  if (/^[a-z]\d$|^\d+[a-z]+$/.test(t)) return false;
  return true;
}

/** The telling terms of a list, weights renormalised so that the heaviest kept is 1 again. */
export function tellingTerms<T extends { term: string; weight: number }>(terms: readonly T[], topK: number): T[] {
  const kept = terms.filter((t) => isTellingTerm(t.term)).slice(0, topK);
  const top = kept[0]?.weight ?? 0;
  return top > 0 ? kept.map((t) => ({ ...t, weight: Math.round((t.weight / top) * 1000) / 1000 })) : [];
}
