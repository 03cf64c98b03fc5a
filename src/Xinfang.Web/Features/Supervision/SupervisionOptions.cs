using Xinfang.Domain.Supervision;

namespace Xinfang.Web.Features.Supervision;

/// <summary>Settings under <c>Supervision</c> (README "Configuration").</summary>
public sealed class SupervisionOptions
{
    /// <summary>China time of day of the daily sweep.</summary>
    public TimeOnly SweepAt { get; set; } = new(1, 0);

    /// <summary>A reminder when the due date is at most this many working days away.</summary>
    public int ReminderWorkingDays { get; set; } = SweepThresholds.Default.ReminderWithin;

    /// <summary>挂牌督办 (level 2) when overdue by at least this many working days.</summary>
    public int Level2WorkingDays { get; set; } = SweepThresholds.Default.Level2After;

    /// <summary>The feedback date a letter sets, in working days after it is issued.</summary>
    public int FeedbackWorkingDays { get; set; } = SweepThresholds.Default.FeedbackWithin;

    /// <summary>Claims written, numbered and issued per transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>After each daily sweep, send every unit its digest through <see cref="IDigestSender"/> (e-mail in a deployment that plugs one in); off by default.</summary>
    public bool DigestMail { get; set; }

    public SweepThresholds Thresholds => new(ReminderWorkingDays, Level2WorkingDays, FeedbackWorkingDays);
}
