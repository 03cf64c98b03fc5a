using Xinfang.Domain.Prevention;

namespace Xinfang.Domain.Statistics;

/// <summary>A table of the report: where it goes (after which paragraph), its caption, headers and rows.</summary>
public sealed record ReportTable(int AfterParagraph, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>三项建议 made and adopted; <see cref="Recorded"/> false while the register does not exist yet.</summary>
public sealed record SuggestionFigures(bool Recorded, int Made, int Adopted);

/// <summary>Everything the annual report says, for one year, the year before's total for 同比.</summary>
public sealed record AnnualFigures(
    int Year, Volume Volume, int LastYearMatters, int Collective, int FirstTime, int OverLevel,
    int Transfers, int Assignments, int Reminders, int Supervisions, SuggestionFigures Suggestions,
    IReadOnlyList<Indicator> Indicators, WorkFigures Work);

public sealed record AnnualReportText(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTable> Tables);

/// <summary>
/// 信访情况年度报告 (《信访工作条例》第四十一条第一款): (1) statistics, the fields involved and the units most complained
/// about; (2) 转送、交办、督办; (3) 三项建议 made and adopted; (4) other matters — written as sentences with the figures,
/// as the bureau writes them ("2024年受理信访总量为697件(批)，同比下降34.2%"), ready for the director to edit.
/// </summary>
public static class AnnualReport
{
    public const int Top = 3;

    public static AnnualReportText Compose(AnnualFigures f, string bureau)
    {
        var v = f.Volume;
        var p = new List<string>();
        var tables = new List<ReportTable>();
        p.Add($"根据《信访工作条例》第四十一条的规定，现将{f.Year}年全区信访工作情况报告如下。");

        p.Add("一、信访总体情况");
        var channels = v.ByChannel.Where(c => c.Count > 0)
            .Select(c => c.Key == "visit" ? $"来访{c.Count}批{v.VisitPersons}人次" : $"{c.Name}{c.Count}件").ToList();
        p.Add($"{f.Year}年受理信访总量为{v.Matters}件(批)，同比{ChangeRate.Words(v.Matters, f.LastYearMatters)}（{f.Year - 1}年为{f.LastYearMatters}件(批)）。" +
              (channels.Count > 0 ? $"其中{string.Join("，", channels)}；网上信访占{Share(v.Online, v.Matters)}。" : "") +
              $"集体访{f.Collective}批，重复信访{v.Repeats}件，初信初访{f.FirstTime}件，越级访{f.OverLevel}件。");
        tables.Add(new ReportTable(p.Count - 1, "表1　按信访渠道", ["渠道", "件(批)数", "占比"],
            v.ByChannel.Where(c => c.Count > 0).Select(c => Row(c.Name, c.Count, v.Matters)).ToList()));

        p.Add("二、信访反映的主要问题和被投诉较多的单位");
        var categories = v.ByCategory.Take(Top).ToList();
        var units = v.ByUnit.Where(u => u.Name != Volume.NotYetHeld).Take(Top).ToList();
        p.Add((categories.Count > 0
                  ? $"群众反映的问题主要集中在{string.Join("、", categories.Select(c => $"{c.Name}（{c.Count}件，占{Share(c.Count, v.Matters)}）"))}等方面。"
                  : "全年未登记信访事项。") +
              (units.Count > 0 ? $"涉及信访事项较多的单位是{string.Join("、", units.Select(u => $"{u.Name}（{u.Count}件）"))}。" : ""));
        tables.Add(new ReportTable(p.Count - 1, "表2　按内容分类", ["内容分类", "件数", "占比"], v.ByCategory.Select(c => Row(c.Name, c.Count, v.Matters)).ToList()));
        tables.Add(new ReportTable(p.Count - 1, "表3　按责任单位", ["责任单位", "件数", "占比"], v.ByUnit.Select(c => Row(c.Name, c.Count, v.Matters)).ToList()));

        p.Add("三、转送、交办、督办情况");
        p.Add($"全年转送信访事项{f.Transfers}件，交办{f.Assignments}件；对办理不及时的单位发出提醒函{f.Reminders}件、督办函{f.Supervisions}件。");

        p.Add("四、提出和采纳三项建议情况");
        p.Add(f.Suggestions.Recorded
            ? $"全年提出改进工作、完善政策、追究责任的建议{f.Suggestions.Made}件，被采纳{f.Suggestions.Adopted}件。"
            : "本系统尚未启用三项建议登记，全年提出和采纳的建议暂无数据（按0件计），请据实补充。");

        p.Add("五、主要工作指标");
        p.Add(string.Join("，", f.Indicators.Select(i => $"{i.Name}{(i.Rate is null ? "无可计算事项" : "为" + i.Text)}")) + "。");
        tables.Add(new ReportTable(p.Count - 1, "表4　主要工作指标", ["指标", "分子", "分母", "比率"],
            f.Indicators.Select(i => (IReadOnlyList<string>)[i.Name, N(i.Numerator), N(i.Denominator), i.Text]).ToList()));

        p.Add("六、其他工作情况");
        var w = f.Work;
        p.Add($"全年开展业务培训{w.Trainings}场次、{w.TrainingPersons}人次，开展宣传活动{w.PublicityEvents}场、受众{w.PublicityReach}人次；" +
              $"律师坐班{w.LawyerDutyDays}天，接待群众{w.LawyerVisitors}人次。" +
              $"排查矛盾纠纷{w.LedgerScreened}件，化解{w.LedgerResolved}件，转为信访事项{w.LedgerBecamePetitions}件，年末尚有{w.LedgerOpenAtEnd}件正在化解。");

        p.Add("七、下一步工作打算");
        p.Add("（请在此补充下一步工作打算。）");
        p.Add($"附注：统计口径见系统“统计口径”页。{Definitions.Rounding}");
        return new AnnualReportText($"{bureau}关于{f.Year}年信访工作情况的报告", p, tables);
    }

    /// <summary>A share as officials print it: one decimal place ("15.4%").</summary>
    public static string Share(int part, int whole) =>
        whole == 0 ? "0.0%" : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static IReadOnlyList<string> Row(string name, int count, int whole) => [name, N(count), Share(count, whole)];

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
