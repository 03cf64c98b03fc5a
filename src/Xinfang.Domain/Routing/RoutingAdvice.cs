using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;

namespace Xinfang.Domain.Routing;

/// <summary>
/// Proposes where a registered matter should go: accusations to discipline inspection and law-related matters to the
/// political-legal organs (第二十二条第二款), otherwise the unit with power over the topic at the place (属地管理、
/// 分级负责，谁主管、谁负责). The most specific matching rule wins; a rule naming an inactive unit is skipped.
/// </summary>
public static class RoutingAdvice
{
    /// <param name="categoryNames">The taxonomy's names by code, so that the reason a registrar reads names the category, not its code.</param>
    public static RoutingSuggestion? Suggest(Matter matter, IEnumerable<RoutingRule> rules, IReadOnlyDictionary<Guid, Unit> units,
                                             IReadOnlyDictionary<string, string> categoryNames)
    {
        var best = rules
            .Where(r => Matches(r, matter) && units.TryGetValue(r.TargetUnitId, out var unit) && unit.IsActive)
            .OrderByDescending(r => r.Specificity)
            .ThenBy(r => r.Id)
            .FirstOrDefault();
        return best is null ? null : new RoutingSuggestion(best.TargetUnitId, Reason(best, units, categoryNames), best.Id);
    }

    private static bool Matches(RoutingRule rule, Matter matter) =>
        (rule.CategoryCode is null || matter.CategoryCode is { } code && (code == rule.CategoryCode || code.StartsWith(rule.CategoryCode + ".", StringComparison.Ordinal)))
        && (rule.LocationUnitId is null || rule.LocationUnitId == matter.LocationUnitId)
        && (rule.Purpose is null || rule.Purpose == matter.Purpose)
        && (rule.Flag is null || matter.Has(rule.Flag.Value));

    private static string Reason(RoutingRule rule, IReadOnlyDictionary<Guid, Unit> units, IReadOnlyDictionary<string, string> categoryNames)
    {
        var conditions = new List<string>();
        if (rule.Purpose is { } purpose)
        {
            conditions.Add($"信访目的为{purpose.ToChinese()}");
        }

        if (rule.Flag is { } flag)
        {
            conditions.Add($"标记为{flag.ToChinese()}");
        }

        if (rule.CategoryCode is { } category)
        {
            conditions.Add(categoryNames.TryGetValue(category, out var name) ? $"内容分类属“{name}”" : $"内容分类属 {category}");
        }

        if (rule.LocationUnitId is { } location && units.TryGetValue(location, out var place))
        {
            conditions.Add($"问题属地为{place.Name}");
        }

        var target = units[rule.TargetUnitId].Name;
        var why = conditions.Count == 0 ? "默认规则" : string.Join("，", conditions);
        return string.IsNullOrWhiteSpace(rule.Note) ? $"{why}，建议交{target}。" : $"{why}，建议交{target}（{rule.Note}）。";
    }
}
