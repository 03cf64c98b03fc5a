using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;

namespace Xinfang.Domain.Matters;

/// <summary>
/// A petition matter (信访事项). Its state changes only through <see cref="Lifecycle.Decide"/> and <see cref="Apply"/>:
/// no public setters, and every change appends a row to <see cref="Events"/>.
/// </summary>
public sealed class Matter
{
    private readonly List<Petitioner> _petitioners = [];
    private readonly List<Deadline> _deadlines = [];
    private readonly List<Notice> _notices = [];
    private readonly List<MatterEvent> _events = [];
    private readonly List<Evaluation> _evaluations = [];

    private Matter()
    {
        Number = "";
        Title = "";
        Content = "";
        QueryCodeHash = "";
        Demands = [];
        Flags = [];
    }

    internal Matter(Guid id, string number, Guid registeringUnitId, Channel channel, DateOnly receivedOn, Purpose purpose, string? categoryCode,
                    string title, string content, IReadOnlyList<string> demands, int headcount, IReadOnlyList<MatterFlag> flags,
                    Guid? locationUnitId, Accused? accused, SuperiorAssignment? superior, string queryCodeHash, Guid? repeatOfId)
    {
        Id = id;
        Number = number;
        RegisteringUnitId = registeringUnitId;
        Channel = channel;
        ReceivedOn = receivedOn;
        Purpose = purpose;
        CategoryCode = categoryCode;
        Title = title;
        Content = content;
        Demands = [.. demands];
        Headcount = headcount;
        Flags = [.. flags];
        LocationUnitId = locationUnitId;
        Accused = accused;
        Superior = superior;
        QueryCodeHash = queryCodeHash;
        RepeatOfId = repeatOfId;
        Status = MatterStatus.Registered;
        LastStepOn = receivedOn;
    }

    public Guid Id { get; private set; }

    /// <summary>Unique and gap-free per registering unit and year: <c>610114-2025-000123</c>.</summary>
    public string Number { get; private set; }

    /// <summary>App-managed optimistic concurrency token, exposed as the ETag.</summary>
    public int Version { get; private set; }

    public MatterStatus Status { get; private set; }

    public Guid RegisteringUnitId { get; private set; }

