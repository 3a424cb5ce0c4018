/*
 * msg.c - the catalogue of msg.h: every word a reader sees, in Chinese
 * and English, side by side so that none lacks its translation.
 */
#include <string.h>

#include "core/msg.h"
#include "core/msg_int.h"

static const char *const msgs[CIDX_MSG__COUNT][2] = {
	/* ---- charts ---- */
	[CIDX_MSG_SCORE] = { "指数得分", "index score" },
	[CIDX_MSG_RANK] = { "排名", "rank" },
	[CIDX_MSG_MEDIAN] = { "中位数", "median" },
	[CIDX_MSG_UNTIERED] = { "未分梯队", "untiered" },
	[CIDX_MSG_NO_BOUNDARY] = { "无边界数据", "no boundary" },
	[CIDX_MSG_NO_DATA] = { "无数据", "no data" },
	[CIDX_MSG_DARK_HORSE] = { "黑马", "dark horse" },
	[CIDX_MSG_NEW_ENTRANT] = { "新上榜", "new entrant" },
	[CIDX_MSG_OTHERS] = { "其他", "others" },
	[CIDX_MSG_NOT_RANKED_IN] = { "年未上榜", "not ranked in " },
	[CIDX_MSG_NEW] = { "未上榜", "unranked" },
	[CIDX_MSG_NO_DATA_IN] = { "年无数据", "no data in " },
	[CIDX_MSG_CLIMBERS] = { "升幅最大", "largest climbs" },
	[CIDX_MSG_FALLERS] = { "降幅最大", "largest falls" },
	[CIDX_MSG_CORRELATION] = { "相关系数", "correlation" },
	[CIDX_MSG_HATCHED_NAN] = { "斜线格：无法计算（数据不足或无变化）",
	    "hatched: not defined (too few data or no variation)" },
	[CIDX_MSG_VALUE] = { "得分", "score" },
	[CIDX_MSG_NOMINAL_RANK] = { "名义排名", "nominal rank" },
	[CIDX_MSG_RANGE_5_95] = { "5%–95% 分位排名区间",
	    "5th–95th percentile rank" },
	[CIDX_MSG_MEDIAN_RANK] = { "排名中位数", "median rank" },
	[CIDX_MSG_CONTINUED] = { "（续）", " (continued)" },
	[CIDX_MSG_TOTAL] = { "合计", "total" },
	[CIDX_MSG_LIST_SEP] = { "、", ", " },
	[CIDX_MSG_COLON] = { "：", ": " },
	[CIDX_MSG_NOT_RANKED] = { "未排名（数据不足）",
	    "not ranked (too little data)" },
	[CIDX_MSG_TIER_N] = { "第%s梯队", "Tier %s" },
	[CIDX_MSG_SEMI] = { "；", "; " },
	[CIDX_MSG_OR] = { "或", " or " },
	[CIDX_MSG_BARS_MORE] = { "%s图中为前%d个%s，另有%zu个见排名表",
	    "%sthe first %d %s drawn; %zu more in the ranking table" },
	[CIDX_MSG_MAP_FEW] = { "%zu个%s数据不足（斜线）",
	    "%zu %s with too little data (hatched)" },
	[CIDX_MSG_MAP_NONE] = { "%zu个%s%d年无数据（浅色）",
	    "%zu %s without data in %d (pale)" },
	[CIDX_MSG_MAP_NOT_RANKED] = { "未排名：", "Not ranked: " },
	[CIDX_MSG_TITLE_TIERS] = { "%s %d年：前%zu名梯队",
	    "%s %d: the top %zu by tier" },
	[CIDX_MSG_TITLE_PILLARS] = { "%s %d年：各支柱的贡献",
	    "%s %d: what each pillar contributes" },
	[CIDX_MSG_TITLE_MOVERS] = { "%s：%d年至%d年的排名变化",
	    "%s: rank changes from %d to %d" },
	[CIDX_MSG_TITLE_HEATMAP] = { "%s %d年：相关系数",
	    "%s %d: correlations" },
	[CIDX_MSG_TITLE_PROFILE] = { "%s %d年：%s与全部%s的中位数",
	    "%s %d: %s against the median of all %s" },
	[CIDX_MSG_TITLE_MAP] = { "%s %d年：地图", "%s %d: map" },
	[CIDX_MSG_TITLE_UNCERT] = { "%s %d年：排名的不确定性",
	    "%s %d: how certain the ranks are" },
	[CIDX_MSG_TITLE_TREND] = { "%s：%d年前%zu名的历年排名",
	    "%s: %d's top %zu over the years" },
	[CIDX_MSG_TITLE_SCORES] = { "%s %d年：各%s%s得分",
	    "%s %d: the %s' scores %s" },
	[CIDX_MSG_BY_PILLAR] = { "各支柱", "by pillar" },
	[CIDX_MSG_BY_INDICATOR] = { "各指标", "by indicator" },
	[CIDX_MSG_TREND_BASIS] = { "往年排名按与%d年共有的指标计算",
	    "earlier ranks on the indicators shared with %d" },
	[CIDX_MSG_TREND_LEFT] = { "；%s年与%d年共有指标过少，未列入",
	    "; %s left out: too few indicators shared with %d" },
	[CIDX_MSG_TREND_GAP] = { "；断开处为当年未上榜",
	    "; a gap: not ranked that year" },

	/* ---- the method in words ---- */
	[CIDX_MSG_M_NORMALISATION] = { "归一化", "normalisation" },
	[CIDX_MSG_M_AGGREGATION] = { "加总", "aggregation" },
	[CIDX_MSG_M_WEIGHTS] = { "权重", "weights" },
	[CIDX_MSG_M_INDEX_METHOD] = { "指数方法", "index method" },
	[CIDX_MSG_M_PREPARATION] = { "预处理", "preparation" },
	[CIDX_MSG_M_N_MINMAX] = { "最小–最大法（%s–%s）", "min–max (%s–%s)" },
	[CIDX_MSG_M_N_ZSCORE] = { "标准分数（均值%s，标准差%s）",
	    "z-score (mean %s, standard deviation %s)" },
	[CIDX_MSG_M_N_RANK] = { "排序法", "ranks" },
	[CIDX_MSG_M_N_PERCENTILE] = { "百分位法", "percentiles" },
	[CIDX_MSG_M_N_RATIO] = { "均值比法", "ratio to the mean" },
	[CIDX_MSG_M_N_DISTMAX] = { "最大值比法", "ratio to the best" },
	[CIDX_MSG_M_N_GOALPOSTS] = { "目标值法（%s–%s）", "goalposts (%s–%s)" },
	[CIDX_MSG_M_N_GOALPOSTS0] = { "目标值法（框架目标值）",
	    "goalposts (the framework's)" },
	[CIDX_MSG_M_PANEL] = { "（跨年统一）", " (over all years)" },
	[CIDX_MSG_M_A_ARITH] = { "算术平均", "arithmetic mean" },
	[CIDX_MSG_M_A_GEOM] = { "几何平均", "geometric mean" },
	[CIDX_MSG_M_A_HARM] = { "调和平均", "harmonic mean" },
	[CIDX_MSG_M_A_LEVEL] = { "第%d层%s", "level %d: %s" },
	[CIDX_MSG_M_I_COMPOSITE] = { "归一化后加总",
	    "normalisation and aggregation" },
	[CIDX_MSG_M_I_TOPSIS] = { "TOPSIS法（逼近理想解）",
	    "TOPSIS (closeness to the ideal)" },
	[CIDX_MSG_M_I_MPI] = { "MPI法（Mazziotta–Pareto指数）",
	    "MPI (Mazziotta–Pareto index)" },
	[CIDX_MSG_M_I_AMPI] = { "AMPI法（调整的Mazziotta–Pareto指数）",
	    "AMPI (adjusted Mazziotta–Pareto index)" },
	[CIDX_MSG_M_I_GRA] = { "灰色关联分析", "grey relational analysis" },
	[CIDX_MSG_M_I_BOD] = { "“有利假设”法", "benefit of the doubt" },
	[CIDX_MSG_M_I_WROCLAW] = { "弗罗茨瓦夫分类法",
	    "Wrocław taxonomic method" },
	[CIDX_MSG_M_I_NEG] = { "（不均衡惩罚）", " (penalising imbalance)" },
	[CIDX_MSG_M_I_POS] = { "（不均衡奖励）", " (rewarding imbalance)" },
	[CIDX_MSG_M_I_RHO] = { "（分辨系数%s）",
	    " (distinguishing coefficient %s)" },
	[CIDX_MSG_M_I_BOUNDS] = { "（权重份额%s–%s）", " (shares %s to %s)" },
	[CIDX_MSG_M_COMPLETE] = { "（仅计数据完整的%s）",
	    " (only %s with every indicator)" },
	[CIDX_MSG_M_SKIP_MISSING] = { "（跳过缺失值）",
	    " (missing values skipped)" },
	[CIDX_MSG_M_DENOMINATE] = { "按分母折算", "divided by denominators" },
	[CIDX_MSG_M_IMPUTE] = { "缺失值插补：%s", "imputation: %s" },
	[CIDX_MSG_M_IMP_NONE] = { "不插补", "none" },
	[CIDX_MSG_M_IMP_MEAN] = { "均值", "mean" },
	[CIDX_MSG_M_IMP_MEDIAN] = { "中位数", "median" },
	[CIDX_MSG_M_IMP_GMEAN] = { "按“%s”分组均值", "mean by %s" },
	[CIDX_MSG_M_IMP_GMEDIAN] = { "按“%s”分组中位数", "median by %s" },
	[CIDX_MSG_M_IMP_CARRY] = { "沿用上年值", "the previous year's value" },
	[CIDX_MSG_M_SCREEN] = { "覆盖率筛选：%s（每个支柱至少%d项）",
	    "coverage rule: %s (at least %d per pillar)" },
	[CIDX_MSG_M_TREAT] = { "异常值处理（偏度%s，峰度%s，最多缩尾%d个）",
	    "outlier treatment (skewness %s, kurtosis %s, at most %d "
	    "winsorised)" },
	[CIDX_MSG_M_W_FRAMEWORK] = { "框架设定", "the framework's" },
	[CIDX_MSG_M_W_DERIVED] = { "%s（由%d年数据求得%s）",
	    "%s (derived from %d%s)" },
	[CIDX_MSG_M_W_EQUAL] = { "等权重", "equal weights" },
	[CIDX_MSG_M_W_ENTROPY] = { "熵权法", "entropy weights" },
	[CIDX_MSG_M_W_CRITIC] = { "CRITIC法权重", "CRITIC weights" },
	[CIDX_MSG_M_W_PCA] = { "主成分分析权重", "principal-component weights" },
	[CIDX_MSG_M_W_AHP] = { "层次分析法权重", "AHP weights" },
	[CIDX_MSG_M_W_COMBINE] = { "层次分析法与熵权法组合权重",
	    "AHP and entropy weights combined" },
	[CIDX_MSG_M_W_FILE] = { "，由权重文件%s覆盖",
	    ", overridden by the weights file %s" },
	[CIDX_MSG_M_W_SET] = { "，另指定%s", ", and set %s" },
	[CIDX_MSG_M_W_ORIGIN] = { "方法文件%s中记录的权重",
	    "the weights recorded in %s" },
	[CIDX_MSG_M_W_POOLED] = { "，跨年汇总", ", pooled over all years" },
	[CIDX_MSG_M_PANEL_YEARS] = { "（%d–%d年统一）", " (over %d–%d)" },
	[CIDX_MSG_COMMA] = { "，", ", " },
	[CIDX_MSG_M_METHOD] = { "方法：%s", "method: %s" },

	/* ---- tiers in words ---- */
	[CIDX_MSG_T_COUNTS] = { "按名次划分（各梯队%s个）",
	    "by counts (%s in the tiers)" },
	[CIDX_MSG_T_BREAKS] = { "按分数线%s划分", "at the scores %s" },
	[CIDX_MSG_T_QUANTILE] = { "分位数法（%d个梯队）",
	    "quantiles (%d tiers)" },
	[CIDX_MSG_T_KMEANS] = { "k均值聚类（%d个梯队）",
	    "k-means clustering (%d tiers)" },
	[CIDX_MSG_T_JENKS] = { "自然断点法（%d个梯队）",
	    "natural breaks (%d tiers)" },
	[CIDX_MSG_T_EIS] = { "欧洲创新记分牌的表现分组（相对参考指数）",
	    "the European Innovation Scoreboard's performance groups "
	    "(relative to a reference)" },

	/* ---- the report ---- */
	[CIDX_MSG_R_CHANGES_MEASURED_AMONG] = {
	    "变化只在两年均有排名的%zu个单位之间"
	    "计算：排名表中的“本年*”与“上年*”是它们在这些单位中的名次，变化 = "
	    "上年* - 本年*；仅在%d年有排名的单位为新进入者，不影响其他单位的变化。",
	    "Changes are measured among the %zu units ranked in both "
	    "years: the columns now* and prev* of the ranking are their ranks "
	    "among them, change = prev* - now*; a unit ranked only in %d is "
	    "an entrant and moves nobody." },
	[CIDX_MSG_R_THESE_DARK_HORSES] = {
	    "以下黑马两年的数据覆盖率不同，"
	    "名次上升可能部分来自新增的数据：%s。",
	    "These dark horses "
	    "had different coverage in the two years, so part of the "
	    "climb may come from data they did not have before: %s." },
	[CIDX_MSG_R_UNITS_RANKED_HAVE] = {
	    "%d年共排名%zu个单位；%zu个单位因数据"
	    "不足未参与排名。",
	    "In %d, %zu units are ranked; %zu have too "
	    "little data to be ranked." },
	[CIDX_MSG_R_SENTENCE] = {
	    "%s。",
	    "%s." },
	[CIDX_MSG_R_COVERAGE_RULE_UNIT] = {
	    "覆盖规则：一个单位须有当年有数据"
	    "指标中至少%s的数据，且每个支柱至少%d项，才参与排名。",
	    "Coverage rule: a unit is ranked only with data for at "
	    "least %s of the indicators that have data in the year, "
	    "and for at least %d in each pillar." },
	[CIDX_MSG_R_METHOD] = {
	    "方法：%s。",
	    "Method: %s." },
	[CIDX_MSG_R_SEP] = {
	    "；",
	    "; " },
	[CIDX_MSG_R_NOT_RANKED_COVERAGE] = {
	    "未参与排名的单位（覆盖率，数据不足"
	    "的支柱）：%s。",
	    "Not ranked (coverage, the pillar short of "
	    "data): %s." },
	[CIDX_MSG_R_TIERS_OVER_TOP] = {
	    "梯队：%s，在前%zu名中划分。",
	    "Tiers: %s over the top %zu." },
	[CIDX_MSG_R_NO_MOVEMENT_THERE] = {
	    "无排名变化：没有可比较的年份。",
	    "No movement: there is no year to compare with." },
	[CIDX_MSG_R_MOVEMENT_MEASURED_AGAINST] = {
	    "排名变化与%d年比较，两年均按共有"
	    "数据的%d项指标重新排名（本年共%d项）。",
	    "Movement is measured "
	    "against %d, both years ranked again on the %d indicators "
	    "with data in both (of %d this year)." },
	[CIDX_MSG_R_MOVEMENT_MEASURED_AGAINST2] = {
	    "排名变化与%d年比较，两年指标相同。",
	    "Movement is measured against %d, on the same "
	    "indicators." },
	[CIDX_MSG_R_AMPI_MAZZIOTTA_PARETO] = {
	    "AMPI（Mazziotta 与 Pareto 2016）："
	    "以全部年份的最小值与最大值为目标值，映射到 70–130：",
	    "AMPI "
	    "(Mazziotta and Pareto 2016): goalposts at the minimum and "
	    "maximum over every year, rescaled to 70-130:" },
	[CIDX_MSG_R_MPI_DE_MURO] = {
	    "MPI（De Muro、Mazziotta 与 Pareto "
	    "2011）：按当年均值与总体标准差标准化：",
	    "MPI (De Muro, "
	    "Mazziotta and Pareto 2011): standardised with the year's "
	    "mean and population standard deviation:" },
	[CIDX_MSG_R_WEIGHTED_MEAN_GLOBAL] = {
	    "按全局权重求均值，并以变异系数%s"
	    "（缺失值跳过）：",
	    "The weighted mean by the global weights, "
	    "%s the penalty of unbalance (missing values skipped):" },
	[CIDX_MSG_R_PLUS] = {
	    "加上惩罚项",
	    "plus" },
	[CIDX_MSG_R_MINUS] = {
	    "减去惩罚项",
	    "minus" },
	[CIDX_MSG_R_TOPSIS_EACH_INDICATOR] = {
	    "TOPSIS：每项指标除以其向量"
	    "长度（只计所有指标都有值的单位）：",
	    "TOPSIS: each "
	    "indicator is divided by its vector length (over "
	    "the units with a value of every indicator):" },
	[CIDX_MSG_R_TOPSIS_VECTOR_NORMALISED] = {
	    "TOPSIS：向量标准化后按全局权重加权，"
	    "计算与理想解的相对接近度：",
	    "TOPSIS: vector-normalised "
	    "values weighted by their global weights; closeness to the "
	    "ideal:" },
	[CIDX_MSG_R_GREY_RELATIONAL_ANALYSIS] = {
	    "灰色关联分析（邓聚龙）：参考序列为各指标的"
	    "最优值，分辨系数 rho = %g；关联度按全局权重加权（缺失值跳过）：",
	    "Grey relational analysis (Deng): the reference is the best "
	    "value of each indicator, distinguishing coefficient rho = "
	    "%g; the grade weighted by the global weights (missing values "
	    "skipped):" },
	[CIDX_MSG_R_BENEFIT_DOUBT_CHERCHYE] = {
	    "“有利假设”（BoD，Cherchye 等 2007）："
	    "每个单位以线性规划选取对自己最有利的权重（GLPK 求解）；只计所有指标"
	    "都有值的单位：",
	    "Benefit of the doubt (Cherchye et al. "
	    "2007): each unit's weights are chosen by a linear programme "
	    "to show it in its best light (solved by GLPK); only the units "
	    "with a value of every indicator:" },
	[CIDX_MSG_R_EACH_INDICATOR_MULTIPLIED] = {
	    "每项指标乘以方向后按均值与总体"
	    "标准差标准化（z 值，只计所有指标都有值的单位）。",
	    "Each indicator, multiplied by its direction, is "
	    "z-scored with its mean and population standard "
	    "deviation over the units with a value of every "
	    "indicator." },
	[CIDX_MSG_R_WROCLAW_TAXONOMIC_METHOD] = {
	    "弗罗茨瓦夫分类法（Hellwig 1968）：标准化后"
	    "与理想单位的加权欧氏距离；只计所有指标都有值的单位：",
	    "The "
	    "Wroclaw taxonomic method (Hellwig 1968): the weighted "
	    "distance of the z-scored unit from the ideal unit; only the "
	    "units with a value of every indicator:" },
	[CIDX_MSG_R_H1_PREPARATION] = {
	    "1. 数据准备",
	    "1. Preparation" },
	[CIDX_MSG_R_INDICATORS_DIVIDED_THEIR] = {
	    "指标除以框架规定的分母（人口、GDP等）：",
	    "Indicators are divided by their framework denominator:" },
	[CIDX_MSG_R_MISSING_VALUES] = {
	    "缺失值填补：%s。",
	    "Missing values: "
	    "%s." },
	[CIDX_MSG_R_NOT_IMPUTED] = {
	    "不填补",
	    "not imputed" },
	[CIDX_MSG_R_COVERAGE_UNIT_COVERAGE] = {
	    "覆盖：单位的覆盖率 = 有数据的指标数 / "
	    "当年有数据的指标数；覆盖率不低于%s且每个支柱至少%d项的单位才参与"
	    "排名。",
	    "Coverage: a unit's coverage = its indicators with "
	    "data / the indicators with data in the year; it is ranked "
	    "when its coverage is at least %s and it has at least %d "
	    "indicator(s) in each pillar." },
	[CIDX_MSG_R_OUTLIERS_JRC_RULE] = {
	    "异常值处理（JRC规则，阈值 %s）："
	    "|偏度| 与峰度均超过阈值时缩尾，缩尾无效时取对数：",
	    "Outliers (the JRC rule, thresholds %s): an indicator "
	    "with |skew| and kurtosis above them is winsorised, or "
	    "else log-transformed:" },
	[CIDX_MSG_R_H2_NORMALISATION] = {
	    "2. 标准化",
	    "2. Normalisation" },
	[CIDX_MSG_R_EACH_INDICATOR_MULTIPLIED2] = {
	    "每项指标先乘以方向（越低越好为 "
	    "-1），再标准化（%s）：",
	    "Each indicator is multiplied "
	    "by its direction (-1: lower is better), then normalised "
	    "(%s):" },
	[CIDX_MSG_R_H3_AGGREGATION] = {
	    "3. 加权汇总",
	    "3. Aggregation" },
	[CIDX_MSG_R_LEVEL_LEVEL_BOTTOM] = {
	    "自下而上逐层汇总（%s），权重在有数据"
	    "的子项之间重新归一（W 为有数据子项的权重之和）：",
	    "Level by level, "
	    "bottom up (%s), the weights rescaled over the children "
	    "that have a value (W: the sum of their weights):" },
	[CIDX_MSG_R_LEVEL] = {
	    "层",
	    "level" },
	[CIDX_MSG_R_H4_RANKS_TIERS] = {
	    "4. 排名与梯队",
	    "4. Ranks and tiers" },
	[CIDX_MSG_R_UNITS_RANKED_THEIR] = {
	    "按指数得分降序排名，并列者名次相同"
	    "（1, 2, 2, 4）。梯队：%s。",
	    "Units are ranked by their index "
	    "score, ties sharing the lowest rank (1, 2, 2, 4).  Tiers: %s." },
	[CIDX_MSG_R_H5_MOVEMENT] = {
	    "5. 排名变化",
	    "5. Movement" },
	[CIDX_MSG_R_WHEN_YEARS_HAVE] = {
	    "两年指标不同时，两年都按共有数据的指标重新"
	    "排名；共有指标少于当年的一半或某支柱没有共有指标时，不计算排名变化。"
	    "排名变化只在两年都参与排名的单位之间比较：今年新参与排名的单位不影响"
	    "其他单位的变化。进入前N名须上年排在N名之后；上年无数据的单位不算新进入。",
	    "When the years have data for different indicators, both are "
	    "ranked again on the indicators they share; with fewer than half "
	    "of this year's indicators shared, or a pillar sharing none, no "
	    "movement is shown.  Changes are measured among the units ranked "
	    "in both years: a unit ranked only this year changes nobody's "
	    "rank.  A new entrant to the top N was ranked below N the year "
	    "before; a unit without data then is not new." },
	[CIDX_MSG_R_H6_STATISTICAL_AUDIT] = {
	    "6. 统计审查",
	    "6. Statistical audit" },
	[CIDX_MSG_R_R_PARENT_PEARSON] = {
	    "与上级相关：与所属支柱（或指数）得分的 "
	    "Pearson 相关系数，负值表示该项与上级方向相反；Cronbach α 与第一主成分"
	    "的方差占比衡量各组子项是否测量同一事物。",
	    "r with parent: the "
	    "Pearson correlation with the score of the node above (negative: "
	    "it pulls the other way); Cronbach's alpha and the variance share "
	    "of the first principal component tell whether a group's children "
	    "measure one thing." },
	[CIDX_MSG_R_H7_HOW_CERTAIN_RANKS] = {
	    "7. 排名的不确定性",
	    "7. How certain the ranks are" },
	[CIDX_MSG_R_MONTE_CARLO_DRAWS] = {
	    "蒙特卡洛模拟共%zu次（随机种子%llu）。"
	    "不确定的输入：%s。每次模拟按上述方式扰动权重、随机选取各项备选方法，"
	    "重新计算得分与排名；每个单位给出其%zu次排名的中位数及第5、第95百分位"
	    "（不确定性图中的区间），平均排名偏移为%.2f位。",
	    "%zu Monte Carlo "
	    "draws (seed %llu).  Uncertain inputs: %s.  Each draw perturbs the "
	    "weights and picks one of the alternatives of each input at random, "
	    "then scores and ranks every unit again; each unit's median rank "
	    "and the 5th and 95th percentiles of its %zu ranks give the "
	    "interval of the uncertainty figure.  The ranks moved by %.2f "
	    "places on average." },
	[CIDX_MSG_R_CHANGE_FORMULA] = {
	    "变化 = prev_common − now_common   （两年均有排名的%s中的名次）",
	    "change = prev_common - now_common   (the ranks among the %s "
	    "ranked in both years)" },
	[CIDX_MSG_R_SKIPPED] = { "其中%zu次模拟被跳过：几何或调和平均遇到小于等于0"
	    "的值；统计只用其余%zu次。", "%zu of the draws were skipped "
	    "(--skip-invalid): a geometric or harmonic mean met a value <= 0; "
	    "the figures are over the other %zu." },
	[CIDX_MSG_F_TREAT_LOG] = { "x <- ln(x - min + e)（偏度 >= 0）；x <- -ln(max "
	    "+ e - x)（偏度 < 0）；e = 0.01 (max - min)",
	    "x <- ln(x - min + e)  (skew >= 0);   x <- -ln(max + e - x)  "
	    "(skew < 0);   e = 0.01 (max - min)" },
	[CIDX_MSG_F_TOPSIS_NORM] = { "r[i,j] = x[i,j] / sqrt( sum_k x[k,j]^2 )"
	    "（k：数据完整的单位）", "r[i,j] = x[i,j] / sqrt( sum_k x[k,j]^2 )   "
	    "(k: the complete units)" },
	[CIDX_MSG_F_MPI_NORM] = { "z[i,j] = 100 + 10 d (x[i,j] - M[j]) / S[j]"
	    "（M、S：当年的均值与总体标准差）", "z[i,j] = 100 + 10 d (x[i,j] - "
	    "M[j]) / S[j]   (M, S: the year's mean and population sd)" },
	[CIDX_MSG_F_AMPI_NORM] = { "r[i,j] = 70 + 60 (y[i,j] - min[j]) / "
	    "(max[j] - min[j])，y = d x，min、max 取全部年份", "r[i,j] = 70 + 60 "
	    "(y[i,j] - min[j]) / (max[j] - min[j]),   y = d x,   min, max over "
	    "every year" },
	[CIDX_MSG_F_BOD] = { "s[i] = 100 max sum_j v[j] s[i,j]，sum_j v[j] "
	    "s[k,j] <= 1（每个单位 k），v >= 0（LO <= v[j] s[i,j] / sum v s[i] "
	    "<= HI）", "s[i] = 100 max sum_j v[j] s[i,j],   sum_j v[j] s[k,j] <= "
	    "1 (every unit k),   v >= 0   (LO <= v[j] s[i,j] / sum v s[i] <= "
	    "HI)" },
	[CIDX_MSG_F_WROCLAW] = { "z = d (x - 均值) / 标准差，d[i] = sqrt( "
	    "sum(w (z[i,j] - max_k z[k,j])^2) / W )，s[i] = 100 (1 - d[i] / "
	    "(d的均值 + 2 × d的标准差))", "z = d (x - mean) / sd,   d[i] = sqrt( "
	    "sum(w (z[i,j] - max_k z[k,j])^2) / W ),   s[i] = 100 (1 - d[i] / "
	    "(mean(d) + 2 sd(d)))" },
	[CIDX_MSG_F_MC_NOISE] = { "w'[c] = w[c] u，u ~ U(1 - φ, 1 + φ)；R_s = "
	    "|名义排名 - 排名| 的平均值", "w'[c] = w[c] u,   u ~ U(1 - phi, 1 + "
	    "phi);   R_s = mean |nominal rank - rank|" },
	[CIDX_MSG_F_N_ZSCORE] = { "s = M + S (y - 均值) / 标准差，y = d x，"
	    "标准差的除数为 n - 1", "s = M + S (y - mean) / sd,   y = d x,   sd "
	    "with divisor n - 1" },
	[CIDX_MSG_F_N_RATIO] = { "s = 100 x / x的均值", "s = 100 x / mean(x)" },
	[CIDX_MSG_F_N_GOALPOSTS] = { "s = 100 (x - lo) / (hi - lo)（d = +1）；"
	    "s = 100 (hi - x) / (hi - lo)（d = -1）；截断到 [0, 100]",
	    "s = 100 (x - lo) / (hi - lo)  (d = +1);   s = 100 (hi - x) / "
	    "(hi - lo)  (d = -1);   clipped to [0, 100]" },

	/* ---- explain ---- */
	[CIDX_MSG_EX_HEAD] = {
	    "%1$s %2$s：%6$d年得分%3$s，在%5$zu个%7$s中排第%4$d名\n\n",
	    "%s %s: score %s, rank %d of %zu in %d\n\n" },
	[CIDX_MSG_EX_NODE] = { "节点", "node" },
	[CIDX_MSG_EX_NAME] = { "名称", "name" },
	[CIDX_MSG_EX_VALUE] = { "得分", "value" },
	[CIDX_MSG_EX_SHARE] = { "份额 %", "share %" },
	[CIDX_MSG_EX_CONTRIB] = { "贡献", "contribution" },
	[CIDX_MSG_EX_FACTOR] = { "因子", "factor" },
	[CIDX_MSG_EX_ADDITIVE] = { "\n贡献 = 得分 × 通往指数的路径上各级份额之积；"
	    "\n一个节点的各子项贡献之和等于它自己的贡献。\n",
	    "\ncontribution = value x the product of the shares on the path "
	    "to the index;\nthe contributions of a node's children add up to "
	    "the node's own.\n" },
	[CIDX_MSG_EX_NOT_ADDITIVE_IM] = { "\n不可加：%s的得分不是各指标份额之和。\n",
	    "\nnot additive: %s scores are not sums of the indicators' "
	    "shares.\n" },
	[CIDX_MSG_EX_NOT_ADDITIVE_GEOM] = { "\n不可加：几何平均的层把各因子 "
	    "得分^份额 相乘（见上表）；调和平均的层\n不能这样分解。\n",
	    "\nnot additive: a geometric level multiplies the factors "
	    "value^share (shown); a harmonic level\nhas no such split.\n" },
	[CIDX_MSG_EX_WITHHELD] = {
	    "\n与%1$d年的排名变化未予计算：两年共有数据的指标只有%3$d项（%2$.0s）\n",
	    "\nmovement against %d withheld: %s\n" },
	[CIDX_MSG_EX_COMMON] = { "\n按%2$d年和%3$d年都有数据的%1$d项指标：",
	    "\non the %d indicators with data in both %d and %d:" },
	[CIDX_MSG_EX_CHANGE] = {
	    "\n在两年均有排名的%5$zu个%7$s中：%2$d年第%1$d名 -> %4$d年第%3$d名，"
	    "变化%6$+d位\n",
	    "\nrank %1$d in %2$d -> %3$d in %4$d among the %5$zu %7$s ranked "
	    "in both years: %6$+d places\n" },
	[CIDX_MSG_EX_OWN_NEW] = { "  以它%d年的数据、其他各方%d年的数据：第%d名\n",
	    "  its %d data among the others' %d data: rank %d\n" },
	[CIDX_MSG_EX_OWN_OLD] = { "  以它%d年的数据、其他各方%d年的数据：第%d名\n",
	    "  its %d data among the others' %d data: rank %d\n" },
	[CIDX_MSG_EX_DUE_OWN] = { "  来自自身数据：%s%s位\n",
	    "  due to its own data: %s%s places\n" },
	[CIDX_MSG_EX_DUE_OTHERS] = { "  来自其他%3$s：%1$s%2$s位（两种顺序的平均）\n",
	    "  due to the other %3$s: %1$s%2$s places (the average of both "
	    "orders)\n" },

	/* ---- the workbook ---- */
	[CIDX_MSG_XL_RANKING] = { "排名", "ranking" },
	[CIDX_MSG_XL_SCORES] = { "得分", "scores" },
	[CIDX_MSG_XL_METHOD] = { "方法", "method" },
	[CIDX_MSG_XL_CODE] = { "代码", "code" },
	[CIDX_MSG_XL_NAME] = { "名称", "name" },
	[CIDX_MSG_XL_NAME_EN] = { "英文名称", "English name" },
	[CIDX_MSG_XL_RELATIVE] = { "相对指数", "relative index" },
	[CIDX_MSG_XL_GROWTH] = { "增长", "growth" },
	[CIDX_MSG_XL_TIER] = { "梯队", "tier" },
	[CIDX_MSG_XL_COVERAGE] = { "覆盖率", "coverage" },
	[CIDX_MSG_XL_BASIS_RANK] = { "可比排名", "rank on the shared indicators" },
	[CIDX_MSG_XL_PREV_RANK] = { "上年排名", "previous rank" },
	[CIDX_MSG_XL_COMMON_PREV] = { "上年*", "prev*" },
	[CIDX_MSG_XL_COMMON_NOW] = { "本年*", "now*" },
	[CIDX_MSG_XL_CHANGE] = { "排名变化", "change" },
	[CIDX_MSG_XL_COVERAGE_PREV] = { "上年覆盖率", "previous coverage" },
	[CIDX_MSG_XL_NODE_NAME] = { "（节点名称）", "(node name)" },
	[CIDX_MSG_XL_VERSION] = { "cityidx版本", "cityidx version" },
	[CIDX_MSG_XL_WORKSPACE] = { "工作区", "workspace" },
	[CIDX_MSG_XL_YEAR] = { "年份", "year" },
	[CIDX_MSG_XL_COMPARE_YEAR] = { "比较年份", "compared with" },
	[CIDX_MSG_XL_NOTE] = { "说明", "note" },
	[CIDX_MSG_XL_TIERS] = { "梯队", "tiers" },
	[CIDX_MSG_XL_TOP] = { "前N名", "top group" },
	[CIDX_MSG_XL_BASIS] = { "排名变化的基础", "movement basis" },
	[CIDX_MSG_XL_SAME] = { "相同指标", "same indicators" },
	[CIDX_MSG_XL_COMMON] = { "两年都有数据的指标",
	    "indicators with data in both years" },
	[CIDX_MSG_XL_SHA] = { "框架校验和（SHA-256）",
	    "framework checksum (SHA-256)" },
	[CIDX_MSG_XL_PARENT] = { "上级", "parent" },
	[CIDX_MSG_XL_WEIGHT] = { "权重", "weight" },
	[CIDX_MSG_XL_NOMINAL] = { "名义权重", "nominal" },
	[CIDX_MSG_XL_EFFECTIVE] = { "有效权重", "effective" },
	[CIDX_MSG_XL_IMPORTANCE] = { "重要性", "importance" },
	[CIDX_MSG_XL_NO_DATA] = { "无数据", "no data" },
	[CIDX_MSG_XL_WEIGHT0] = { "权重为0", "weight 0" },

	/* ---- the uncertain inputs ---- */
	[CIDX_MSG_MC_DRAWS] = { "%zu次蒙特卡洛模拟：", "%zu Monte Carlo draws: " },
	[CIDX_MSG_MC_WEIGHTS] = { "%zu个权重±%s%%（第%s层）",
	    "%zu weights \u00b1%s%% (levels %s)" },
	[CIDX_MSG_MC_DROP] = { "剔除%zu项指标之一",
	    "one of %zu indicators left out" },
	[CIDX_MSG_MC_IMPUTE] = { "插补：", "imputation: " },
	[CIDX_MSG_MC_WINMAX] = { "缩尾上限：", "winsorisation limit: " },
	[CIDX_MSG_MC_NORMALISE] = { "归一化：", "normalisation: " },
	[CIDX_MSG_MC_AGGREGATE] = { "加总：", "aggregation: " },
	[CIDX_MSG_MC_METHOD] = { "指数方法：", "index method: " },
};

