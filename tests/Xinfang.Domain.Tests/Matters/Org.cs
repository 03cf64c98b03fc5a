using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>
/// A small district: the bureau, two streets and a department, reviewed by the district government, which the city
/// government above it reviews in turn; a discipline body and a court for referrals; and the people who act.
/// </summary>
internal static class Org
{
    public static readonly Unit Bureau = new(Id(1), "610114", "阎良区信访局", UnitKind.Bureau, Id(5), Id(5), "阎信");
    public static readonly Unit StreetA = new(Id(2), "610114001", "凤凰路街道办事处", UnitKind.Street, Id(5), Id(5), "凤街");
    public static readonly Unit StreetB = new(Id(3), "610114002", "新华路街道办事处", UnitKind.Street, Id(5), Id(5), "新街");
    public static readonly Unit Department = new(Id(4), "610114100", "阎良区住房和城乡建设局", UnitKind.Department, Id(5), Id(5), "阎住建");
    public static readonly Unit District = new(Id(5), "610114900", "阎良区人民政府", UnitKind.Government, Id(6), Id(6), "阎政");
    public static readonly Unit City = new(Id(6), "610100", "西安市人民政府", UnitKind.Superior, null, null, "市政");
    public static readonly Unit Discipline = new(Id(7), "610114700", "阎良区纪委监委", UnitKind.Discipline, null, null, "阎纪");
    public static readonly Unit Court = new(Id(8), "610114800", "阎良区人民法院", UnitKind.PoliticalLegal, null, null, "阎法");

    /// <summary>A street whose review body was never set in the organisation tree.</summary>
    public static readonly Unit Unreviewed = new(Id(9), "610114003", "北屯街道办事处", UnitKind.Street, Id(5), null, "北街");

    /// <summary>A town reviewed by the city government directly, so nobody above the city rechecks it.</summary>
    public static readonly Unit CityReviewed = new(Id(10), "610114004", "武屯镇人民政府", UnitKind.Town, Id(5), Id(6), "武镇");

    /// <summary>A department that was merged away: still in the tree, no longer active.</summary>
    public static readonly Unit Inactive = Deactivated(new(Id(11), "610114101", "阎良区原农业局", UnitKind.Department, Id(5), Id(5), "阎农"));

    public static readonly IReadOnlyDictionary<Guid, Unit> Units =
        new[] { Bureau, StreetA, StreetB, Department, District, City, Discipline, Court, Unreviewed, CityReviewed, Inactive }.ToDictionary(u => u.Id);

    public static readonly Actor Registrar = Staff("registrar", Bureau, StaffRole.Registrar);
    public static readonly Actor Handler = HandlerOf(StreetA);
    public static readonly Actor UnitHead = HeadOf(StreetA);
    public static readonly Actor OtherHandler = HandlerOf(StreetB);
    public static readonly Actor ReviewHandler = HandlerOf(District);
    public static readonly Actor ReviewHead = HeadOf(District);
    public static readonly Actor RecheckHandler = HandlerOf(City);
    public static readonly Actor RecheckHead = HeadOf(City);
    public static readonly Actor Supervisor = Staff("supervisor", Bureau, StaffRole.Supervisor);

    /// <summary>Every actor the tests use, by a readable name (for theory data and messages).</summary>
    public static readonly IReadOnlyDictionary<string, Actor> Actors = new Dictionary<string, Actor>
    {
        ["registrar"] = Registrar,
        ["handler"] = Handler,
        ["unit-head"] = UnitHead,
        ["other-street-handler"] = OtherHandler,
        ["review-handler"] = ReviewHandler,
        ["review-head"] = ReviewHead,
        ["recheck-handler"] = RecheckHandler,
        ["recheck-head"] = RecheckHead,
        ["supervisor"] = Supervisor,
        ["system"] = Actor.System,
        ["petitioner"] = Actor.Petitioner,
    };

    /// <summary>Late enough that every back-dated step of the tests lies in the past, inside the shipped calendars.</summary>
    public static readonly DateOnly Today = D("2026-12-31");

    public static readonly DeadlineRules Deadlines = DeadlineRules.Statutory(WorkCalendar.Shipped);

    public static Actor HandlerOf(Unit unit) => Staff($"handler@{unit.Code}", unit, StaffRole.Handler);

    public static Actor HeadOf(Unit unit) => Staff($"head@{unit.Code}", unit, StaffRole.UnitHead);

    public static DecisionContext Context(Actor actor, DateOnly? today = null, DeadlineRules? clocks = null) =>
        new(actor, today ?? Today, clocks ?? Deadlines, Units) { Categories = CategoryCodes };

    /// <summary>The shipped taxonomy, as a bureau starts with it.</summary>
    public static readonly IReadOnlySet<string> CategoryCodes = Categories.Defaults.Select(c => c.Code).ToHashSet();

    public static string NameOf(Actor actor) => Actors.FirstOrDefault(a => ReferenceEquals(a.Value, actor)).Key ?? actor.Name;

    private static Actor Staff(string name, Unit unit, params StaffRole[] roles) => new(name, unit.Id, roles.ToHashSet());

    private static Unit Deactivated(Unit unit)
    {
        unit.Change(unit.Code, unit.Name, unit.Kind, unit.ParentId, unit.ReviewBodyId, isActive: false, unit.Abbreviation);
        return unit;
    }

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");
}