    public Channel Channel { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public Purpose Purpose { get; private set; }

    public string? CategoryCode { get; private set; }

    public string Title { get; private set; }

    public string Content { get; private set; }

    public List<string> Demands { get; private set; }

    /// <summary>人数: a visit of one batch (批次) counts this many person-times (人次).</summary>
    public int Headcount { get; private set; }

    public List<MatterFlag> Flags { get; private set; }

    /// <summary>问题属地: the street or town where the problem is.</summary>
    public Guid? LocationUnitId { get; private set; }

    public Accused? Accused { get; private set; }

    public SuperiorAssignment? Superior { get; private set; }

    public string QueryCodeHash { get; private set; }

    /// <summary>
    /// 重复信访: the earlier matter this one repeats (the root of the chain), set at registration or by a confirmed link.
    /// The one source for the repeat KPI and the supervision problem type 办理后仍重复信访.
    /// </summary>
    public Guid? RepeatOfId { get; private set; }

    /// <summary>How many later matters were confirmed as repeats of this one.</summary>
    public int RepeatCount { get; private set; }

    /// <summary>垃圾信息: set aside by the registrar (Lifecycle.Spam.cs); kept, numbered and counted, out of the queue.</summary>
    public SpamMark? Spam { get; private set; }

    /// <summary>Where the routing rules proposed to send the matter, and why; the clerk's choice is in the history.</summary>
    public RoutingSuggestion? Suggestion { get; private set; }

    /// <summary>Earlier matters this one may repeat, as suggested at registration; a person decides (repeatOf).</summary>
    public List<RepeatCandidate> RepeatCandidates { get; private set; } = [];

    /// <summary>The unit that accepts and handles the matter (责任单位); the bureau itself when it handles it.</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>The day the unit received it (the transfer or assignment date): it starts the unit's clocks (第二十三条第三款).</summary>
    public DateOnly? UnitReceivedOn { get; private set; }

    public bool IsAssigned { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    /// <summary>简易办理: the handling clock is 10 working days.</summary>
    public bool Simplified { get; private set; }

    public int ExtensionDays { get; private set; }

    public Guid? ReferredToUnitId { get; private set; }

    public RouteChannel? RoutedTo { get; private set; }

    public string? RoutedBody { get; private set; }

    public DeclineReason? DeclineReason { get; private set; }

    public Guid? RelatedMatterId { get; private set; }

    public Conclusion? Conclusion { get; private set; }

    public Implementation? Implementation { get; private set; }

    public Guid? ReviewBodyId { get; private set; }

    public BodyOpinion? ReviewOpinion { get; private set; }

    public Guid? RecheckBodyId { get; private set; }

    public BodyOpinion? RecheckOpinion { get; private set; }

    /// <summary>
    /// The due date of the nearest open duty deadline, kept on the matter so that lists sort and filter by an index
    /// rather than by a subquery per matter; <see cref="NoDue"/> when no duty clock runs. Maintained by
    /// <see cref="RefreshNextDue"/> after every change and by the calendar recalculation (set-based, same rule).
    /// </summary>
    public DateOnly NextDueOn { get; private set; } = NoDue;

    /// <summary>The code of that deadline (<c>handling</c>, <c>dispose</c>, …), null when none runs.</summary>
    public string? NextDueCode { get; private set; }

    /// <summary>That due date was computed without some year's official holidays.</summary>
    public bool NextDueProvisional { get; private set; }

    /// <summary>"No duty deadline runs": the last date there is, so that such matters sort after every dated one.</summary>
    public static readonly DateOnly NoDue = DateOnly.MaxValue;

    /// <summary>The day of the latest step: no step may be dated before it.</summary>
    public DateOnly LastStepOn { get; private set; }

    public DateTime RegisteredAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<Petitioner> Petitioners => _petitioners;

    public IReadOnlyList<Deadline> Deadlines => _deadlines;

    public IReadOnlyList<Notice> Notices => _notices;

    public IReadOnlyList<MatterEvent> Events => _events;

    public IReadOnlyList<Evaluation> Evaluations => _evaluations;

    public bool Has(MatterFlag flag) => Flags.Contains(flag);

    /// <summary>A mediation was logged: the condition of concluding by a mediation agreement (第三十三条).</summary>
    public bool HasMediationOnRecord => _events.Any(e => e.Details is LogDetails { Kind: LogKind.Mediation });

    /// <summary>An issued opinion supports a demand and its execution is not recorded yet (第三十二条第二款).</summary>
    public bool AwaitsImplementation => Conclusion is { IsIssued: true, Supports: true } && Implementation is null;

    /// <summary>Names of the flags and channel, for local period rules such as <c>dispose.urgent</c>.</summary>
    public IEnumerable<string> Qualifiers =>
        Flags.Select(f => f switch
        {
            MatterFlag.Urgent => "urgent",
            MatterFlag.OverLevel => "over-level",
            MatterFlag.Collective => "collective",
            MatterFlag.Threat => "threat",
            MatterFlag.LawRelated => "law-related",
            MatterFlag.FirstTime => "first-time",
        }).Concat(Channel == Channel.Superior ? ["superior"] : []);

    public Deadline? OpenDeadline(string code) => _deadlines.FirstOrDefault(d => d.Code == code && d.State == DeadlineState.Open);

    public Deadline? LatestDeadline(string code) => _deadlines.Where(d => d.Code == code).OrderByDescending(d => d.StartOn).FirstOrDefault();

    internal void AddPetitioners(IEnumerable<Petitioner> petitioners) => _petitioners.AddRange(petitioners);

    public void SuggestRepeats(IEnumerable<RepeatCandidate> candidates) => RepeatCandidates = [.. candidates];

    public void SuggestRoute(RoutingSuggestion? suggestion) => Suggestion = suggestion;

    /// <summary>Records a confirmed repeat link (<see cref="RepeatLinking.Confirm"/>): this matter repeats <paramref name="main"/>.</summary>
    internal void LinkAsRepeatOf(Matter main)
    {
        RepeatOfId = main.Id;
        main.RepeatCount++;
        main.Version++;
        if (_events.Count > 0)
        {
            Version++; // a registered matter changes; one being registered gets its first version from Apply
        }
    }

    /// <summary>
    /// Carries out a decision: the fields it sets, its deadlines, its notices (numbered with
    /// <paramref name="noticeNumbers"/>, one per draft, in order) and its row of history.
    /// </summary>
    public IReadOnlyList<Notice> Apply(MatterChange change, IReadOnlyList<string> noticeNumbers, string by, DateTime at)
    {
        if (noticeNumbers.Count != change.Notices.Count)
        {
            throw new ArgumentException($"{change.Notices.Count} notices need as many numbers, not {noticeNumbers.Count}.", nameof(noticeNumbers));
        }

        if (change.AlreadyDone)
        {
            throw new InvalidOperationException($"{change.Action} was already done: there is nothing to apply.");
        }

        Set(change);
        Status = change.To;
        if (change.On > LastStepOn)
        {
            LastStepOn = change.On;
        }

        _deadlines.AddRange(change.Opened);
        foreach (var code in change.Closed)
        {
            OpenDeadline(code)?.Close(change.On);
        }

        foreach (var code in change.Cancelled)
        {
            OpenDeadline(code)?.Cancel(change.On);
        }

        foreach (var code in change.Reopened)
        {
            LatestDeadline(code)?.Reopen();
        }

        foreach (var moved in change.Rescheduled)
        {
            (OpenDeadline(moved.Code) ?? LatestDeadline(moved.Code))?.Reschedule(moved);
        }

        var issued = change.Notices.Select((draft, i) => Notice.Issue(Id, draft, noticeNumbers[i], change.On, by)).ToList();
        _notices.AddRange(issued);
        if (change.Delivery is { } delivery)
        {
            _notices.First(n => n.Id == delivery.NoticeId).Deliver(change.On, delivery.Method);
        }

        _events.Add(new MatterEvent(change.Action, change.From, change.To, change.On, at, by, change.Note, change.Details?.ToJson()));
        if (change.Action == MatterAction.Register)
        {
            RegisteredAt = at;
        }

        UpdatedAt = at;
        Version++;
        RefreshNextDue();
        return issued;
    }

    /// <summary>The nearest open duty deadline (earliest due date, then code, so that ties resolve the same everywhere).</summary>
    public Deadline? NextDuty() => _deadlines.Where(d => d.State == DeadlineState.Open && d.IsDuty)
        .OrderBy(d => d.DueOn).ThenBy(d => d.Code, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>Copies <see cref="NextDuty"/> onto the matter's own columns (<see cref="NextDueOn"/>).</summary>
    public void RefreshNextDue()
    {
        var next = NextDuty();
        (NextDueOn, NextDueCode, NextDueProvisional) = next is null ? (NoDue, null, false) : (next.DueOn, next.Code, next.Provisional);
    }

    /// <summary>The fields the decision set; what it left null stays as it was.</summary>
    private void Set(MatterChange change)
    {
        if (change.Holding is { } holding)
        {
            (UnitId, UnitReceivedOn, IsAssigned) = (holding.UnitId, holding.ReceivedOn, holding.Assigned);
        }

        if (change.Acceptance is { } acceptance)
        {
            (AcceptedOn, Simplified) = (acceptance.On, acceptance.Simplified);
        }

        if (change.RoutedTo is { } routed)
        {
            (RoutedTo, RoutedBody) = (routed.Channel, routed.Body);
        }

        if (change.Declination is { } declination)
        {
            (DeclineReason, RelatedMatterId) = (declination.Reason, declination.RelatedMatterId);
        }

        if (change.Evaluation is { } evaluation)
        {
            _evaluations.Add(evaluation);
        }

        ReferredToUnitId = change.ReferredTo ?? ReferredToUnitId;
        ExtensionDays = change.ExtensionDays ?? ExtensionDays;
        Conclusion = change.Conclusion ?? Conclusion;
        Implementation = change.Implementation ?? Implementation;
        ReviewBodyId = change.ReviewBody ?? ReviewBodyId;
        ReviewOpinion = change.ReviewOpinion ?? ReviewOpinion;
        RecheckBodyId = change.RecheckBody ?? RecheckBodyId;
        RecheckOpinion = change.RecheckOpinion ?? RecheckOpinion;
        Spam = change.ClearsSpam ? null : change.Spam ?? Spam;
    }

    /// <summary>The handling deadline in force: simplified, assigned (a fixed date) or ordinary.</summary>
    public string HandlingCode =>
        _deadlines.FirstOrDefault(d => d.State == DeadlineState.Open && d.Code is PeriodRules.Handling or PeriodRules.HandlingSimplified or Deadline.Assigned)?.Code
        ?? (Simplified ? PeriodRules.HandlingSimplified : IsAssigned ? Deadline.Assigned : PeriodRules.Handling);
}
