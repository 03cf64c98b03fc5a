using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Statistics;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Statistics;

public sealed record Comparison(string From, string To, int Matters, decimal? ChangeRate, string Change);

/// <param name="Spam">Online submissions set aside as spam (垃圾信息): in 信访总量 (凡访必登), counted here apart.</param>
public sealed record FlagCounts(int FirstTime, int Repeat, int Collective, int OverLevel, int Spam);

public sealed record LetterCounts(int Reminders, int Supervisions);

/// <summary>GET /statistics/summary: the figures of <see cref="Definitions"/> for one period, 同比 in <c>previous</c>, 环比 in <c>sequential</c>.</summary>
public sealed record SummaryView(
    string From, string To, string Label, int Matters, int Batches, int Persons, int VisitPersons,
    IReadOnlyList<Breakdown> ByChannel, IReadOnlyList<Breakdown> ByPurpose, IReadOnlyList<Breakdown> ByCategory,
    IReadOnlyList<Breakdown> ByLocation, IReadOnlyList<Breakdown> ByUnit, FlagCounts Flags,
    int Transfers, int Assignments, LetterCounts Letters,
    IReadOnlyDictionary<string, decimal?> Kpis, IReadOnlyList<Indicator> Indicators,
    Comparison Previous, Comparison Sequential)
{
    /// <summary>The counts behind 参评率 and 满意率 per body (<c>bureau</c>, <c>unit</c>): 已评价, 超期未评价 and the ratings.</summary>
    public IReadOnlyDictionary<string, EvaluationCounts> Evaluations { get; init; } = new Dictionary<string, EvaluationCounts>();
}

/// <summary>
/// Counts the cohorts of <see cref="Definitions"/> in the database (GROUP BY on indexed dates) and lets the domain
/// compose the figures and rates. Statistics are the bureau's: every matter counts, whoever handles it.
/// </summary>
public sealed class SummaryQuery(XinfangDb db, ReferenceData reference, TimeProvider time, IConfiguration configuration)
{
    private readonly int _evaluationDays = MatterWorkflow.EvaluationDaysIn(configuration);

    public DateOnly Today => Domain.Shared.ChinaTime.DateOf(time.GetUtcNow());

    public async Task<SummaryView> RunAsync(StatPeriod period, CancellationToken ct = default) => (await ComputeAsync(period, ct)).View;

    /// <summary>The summary and the domain's volume figures it was made from (the annual report writes sentences from those).</summary>
    public async Task<(SummaryView View, Volume Volume)> ComputeAsync(StatPeriod period, CancellationToken ct = default)
    {
        var (from, to) = (period.From, period.To);
        var volume = await VolumeAsync(from, to, ct);
        var received = db.Matters.AsNoTracking().Where(m => m.ReceivedOn >= from && m.ReceivedOn <= to);
        var flags = new FlagCounts(
            await received.CountAsync(m => m.Flags.Contains(MatterFlag.FirstTime), ct), volume.Repeats,
            await received.CountAsync(m => m.Flags.Contains(MatterFlag.Collective), ct),
            await received.CountAsync(m => m.Flags.Contains(MatterFlag.OverLevel), ct),
            await received.CountAsync(m => m.Spam != null, ct));
        var actions = await db.Set<MatterEvent>().AsNoTracking()
            .Where(e => e.On >= from && e.On <= to && (e.Action == MatterAction.Transfer || e.Action == MatterAction.Assign))
            .GroupBy(e => e.Action).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var counts = await KpiCountsAsync(from, to, volume, ct);
        var kpis = Indicators.Compute(counts);
        return (new SummaryView(Date(from), Date(to), period.Label, volume.Matters, volume.VisitBatches, volume.Persons, volume.VisitPersons,
            volume.ByChannel, volume.ByPurpose, volume.ByCategory, volume.ByLocation, volume.ByUnit, flags,
            actions.GetValueOrDefault(MatterAction.Transfer), actions.GetValueOrDefault(MatterAction.Assign), await LettersAsync(from, to, ct),
            kpis.ToDictionary(k => KpiKey(k.Code), k => k.Rate), kpis,
            await CompareAsync(period.YearBefore(), volume.Matters, ct), await CompareAsync(period.Previous(), volume.Matters, ct))
        {
            Evaluations = new Dictionary<string, EvaluationCounts> { ["bureau"] = counts.BureauEvaluation, ["unit"] = counts.UnitEvaluation },
        }, volume);
    }

    /// <summary>API.md's names for the rates (<c>timelyAcceptanceRate</c>, …).</summary>
    public static string KpiKey(string code) => code switch
    {
        Indicators.TimelyAcceptance => "timelyAcceptanceRate",
        Indicators.UnitTimelyAcceptance => "unitTimelyAcceptanceRate",
        Indicators.OnTimeCompletion => "onTimeCompletionRate",
        Indicators.BureauParticipation => "bureauParticipationRate",
        Indicators.UnitParticipation => "participationRate",
        Indicators.BureauSatisfaction => "bureauSatisfactionRate",
        Indicators.UnitSatisfaction => "satisfactionRate",
        Indicators.RepeatRate => "repeatRate",
        Indicators.OnlineShare => "onlineShare",
        _ => code,
    };

