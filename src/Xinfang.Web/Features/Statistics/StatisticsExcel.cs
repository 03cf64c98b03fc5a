using MiniExcelLibs;
using Xinfang.Domain.Statistics;

namespace Xinfang.Web.Features.Statistics;

/// <summary>
/// Every table of the dashboard as Excel: one sheet each, with Chinese headers, or only the one asked for (<c>table</c>).
/// </summary>
public static class StatisticsExcel
{
    public static readonly IReadOnlyDictionary<string, string> Tables = new Dictionary<string, string>
    {
        ["kpis"] = "主要指标", ["by-channel"] = "按渠道", ["by-purpose"] = "按信访目的", ["by-category"] = "按内容分类",
        ["by-location"] = "按问题属地", ["by-unit"] = "按责任单位", ["by-month"] = "按月", ["overdue"] = "超期事项按单位",
    };

    public static byte[] Build(DashboardView d, string? table)
    {
        var s = d.Summary;
        var sheets = new Dictionary<string, object>();
        void Add(string key, IEnumerable<Dictionary<string, object?>> rows)
        {
            if (table is null || table == key)
            {
                sheets[Tables[key]] = rows.ToList();
            }
        }

        IEnumerable<Dictionary<string, object?>> Counts(IEnumerable<Breakdown> rows, string header) =>
            rows.Select(b => new Dictionary<string, object?> { [header] = b.Name, ["件数"] = b.Count, ["占比"] = AnnualReport.Share(b.Count, s.Matters) });

        Add("kpis", s.Indicators.Select(i => new Dictionary<string, object?> { ["指标"] = i.Name, ["分子"] = i.Numerator, ["分母"] = i.Denominator, ["比率"] = i.Text })
            .Prepend(new Dictionary<string, object?> { ["指标"] = $"信访总量（{s.Label}，同比{s.Previous.Change}）", ["分子"] = s.Matters, ["分母"] = s.Previous.Matters, ["比率"] = "" }));
        Add("by-channel", Counts(s.ByChannel, "渠道"));
        Add("by-purpose", Counts(s.ByPurpose, "信访目的"));
        Add("by-category", Counts(s.ByCategory, "内容分类"));
        Add("by-location", Counts(s.ByLocation, "问题属地"));
        Add("by-unit", Counts(s.ByUnit, "责任单位"));
        Add("by-month", d.Months.Select(m => new Dictionary<string, object?>
        {
            ["月份"] = $"{m.Month}月（{m.From}至{m.To}）", [$"{d.Year}年"] = m.Count, [$"{d.Year - 1}年"] = m.LastYear, ["同比"] = ChangeRate.Signed(m.Count, m.LastYear),
        }));
        Add("overdue", d.OverdueByUnit.Select(o => new Dictionary<string, object?> { ["单位"] = o.Unit, ["超期"] = o.Overdue, ["在办"] = o.Open }));
        foreach (var (name, rows) in sheets.ToList())
        {
            if (rows is List<Dictionary<string, object?>> { Count: 0 })
            {
                sheets[name] = new List<Dictionary<string, object?>> { new() { ["说明"] = "本期无数据" } };
            }
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
