namespace Xinfang.Domain.Statistics;

/// <summary>One figure or rate as the 统计口径 page and the annual report's note explain it.</summary>
public sealed record Definition(string Code, string Name, string Unit, string Formula, string Cohort, string Basis);

/// <summary>
/// 统计口径: every figure and rate Xinfang publishes, with its formula and cohort, written once. The queries count
/// exactly these cohorts (Features/Statistics), the pages and the report print these texts. The formulas are those of
/// the Guangdong petition analytics (reference §3.2); where Xinfang's data differs the deviation is stated here.
/// </summary>
public static class Definitions
{
    public static readonly IReadOnlyList<Definition> Figures =
    [
        new("matters", "信访总量", "件(批)", "登记的信访事项件数；来访一次为一批", "登记日期（收到日期）在统计期内的全部事项，含已导入法定途径、转纪检监察、不予受理的",
            "《信访工作条例》第四十一条：年度报告应包括信访事项的数据统计"),
        new("visit-batches", "来访批次", "批", "渠道为来访的事项件数", "同上，渠道为来访", "来访按批次统计，一批可有多人"),
        new("visit-persons", "来访人次", "人次", "来访事项的人数之和", "同上，渠道为来访", "集体访按登记的人数计人次"),
        new("persons", "信访人次", "人次", "全部事项的人数之和", "同上", ""),
        new("by-channel", "按渠道", "件", "按来信、来访、来电、网上信访、传真、上级交转办、12345热线分别计数", "同上", "第十七条"),
        new("by-purpose", "按信访目的", "件", "按建议意见、检举控告、申诉求决分别计数", "同上", "第二十九条至第三十一条"),
        new("by-category", "按内容分类", "件", "按一级内容分类计数（二级分类归入其一级）", "同上", "参考 §6.1"),
        new("by-location", "按问题属地", "件", "按问题属地（街道、镇）计数；未填写属地的计入“未填写”", "同上", ""),
        new("by-unit", "按责任单位", "件", "按转送、交办或自办的责任单位计数；尚未转交办的计入“尚未转交办”", "同上", "第四十一条：被投诉较多的机关、单位"),
        new("first-time", "初信初访", "件", "标记为初信初访的事项", "同上", ""),
        new("repeat", "重复信访", "件", "经登记人确认为重复信访（关联了此前事项）的事项", "同上", "系统只提示疑似重复，由人确认"),
        new("collective", "集体访", "件", "标记为集体访的事项", "同上", "第二十条"),
        new("over-level", "越级访", "件", "标记为越级的事项", "同上", ""),
        new("spam", "垃圾信息", "件", "登记员标记为垃圾信息（广告、无实际内容、辱骂等）的网上信访，仍计入信访总量", "同上，期末仍带标记的",
            "第十七条：凡访必登，不删除；标记后不计处置期限，不计入及时受理率"),
        new("transfers", "转送、交办", "件", "转送、交办操作的次数（退回后再次转送的再计一次）", "操作日期在统计期内", "第二十二条、第四十一条"),
        new("supervision-letters", "提醒函、督办函", "件", "出具的提醒函、督办函件数，按类别分列", "发文日期在统计期内", "第四十条；督办功能上线前为0"),
        new("suggestions", "三项建议", "件", "提出的改进工作、完善政策、追究责任建议及其中被采纳的", "提出日期在统计期内", "第四十条、第四十一条"),
    ];

    public static readonly IReadOnlyList<Definition> Rates =
    [
        new(Indicators.TimelyAcceptance, "及时受理率（信访部门）", "%",
            "及时处置件数 ÷ 应处置件数。及时：在第二十二条的15日内转送、交办、导入法定途径、转纪检监察或政法、不予受理或自办",
            "处置期限（收到之日起15日）届满日在统计期内的事项；期末仍未处置的计入分母（超期未受理）", "第二十二条；参考 §3.2 jssl/zs"),
        new(Indicators.UnitTimelyAcceptance, "及时受理率（责任单位）", "%",
            "按期出具受理告知的件数 ÷ 应受理件数", "受理告知期限（单位收到之日起15日）届满日在统计期内、且未因异议或导入法定途径而取消的", "第二十三条第三款"),
        new(Indicators.OnTimeCompletion, "按期办结率", "%",
            "按期办结 ÷（按期办结 + 超期办结 + 未办结）。办结日期不晚于办理期限届满日（含届满当日）即为按期",
            "办理期限（60日、简易办理10个工作日或交办限期；延期的按延长后的日期）届满日在统计期内的事项。导入法定途径、转纪检监察或政法、不予受理的事项没有办理期限，不在其内",
            "第三十四条；参考 §3.2 aqdf/(aqdf+cqdf+wdf+cqwdf)"),
        new(Indicators.BureauParticipation, "参评率（信访部门）", "%",
            "已评价 ÷（已评价 + 超期未评价）；评价期限尚未届满且未评价的不计",
            "评价期限届满日在统计期内的事项。评价期限取处理意见送达后申请复查的30日期限（偏离说明：国家规定的评价期限未见公布，以复查申请期限代替，可调整）",
            "国信发〔2022〕11号；参考 §3.1、§3.2"),
        new(Indicators.UnitParticipation, "参评率（责任单位）", "%", "同上，评价对象为责任单位", "同上", "同上"),
        new(Indicators.BureauSatisfaction, "满意率（信访部门）", "%", "（满意 + 基本满意）÷ 已评价", "评价日期在统计期内的对信访部门的评价", "参考 §3.2 (my+jbmy)/ypj"),
        new(Indicators.UnitSatisfaction, "满意率（责任单位）", "%", "（满意 + 基本满意）÷ 已评价", "评价日期在统计期内的对责任单位的评价", "同上"),
        new(Indicators.RepeatRate, "重复信访率", "%", "重复信访件数 ÷ 信访总量", "登记日期在统计期内的事项", "参考 §3.2 cfjc/zjc"),
        new(Indicators.OnlineShare, "网信占比", "%", "网上信访件数 ÷ 信访总量", "登记日期在统计期内的事项", "参考 §3.2"),
    ];

    public const string Rounding = "同比、环比 = （本期 − 比较期）÷ 比较期，以百分数保留一位小数（四舍五入），写作“上升5.0%”“下降34.2%”“持平”；比较期为0时不计算。" +
                                   "各项比率保留一位小数。同比与去年同期比较，环比与上一个月、季度或同样天数的前一期间比较。";

    public const string StatisticalMonth = "统计月可设结账日：例如每月25日结账，则3月统计月为2月26日至3月25日，全年为上年12月26日至本年12月25日。";
}
