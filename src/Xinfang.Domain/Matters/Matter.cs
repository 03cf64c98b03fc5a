using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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

    public Guid? RepeatOfId { get; private set; }

    /// <summary>Where the routing rules proposed to send the matter, and why; the clerk's choice is in the history.</summary>
    public Routing.RoutingSuggestion? Suggestion { get; private set; }

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

    public void SuggestRoute(Routing.RoutingSuggestion? suggestion) => Suggestion = suggestion;

    /// <summary>Facts for repeat detection of later registrations (<see cref="RepeatDetection"/>).</summary>
    public PriorMatter AsPrior() => new(Id, Number, ReceivedOn,
        _petitioners.Where(p => p.IdNumber is not null).Select(p => p.IdNumber!).ToList(),
        _petitioners.Where(p => p.Phone is not null).Select(p => p.Phone!).ToList(),
        CategoryCode, LocationUnitId, Title, Content, Status == MatterStatus.Rechecked);

    /// <summary>Carries out a decision. <paramref name="numberFor"/> gives the document number of each new notice.</summary>
    public IReadOnlyList<Notice> Apply(MatterChange change, Func<NoticeDraft, string> numberFor, string by, DateTime at)
    {
        ApplyCommand(change, by);
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
            var deadline = OpenDeadline(moved.Code) ?? LatestDeadline(moved.Code);
            deadline?.Reschedule(moved.To, moved.Provisional);
        }

        var issued = change.Notices.Select(draft => Issue(draft, numberFor(draft), change.On, by)).ToList();
        _notices.AddRange(issued);
        var data = change.Data.Count == 0 ? null : JsonSerializer.Serialize(change.Data, MatterJson.Options);
        _events.Add(new MatterEvent(change.Action, change.From, change.To, change.On, at, by, change.Note, data));
        if (change.Action == MatterAction.Register)
        {
            RegisteredAt = at;
        }

        UpdatedAt = at;
        Version++;
        return issued;
    }

    private static Notice Issue(NoticeDraft draft, string number, DateOnly on, string by)
    {
        var fields = new SortedDictionary<string, string>(draft.Fields.ToDictionary(), StringComparer.Ordinal)
        {
            ["文号"] = number,
            ["发文日期"] = on.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture),
        };
        var json = JsonSerializer.Serialize(fields, MatterJson.Options);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        return new Notice(Guid.CreateVersion7(), draft.Kind, number, draft.IssuingUnitId, draft.Recipient, draft.RecipientUnitId, on, by, json, sha);
    }

    private void ApplyCommand(MatterChange change, string by)
    {
        switch (change.Command)
        {
            case Transfer t:
                (UnitId, UnitReceivedOn, IsAssigned) = (t.UnitId, change.On, false);
                break;
            case Assign a:
                (UnitId, UnitReceivedOn, IsAssigned) = (a.UnitId, change.On, true);
                break;
            case RouteOut r:
                (RoutedTo, RoutedBody) = (r.Channel, r.Body);
                break;
            case Refer r:
                ReferredToUnitId = r.UnitId;
                break;
            case Decline d:
                (DeclineReason, RelatedMatterId) = (d.Reason, d.RelatedMatterId);
                break;
            case SelfHandle:
                (UnitId, UnitReceivedOn, AcceptedOn) = (RegisteringUnitId, change.On, change.On);
                break;
            case Accept a:
                (AcceptedOn, Simplified) = (change.On, a.Simplified);
                break;
            case RaiseObjection:
                (UnitId, UnitReceivedOn, IsAssigned) = (null, null, false);
                break;
            case Extend e:
                ExtensionDays = e.Days;
                OpenDeadline(HandlingCode)?.Extend(e.Days);
                break;
            case Conclude c:
                var issued = change.To == MatterStatus.Concluded;
                Conclusion = new Conclusion(c.Outcome, c.Facts, c.LegalBasis, c.Opinion, c.Items ?? [], c.Standards ?? [], by,
                    change.On, issued ? change.On : null, issued ? by : null);
                break;
            case ApproveConclusion:
                Conclusion = Conclusion! with { IssuedOn = change.On, ApprovedBy = by };
                break;
            case Deliver d:
                _notices.First(n => n.Id == d.NoticeId).Deliver(change.On, d.Method);
                break;
            case Implement i:
                Implementation = new Implementation(change.On, i.Note ?? "");
                break;
            case Evaluate e:
                _evaluations.Add(new Evaluation(e.Target, e.Rating, e.Comment, change.On, by));
                break;
            case RequestReview when change.Refusal is null:
                ReviewBodyId = change.Holder;
                break;
            case ConcludeReview r:
                ReviewOpinion = new BodyOpinion(r.Decision, r.Opinion!, r.LegalBasis!, change.On);
                break;
            case RequestRecheck when change.Refusal is null:
                RecheckBodyId = change.Holder;
                break;
            case HoldHearing h:
                OpenDeadline(PeriodRules.Recheck)?.AddExtraDays(h.To.DayNumber - h.From.DayNumber + 1);
                break;
            case ConcludeRecheck r:
                RecheckOpinion = new BodyOpinion(r.Decision, r.Opinion!, r.LegalBasis!, change.On);
                break;
        }
    }

    /// <summary>The handling clock in force: simplified, assigned (a fixed date) or ordinary.</summary>
    public string HandlingCode =>
        _deadlines.FirstOrDefault(d => d.State == DeadlineState.Open && d.Code is PeriodRules.Handling or PeriodRules.HandlingSimplified or Deadline.Assigned)?.Code
        ?? (Simplified ? PeriodRules.HandlingSimplified : IsAssigned ? Deadline.Assigned : PeriodRules.Handling);
}
