using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Prevention;
using Xinfang.Domain.Shared;
using Xinfang.Domain.Statistics;
using Xinfang.Web.Data;
using Xinfang.Web.Documents;
using Xinfang.Web.Features.Prevention;

namespace Xinfang.Web.Features.Statistics;

/// <summary>GET /reports/annual/{year}: the figures of the report and its text, for other uses than the Word file.</summary>
public sealed record AnnualReportView(int Year, string Title, SummaryView Summary, WorkFigures Work, SuggestionFigures Suggestions,
                                      IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTable> Tables);

/// <summary>
/// The annual report (第四十一条) for a statistical year: the summary's figures, the year's trainings, publicity and
/// ledger work, composed into sentences by <see cref="AnnualReport"/> and laid out by the shared <see cref="DocxWriter"/>.
/// </summary>
public sealed class AnnualReportQuery(XinfangDb db, SummaryQuery summary, ReferenceData reference, StatisticsSettings settings, TimeProvider time)
{
    public static Error? CheckYear(int year) =>
        year is < 2000 or > 2100 ? Error.Validation("statistics.year-invalid", "年份须在 2000 至 2100 之间。", "year") : null;

    public async Task<AnnualReportView> RunAsync(int year, CancellationToken ct = default)
    {
        var period = StatPeriod.OfYear(year, settings.MonthClosingDay);
        var (view, volume) = await summary.ComputeAsync(period, ct);
        var (from, to) = (period.From, period.To);
        var work = await WorkFiguresQuery.ForAsync(db, from, to, ct);
        // The 三项建议 register (第四十条, 第四十一条第一款(三)): made in the year by the date sent, adopted as the units answered.
        var made = db.Set<Suggestion>().Where(s => s.SentOn >= from && s.SentOn <= to);
        var suggestions = new SuggestionFigures(Recorded: true, await made.CountAsync(ct), await made.CountAsync(s => s.Adopted == true, ct));
        var figures = new AnnualFigures(year, volume, view.Previous.Matters, view.Flags.Collective, view.Flags.FirstTime, view.Flags.OverLevel,
            view.Transfers, view.Assignments, view.Letters.Reminders, view.Letters.Supervisions, suggestions, view.Indicators, work);
        var text = AnnualReport.Compose(figures, await BureauNameAsync(ct));
        return new AnnualReportView(year, text.Title, view, work, suggestions, text.Paragraphs, text.Tables);
    }

    public async Task<byte[]> DocumentAsync(int year, CancellationToken ct = default)
    {
        var report = await RunAsync(year, ct);
        var bureau = await BureauNameAsync(ct);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var document = new OfficialDocument(bureau, null, report.Title, "区委、区政府：", report.Paragraphs, ChineseText.LongDate(today),
            Tables: report.Tables.Select(t => new DocumentTable(t.AfterParagraph, t.Caption, t.Headers, t.Rows)).ToList());
        return DocxWriter.Write(document);
    }

    private async Task<string> BureauNameAsync(CancellationToken ct) =>
        (await reference.CurrentAsync(ct)).Units.Values.Where(u => u.Kind == Domain.Organisation.UnitKind.Bureau && u.IsActive).OrderBy(u => u.Code, StringComparer.Ordinal)
        .Select(u => u.Name).FirstOrDefault() ?? "信访局";
}
