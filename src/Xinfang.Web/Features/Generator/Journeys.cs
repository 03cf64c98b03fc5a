using System.Globalization;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Routing;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Generator;

/// <summary>
/// Realistic matters, each taken through its life by the domain's own decisions (<see cref="Registration"/>,
/// <see cref="Lifecycle.Decide"/>, <see cref="Matter.Apply"/>), so that the data is valid by construction: a step
/// the rules refuse simply does not happen, and the matter stays where it was. Steps are dated a few days apart; a
/// step that would fall after <c>today</c> has not happened yet, so recent matters are still open and old ones done.
/// Everything drawn comes from one seeded <see cref="Random"/>: the same seed gives the same matters (not the same ids).
/// </summary>
public sealed class Journeys
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "郭", "何", "高", "林"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"];
    private static readonly (Channel Channel, int Weight)[] Channels =
        [(Channel.Online, 40), (Channel.Visit, 28), (Channel.Letter, 14), (Channel.Phone, 16), (Channel.Superior, 2)];
    private static readonly string[] Problems =
        ["小区供暖温度不达标", "拖欠工资至今未付", "物业收费不合理", "征收补偿款未发放", "道路施工噪音扰民", "宅基地纠纷", "医保报销比例有误",
         "子女入学划片不合理", "低保资格被取消", "违规占用耕地", "商户油烟污染", "公交线路调整不便"];

    private readonly Random _random;
    private readonly DeadlineRules _rules;
    private readonly IReadOnlyDictionary<Guid, Unit> _units;
    private readonly IReadOnlySet<string> _categories;
    private readonly IReadOnlyDictionary<string, string> _categoryNames;
    private readonly IReadOnlyList<RoutingRule> _routingRules;
    private readonly Unit _bureau;
    private readonly Unit[] _handlingUnits;
    private readonly Unit[] _places;
    private readonly string[] _categoryCodes;
    private readonly string[] _heating;
    private readonly Actor _registrar;
    private readonly Dictionary<string, long> _counters;

    public Journeys(Random random, Reference reference, DateOnly today, Dictionary<string, long> counters)
    {
        var (units, categories) = (reference.Units, reference.ActiveCategories);
        _random = random;
        _rules = reference.Deadlines;
        _units = units;
        _categories = categories;
        _categoryNames = reference.CategoryNames;
        _routingRules = reference.RoutingRules;
        Today = today;
        _counters = counters;
        _bureau = units.Values.Where(u => u.Kind == UnitKind.Bureau && u.IsActive).OrderBy(u => u.Code, StringComparer.Ordinal).First();
        _handlingUnits = [.. units.Values.Where(u => u.IsActive && u.Kind is UnitKind.Street or UnitKind.Town or UnitKind.Department).OrderBy(u => u.Code, StringComparer.Ordinal)];
        _places = [.. _handlingUnits.Where(u => u.Kind is UnitKind.Street or UnitKind.Town)];
        _categoryCodes = [.. categories.Where(c => c.Contains('.', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        _heating = [.. _categoryCodes.Where(c => c.EndsWith(".heating", StringComparison.Ordinal))];
        _registrar = new Actor("generator-registrar", _bureau.Id, new HashSet<StaffRole> { StaffRole.Registrar });
    }

    public DateOnly Today { get; }

    /// <summary>The numbering counters as drawn so far (matter numbers, document numbers), to be saved with the matters.</summary>
    public IReadOnlyDictionary<string, long> Counters => _counters;

    /// <summary>Steps the rules refused, by error code: a journey that often stops early shows here.</summary>
    public Dictionary<string, int> Refusals { get; } = [];

    /// <summary>One matter received on <paramref name="receivedOn"/>, as far along as its dates allow.</summary>
    public Matter Build(DateOnly receivedOn)
    {
        var input = Input(receivedOn);
        var context = Context(_registrar);
        var number = Numbering.MatterNumber(_bureau, receivedOn.Year, Next(Numbering.MatterScope(_bureau, receivedOn.Year)));
        var code = QueryCode.Generate(_random.Next);
        var (matter, change) = Registration.Register(input, number, QueryCode.Hash(number, code), _bureau.Id, context).Value;
        matter.SuggestRoute(RoutingAdvice.Suggest(matter, _routingRules, _units, _categoryNames));
        matter.Apply(change, [number], _registrar.Name, At(receivedOn));
        Live(matter);
        return matter;
    }

    private void Live(Matter matter)
    {
        var roll = _random.Next(100);
        var unit = Pick(_handlingUnits);
        var on = Later(matter, 1, 8);
        if (roll < 4)
        {
            Do(matter, _registrar, new Decline(DeclineReason.OutOfScope, "不属于信访事项受理范围", On: on));
            return;
        }

        if (roll < 10)
        {
            Do(matter, _registrar, new Domain.Matters.Route(RouteChannel.Litigation, "向阎良区人民法院提起诉讼", On: on));
            return;
        }

        bool disposed;
        if (roll < 18)
        {
            unit = _bureau;
            disposed = Do(matter, _registrar, new SelfHandle("本局直接办理", On: on));
        }
        else if (roll < 30)
        {
            disposed = Do(matter, _registrar, new Assign(unit.Id, on.AddDays(45), "请于期限内报送结果", On: on));
        }
        else
        {
            disposed = Do(matter, _registrar, new Transfer(unit.Id, On: on));
        }

        var handler = new Actor($"generator-handler@{unit.Code}", unit.Id, new HashSet<StaffRole> { StaffRole.Handler });
        var head = new Actor($"generator-head@{unit.Code}", unit.Id, new HashSet<StaffRole> { StaffRole.UnitHead });
        var acceptOn = Later(matter, 1, 9);
        if (!disposed || matter.Status != MatterStatus.Accepted && !(_random.Next(100) < 15 && Do(matter, handler, new Accept(Simplified: true, On: acceptOn), quiet: true)
                           || Do(matter, handler, new Accept(On: acceptOn))))
        {
            return;
        }

        if (_random.Next(100) < 30 && !Do(matter, handler, new Log(LogKind.Investigation, "实地核查", Later(matter, 2, 15))))
        {
            return;
        }

        if (_random.Next(100) < 6 && !matter.Simplified && !Do(matter, head, new Extend(20, "情况复杂，需进一步调查核实", Later(matter, 20, 40))))
        {
            return;
        }

        var outcome = matter.Purpose == Purpose.Suggestion ? Outcome.Replied : _random.Next(100) switch { < 35 => Outcome.Support, < 85 => Outcome.Explain, _ => Outcome.Reject };
        var conclude = outcome == Outcome.Replied
            ? new Conclude(Outcome.Replied, Opinion: "感谢您的建议，已转交有关部门研究。", On: Later(matter, 5, matter.Simplified ? 9 : 50))
            : new Conclude(outcome, "经调查核实，情况基本属实。", "《信访工作条例》第三十二条", OpinionText(outcome), On: Later(matter, 5, matter.Simplified ? 9 : 50));
        if (!Do(matter, handler, conclude) || !Do(matter, head, new ApproveConclusion("同意", Later(matter, 0, 3))))
        {
            return;
        }

        foreach (var notice in matter.Notices.Where(n => n.DeliveredOn is null && n.IssuingUnitId == unit.Id).ToList())
        {
            if (!Do(matter, handler, new Deliver(notice.Id, DeliveryMethod.InPerson, Later(matter, 0, 4))))
            {
                return;
            }
        }

        if (matter.AwaitsImplementation && !Do(matter, handler, new Implement("已落实处理意见", Later(matter, 3, 30))))
        {
            return;
        }

        if (_random.Next(100) < 60)
        {
            Do(matter, _registrar, new Evaluate(EvaluationTarget.Unit, _random.Next(100) < 80 ? Rating.Satisfied : Rating.Dissatisfied, On: Later(matter, 0, 10)));
        }

        // The petitioner's 30-day window (第三十五条) runs out; the daily job then archives the matter.
        var window = matter.OpenDeadline(PeriodRules.ReviewRequest);
        if (window is not null && window.DueOn < Today)
        {
            var day = window.DueOn.AddDays(1);
            Do(matter, Actor.System, new Close(day < matter.LastStepOn ? matter.LastStepOn : day));
        }
    }

    private static string OpinionText(Outcome outcome) => outcome switch
    {
        Outcome.Support => "支持信访人的诉求，责成有关部门限期解决。",
        Outcome.Explain => "信访人诉求部分合理，已向其解释政策并做好疏导。",
        _ => "信访人诉求缺乏事实和政策依据，不予支持。",
    };

    /// <summary>Decides and applies the step if its day has come and the rules allow it.</summary>
    private bool Do(Matter matter, Actor actor, MatterCommand command, bool quiet = false)
    {
        if (command.On is { } on && on > Today)
        {
            return false;
        }

        var context = Context(actor);
        if (!Lifecycle.Decide(matter, command, context).TryGet(out var change, out var error))
        {
            if (!quiet)
            {
                var key = $"{command.Action}: {error.Code}";
                Refusals[key] = Refusals.GetValueOrDefault(key) + 1;
            }

            return false;
        }

        if (change.AlreadyDone)
        {
            return true;
        }

        var numbers = change.Notices.Select(d =>
        {
            var issuer = _units[d.IssuingUnitId];
            return Numbering.NoticeNumber(issuer, d.Kind, change.On.Year, Next(Numbering.NoticeScope(issuer, d.Kind, change.On.Year)));
        }).ToList();
        matter.Apply(change, numbers, actor.Name, At(change.On));
        return true;
    }

    private RegistrationInput Input(DateOnly receivedOn)
    {
        var winter = receivedOn.Month is 11 or 12 or 1 or 2 or 3;
        var category = winter && _heating.Length > 0 && _random.Next(100) < 25 ? Pick(_heating) : Pick(_categoryCodes);
        var problem = category.EndsWith(".heating", StringComparison.Ordinal) ? Problems[0] : Pick(Problems);
        var place = Pick(_places);
        var purpose = _random.Next(100) < 85 ? Purpose.Claim : Purpose.Suggestion;
        var headcount = _random.Next(100) < 3 ? _random.Next(5, 30) : 1;
        var name = Pick(Surnames) + Pick(Given);
        var phone = "1" + Pick(["3", "5", "8"]) + _random.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        var channel = PickWeighted(Channels);
        return new RegistrationInput(channel, receivedOn, [new PetitionerInput(name, Phone: phone, Address: place.Name + "某小区")], purpose,
            $"{place.Name}{problem}", $"信访人{name}反映：{place.Name}{problem}，多次向有关方面反映未果，请求依法处理。", headcount, category,
            [$"请求解决{problem}问题"], place.Id, Flags: headcount >= Limits.CollectiveHeadcount ? [MatterFlag.Collective] : null,
            Superior: channel == Channel.Superior ? new SuperiorAssignment($"市信转〔{receivedOn.Year}〕{_random.Next(1, 999)}号", receivedOn.AddDays(60)) : null);
    }

    private DecisionContext Context(Actor actor) => new(actor, Today, _rules, _units) { Categories = _categories };

    private DateOnly Later(Matter matter, int min, int max) => matter.LastStepOn.AddDays(_random.Next(min, max + 1));

    private static DateTime At(DateOnly on) => on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

    private long Next(string scope) => _counters[scope] = _counters.GetValueOrDefault(scope) + 1;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private T PickWeighted<T>((T Item, int Weight)[] items)
    {
        var roll = _random.Next(items.Sum(i => i.Weight));
        foreach (var (item, weight) in items)
        {
            if ((roll -= weight) < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }
}
