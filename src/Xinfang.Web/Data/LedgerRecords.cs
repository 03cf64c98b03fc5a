using Xinfang.Domain.Prevention;

namespace Xinfang.Web.Data;

/// <summary>矛盾类型: a topic of the ledger's taxonomy (seeded from <see cref="LedgerTopics.Seed"/>, editable).</summary>
public sealed class LedgerTopic
{
    public Guid Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>One dispute on the screening ledger (矛盾纠纷排查化解台账), owned by the unit that reported it.</summary>
public sealed class LedgerItem
{
    public Guid Id { get; set; }

    public Guid TopicId { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public Guid LocationUnitId { get; set; }

    public string People { get; set; } = "";

    public int Headcount { get; set; }

    public decimal? Amount { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactIdNumber { get; set; }

    public RiskLevel Risk { get; set; }

    public LedgerSource Source { get; set; }

    public Guid ResponsibleUnitId { get; set; }

    public string ResponsiblePerson { get; set; } = "";

    public string? Leader { get; set; }

    public string Measures { get; set; } = "";

    public DateOnly ReportedOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public LedgerStatus Status { get; set; }

    /// <summary>The day it was resolved or became a petition; the analysis counts resolutions by it.</summary>
    public DateOnly? ClosedOn { get; set; }

    public Guid ReportingUnitId { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public List<LedgerUpdate> Updates { get; set; } = [];

    public int Version { get; set; }

    public void Apply(LedgerItemFacts facts)
    {
        (TopicId, Title, Description, LocationUnitId, People, Headcount, Amount) =
            (facts.TopicId, facts.Title, facts.Description, facts.LocationUnitId, facts.People, facts.Headcount, facts.Amount);
        (ContactPhone, ContactIdNumber, Risk, Source, ResponsibleUnitId, ResponsiblePerson, Leader, Measures) =
            (facts.ContactPhone, facts.ContactIdNumber, facts.Risk, facts.Source, facts.ResponsibleUnitId, facts.ResponsiblePerson, facts.Leader, facts.Measures);
        (ReportedOn, DueOn, Status) = (facts.ReportedOn, facts.DueOn, facts.Status);
        ClosedOn = facts.Status.IsClosed() ? facts.ReportedOn : null;
    }

    public void Apply(LedgerUpdate update)
    {
        Updates = [.. Updates, update];
        if (update.Measures is { } measures)
        {
            Measures = measures;
        }

        if (update.Status is { } status)
        {
            Status = status;
            ClosedOn = status.IsClosed() ? update.On : null;
        }

        Version++;
    }
}

/// <summary>A ledger item's link to a petition matter it relates to or became (已转信访).</summary>
public sealed class LedgerItemMatter
{
    public Guid ItemId { get; set; }

    public Guid MatterId { get; set; }
}

/// <summary>排查周期: a round of screening in which each listed unit reports its items or a zero report.</summary>
public sealed class LedgerRound
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public RoundKind Kind { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public List<Guid> UnitIds { get; set; } = [];

    public string CreatedBy { get; set; } = "";
}

public sealed class LedgerRoundReport
{
    public Guid Id { get; set; }

    public Guid RoundId { get; set; }

    public Guid UnitId { get; set; }

    public bool Zero { get; set; }

    public List<Guid> ItemIds { get; set; } = [];

    public DateOnly On { get; set; }

    public string ReportedBy { get; set; } = "";
}

/// <summary>维护秩序: one incident at reception, for the bureau's eyes only, apart from the merits of any matter.</summary>
public sealed class OrderIncident
{
    public Guid Id { get; set; }

    public Guid? MatterId { get; set; }

    public DateTime At { get; set; }

    public IncidentBehaviour Behaviour { get; set; }

    public List<StaffAction> StaffActions { get; set; } = [];

    public bool PoliceCalled { get; set; }

    public string Outcome { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    /// <summary>Raised by every correction, so that of two people correcting the same record the second is told.</summary>
    public int Version { get; set; }
}

/// <summary>培训、宣传、律师坐班.</summary>
public sealed class PreventionActivity
{
    public Guid Id { get; set; }

    public ActivityKind Kind { get; set; }

    public DateOnly On { get; set; }

    public string Topic { get; set; } = "";

    public string? Place { get; set; }

    public string? Organiser { get; set; }

    public string? Units { get; set; }

    public int Sessions { get; set; }

    public int Persons { get; set; }

    public string RecordedBy { get; set; } = "";
}
