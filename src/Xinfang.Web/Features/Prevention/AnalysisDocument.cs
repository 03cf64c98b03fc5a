using System.Globalization;
using Xinfang.Domain.Shared;
using Xinfang.Web.Documents;

namespace Xinfang.Web.Features.Prevention;

/// <summary>
/// 分析研判报告 as an <see cref="OfficialDocument"/>, laid out by the shared <see cref="DocxWriter"/> like the annual
/// report: a summary paragraph, then one heading and table per view of the period (topic with its trends, risk, unit,
/// the longest-open items, the items that became petitions). An internal working paper: no red letterhead.
/// </summary>
public static class AnalysisDocument
{
    public static OfficialDocument Compose(AnalysisView a, string issuer, string scope, DateOnly today)
    {
        var paragraphs = new List<string>
        {
            $"（{ChineseText.LongDate(a.From)}至{ChineseText.LongDate(a.To)}）",
            $"本期共排查矛盾纠纷{a.Total}件，化解{a.Resolved}件，期末尚有{a.Open}件未化解；转为信访事项{a.BecamePetitionCount}件。" +
            (a.ByTopic.Count > 0 ? $"数量最多的类型是{a.ByTopic[0].Name}（{a.ByTopic[0].Count}件）。" : "") +
            (a.Rising.Count > 0 ? $"较上期或去年同期上升的类型有：{string.Join("、", a.Rising.Select(t => t.Topic))}。" : "各类型均未较上期或去年同期上升。"),
        };
        var tables = new List<DocumentTable>();

        void Section(string heading, string caption, string[] headers, int[] weights, IEnumerable<string[]> rows)
        {
            var list = rows.Select(r => (IReadOnlyList<string>)r).ToList();
            paragraphs.Add(heading);
            if (list.Count == 0)
            {
                paragraphs.Add("本期无。");
                return;
            }

            tables.Add(new DocumentTable(paragraphs.Count - 1, caption, headers, list, weights));
        }

        Section("一、按矛盾类型", "表1 各类矛盾纠纷数量及变化", ["矛盾类型", "本期", "上期", "去年同期", "环比", "同比"], [3, 2, 2, 2, 2, 2],
            a.Trends.Select(t => new[] { t.Topic, N(t.Count), N(t.Previous), N(t.LastYear), Rate(t.ChangeRate), Rate(t.YearOnYearRate) }));
        Section("二、按风险等级", "表2 风险等级分布", ["风险等级", "件数"], [1, 1], a.ByRisk.Select(r => new[] { r.Name, N(r.Count) }));
        Section("三、按责任单位", "表3 责任单位分布", ["责任单位", "件数"], [3, 1], a.ByUnit.Select(u => new[] { u.Name, N(u.Count) }));
        // Rendered and looked at: with 2025年10月12日 and 已历天数 the date, type and header cells wrapped into two or three
        // lines; numeric dates and 天数 keep each row on one or two lines (units' long names may still wrap).
        Section("四、久拖未化解事项", "表4 期末未化解时间最长的事项", ["事项", "类型", "责任单位", "风险", "排查日期", "天数"], [29, 15, 22, 8, 17, 9],
            a.LongestOpen.Select(i => new[] { i.Title, i.Topic, i.ResponsibleUnit, i.RiskLabel, i.ReportedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(i.DaysOpen) }));
        Section("五、转为信访事项情况", "表5 由台账事项转为信访事项的", ["台账事项", "转为信访日期", "信访事项编号"], [4, 3, 4],
            a.BecamePetitions.Select(p => new[] { p.ItemTitle, ChineseText.LongDate(p.On), string.Join("、", p.Matters.Select(m => m.Number)) }));

        return new OfficialDocument(issuer, null, $"{scope}矛盾纠纷排查化解分析研判报告", "", paragraphs, ChineseText.LongDate(today),
            Letterhead: false, Tables: tables);
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Rate(decimal? rate) => rate is { } r ? (r > 0 ? "+" : "") + (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
