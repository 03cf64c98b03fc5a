namespace Xinfang.Domain.Statistics;

/// <summary>Who a rate measures: the 信访部门 (registration, transfer) or the 责任单位 (acceptance, handling), or both.</summary>
public enum Measured
{
    Bureau,
    Unit,
    All,
}

/// <summary>One rate: numerator over denominator, as a fraction (4 decimal places) and as officials print it ("97.2%").</summary>
public sealed record Indicator(string Code, string Name, Measured Measured, int Numerator, int Denominator)
{
    /// <summary>None when nothing is in the cohort: a rate of 0 would read as a failure.</summary>
    public decimal? Rate => Denominator == 0 ? null : Math.Round((decimal)Numerator / Denominator, 4, MidpointRounding.AwayFromZero);

    public string Text => Rate is { } r ? (r * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}

/// <summary>The cohort counts of the satisfaction evaluation of one object (the bureau or the unit).</summary>
/// <param name="Evaluated">Matters of the window cohort that the petitioner evaluated (已评价).</param>
/// <param name="Expired">Matters of the window cohort not evaluated when the window closed (超期未评价).</param>
/// <param name="Satisfied">Evaluations made in the period: 满意.</param>
public sealed record EvaluationCounts(int Evaluated, int Expired, int Satisfied, int BasicallySatisfied, int Dissatisfied)
{
    public static readonly EvaluationCounts None = new(0, 0, 0, 0, 0);
}

/// <summary>
/// The counts behind the KPIs of a period, as the database gives them; <see cref="Indicators.Compute"/> makes the rates.
/// Each count's cohort is defined in <see cref="Definitions"/>, where the 统计口径 page reads it.
/// </summary>
public sealed record KpiCounts(
    int DisposeOnTime, int DisposeCohort,
    int AcceptanceOnTime, int AcceptanceCohort,
    int HandlingOnTime, int HandlingCohort,
    EvaluationCounts BureauEvaluation, EvaluationCounts UnitEvaluation,
    int Repeat, int Online, int Total);

/// <summary>The KPIs of §3.2 of the reference (the Guangdong analytics' formulas), each from its cohort counts.</summary>
public static class Indicators
{
    public const string TimelyAcceptance = "timely-acceptance";
    public const string UnitTimelyAcceptance = "unit-timely-acceptance";
    public const string OnTimeCompletion = "on-time-completion";
    public const string BureauParticipation = "bureau-participation";
    public const string UnitParticipation = "unit-participation";
    public const string BureauSatisfaction = "bureau-satisfaction";
    public const string UnitSatisfaction = "unit-satisfaction";
    public const string RepeatRate = "repeat-rate";
    public const string OnlineShare = "online-share";

    public static IReadOnlyList<Indicator> Compute(KpiCounts c) =>
    [
        new(TimelyAcceptance, "及时受理率（信访部门）", Measured.Bureau, c.DisposeOnTime, c.DisposeCohort),
        new(UnitTimelyAcceptance, "及时受理率（责任单位）", Measured.Unit, c.AcceptanceOnTime, c.AcceptanceCohort),
        new(OnTimeCompletion, "按期办结率", Measured.Unit, c.HandlingOnTime, c.HandlingCohort),
        new(BureauParticipation, "参评率（信访部门）", Measured.Bureau, c.BureauEvaluation.Evaluated, c.BureauEvaluation.Evaluated + c.BureauEvaluation.Expired),
        new(UnitParticipation, "参评率（责任单位）", Measured.Unit, c.UnitEvaluation.Evaluated, c.UnitEvaluation.Evaluated + c.UnitEvaluation.Expired),
        Satisfaction(BureauSatisfaction, "满意率（信访部门）", Measured.Bureau, c.BureauEvaluation),
        Satisfaction(UnitSatisfaction, "满意率（责任单位）", Measured.Unit, c.UnitEvaluation),
        new(RepeatRate, "重复信访率", Measured.All, c.Repeat, c.Total),
        new(OnlineShare, "网信占比", Measured.All, c.Online, c.Total),
    ];

    /// <summary>(满意 + 基本满意) / 已评价, where 已评价 = 满意 + 基本满意 + 不满意.</summary>
    private static Indicator Satisfaction(string code, string name, Measured measured, EvaluationCounts e) =>
        new(code, name, measured, e.Satisfied + e.BasicallySatisfied, e.Satisfied + e.BasicallySatisfied + e.Dissatisfied);
}