static const char *const nouns[CIDX_NOUN__COUNT][3] = {
	[CIDX_NOUN_UNIT] = { "单位", "unit", "units" },
	[CIDX_NOUN_CITY] = { "城市", "city", "cities" },
	[CIDX_NOUN_REGION] = { "地区", "region", "regions" },
};

const char *
cidx_msg(enum cidx_lang lang, enum cidx_msg_id id)
{
	const char *s;

	if ((unsigned)id >= CIDX_MSG__COUNT)
		return "";
	/* the report's words are in msgreport.c */
	s = msgs[id][0] ? msgs[id][lang == CIDX_LANG_EN] :
	    cidx_msg_report[id][lang == CIDX_LANG_EN];
	return s != NULL ? s : "";
}

const char *
cidx_msg_noun(enum cidx_lang lang, enum cidx_unit_noun noun, int plural)
{
	if ((unsigned)noun >= CIDX_NOUN__COUNT)
		noun = CIDX_NOUN_UNIT;
	if (lang != CIDX_LANG_EN)
		return nouns[noun][0];
	return nouns[noun][plural ? 2 : 1];
}

int
cidx_msg_noun_parse(const char *s, enum cidx_unit_noun *noun)
{
	for (int i = 0; i < CIDX_NOUN__COUNT; i++)
		if (strcmp(s, nouns[i][0]) == 0 || strcmp(s, nouns[i][1]) == 0) {
			*noun = (enum cidx_unit_noun)i;
			return 0;
		}
	return -1;
}