    public async Task<Volume> VolumeAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.Matters.AsNoTracking().Where(m => m.ReceivedOn >= from && m.ReceivedOn <= to)
            .GroupBy(m => new { m.Channel, m.Purpose, m.CategoryCode, m.LocationUnitId, m.UnitId })
            .Select(g => new { g.Key, Matters = g.Count(), Persons = g.Sum(m => m.Headcount), Repeats = g.Count(m => m.RepeatOfId != null) })
            .ToListAsync(ct);
        var cells = rows.Select(r => new VolumeCell(r.Key.Channel, r.Key.Purpose, TopLevel(r.Key.CategoryCode), r.Key.LocationUnitId, r.Key.UnitId,
            r.Matters, r.Persons, r.Repeats)).ToList();
        var refs = await reference.CurrentAsync(ct);
        return Volume.Compose(cells, code => refs.CategoryNames.GetValueOrDefault(code, code),
            id => refs.Units.TryGetValue(id, out var unit) ? unit.Name : "（已删除单位）");
    }

    private static string? TopLevel(string? category) => category is null ? null : category.Split('.')[0];

    private async Task<KpiCounts> KpiCountsAsync(DateOnly from, DateOnly to, Volume volume, CancellationToken ct)
    {
        var deadlines = db.Set<Deadline>().AsNoTracking().Where(d => d.DueOn >= from && d.DueOn <= to && d.State != DeadlineState.Cancelled);
        async Task<(int OnTime, int Cohort)> Cohort(params string[] codes)
        {
            var states = await deadlines.Where(d => codes.Contains(d.Code)).GroupBy(d => d.State)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            return (states.Where(s => s.Key == DeadlineState.Met).Sum(s => s.Count), states.Sum(s => s.Count));
        }

        var dispose = await Cohort(PeriodRules.Dispose);
        var acceptance = await Cohort(PeriodRules.AcceptanceNotice);
        var handling = await Cohort(PeriodRules.Handling, PeriodRules.HandlingSimplified, Deadline.Assigned);
        return new KpiCounts(dispose.OnTime, dispose.Cohort, acceptance.OnTime, acceptance.Cohort, handling.OnTime, handling.Cohort,
            await EvaluationAsync(EvaluationTarget.Bureau, from, to, ct), await EvaluationAsync(EvaluationTarget.Unit, from, to, ct),
            volume.Repeats, volume.Online, volume.Matters);
    }

    /// <summary>
    /// 参评率's cohort: the delivered opinions (handling, review, recheck: one window each) whose evaluation window closes
    /// in the period — <c>Portal:EvaluationDays</c> from the delivery, as the matter page counts it
    /// (<see cref="Satisfaction.WindowEnds"/>); 满意率's: the evaluations made in the period.
    /// </summary>
    private async Task<EvaluationCounts> EvaluationAsync(EvaluationTarget target, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var days = _evaluationDays;
        var (firstDelivery, lastDelivery, lastStillOpen) = (from.AddDays(-days), to.AddDays(-days), Today.AddDays(-days));
        var (evaluated, expired) = (0, 0);
        foreach (var stage in Satisfaction.Stages)
        {
            var kinds = Satisfaction.OpinionsOf(stage);
            // A corrected opinion is delivered again: its window runs from the stage's last delivery.
            var windows = db.Set<Notice>().AsNoTracking().Where(n => kinds.Contains(n.Kind) && n.DeliveredOn != null)
                .GroupBy(n => n.MatterId).Select(g => new { MatterId = g.Key, Delivered = g.Max(n => n.DeliveredOn) })
                .Where(w => w.Delivered >= firstDelivery && w.Delivered <= lastDelivery)
                .Select(w => new
                {
                    w.Delivered,
                    Evaluated = db.Matters.Any(m => m.Id == w.MatterId && m.Evaluations.Any(e => e.Target == target && e.Stage == stage)),
                });
            evaluated += await windows.CountAsync(w => w.Evaluated, ct);
            expired += await windows.CountAsync(w => !w.Evaluated && w.Delivered < lastStillOpen, ct);
        }

        var ratings = await db.Matters.AsNoTracking().SelectMany(m => m.Evaluations)
            .Where(e => e.Target == target && e.On >= from && e.On <= to)
            .GroupBy(e => e.Rating).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new EvaluationCounts(evaluated, expired, ratings.GetValueOrDefault(Rating.Satisfied), ratings.GetValueOrDefault(Rating.BasicallySatisfied),
            ratings.GetValueOrDefault(Rating.Dissatisfied));
    }

    private sealed record KindCount(string Kind, int Count);

    /// <summary>
    /// 提醒函 and 督办函 are notices of the supervision kinds (issue 13): counted by the stored kind's name, so that they
    /// appear when that work lands, without this query knowing its enum members.
    /// </summary>
    private async Task<LetterCounts> LettersAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var kinds = await db.Database.SqlQuery<KindCount>(
                $"SELECT kind AS \"Kind\", COUNT(*) AS \"Count\" FROM notice WHERE issued_on >= {from} AND issued_on <= {to} GROUP BY kind")
            .ToListAsync(ct);
        int Of(string part) => kinds.Where(k => k.Kind.Contains(part, StringComparison.OrdinalIgnoreCase)).Sum(k => k.Count);
        return new LetterCounts(Of("Reminder"), Of("Supervision"));
    }

    private async Task<Comparison> CompareAsync(StatPeriod other, int now, CancellationToken ct)
    {
        var before = await db.Matters.AsNoTracking().CountAsync(m => m.ReceivedOn >= other.From && m.ReceivedOn <= other.To, ct);
        return new Comparison(Date(other.From), Date(other.To), before, ChangeRate.Percent(now, before) / 100m, ChangeRate.Words(now, before));
    }

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
