using System.Text.RegularExpressions;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Organisation;

/// <summary>Checks an edit of the organisation tree against the tree as it stands.</summary>
public static partial class OrganisationRules
{
    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z-]{1,31}$")]
    private static partial Regex CodePattern();

    public sealed record Proposed(Guid Id, string Code, string Name, UnitKind Kind, Guid? ParentId, Guid? ReviewBodyId);

    public static Error? Check(Proposed unit, IReadOnlyCollection<Unit> tree)
    {
        if (!CodePattern().IsMatch(unit.Code ?? ""))
        {
            return Error.Validation("unit.code-invalid", "单位代码须为 2–32 位字母、数字或连字符，例如 610114 或 610114301。", "code");
        }

        if (string.IsNullOrWhiteSpace(unit.Name) || unit.Name.Length > 64)
        {
            return Error.Validation("unit.name-required", "请填写单位名称（不超过 64 个字）。", "name");
        }

        if (tree.Any(u => u.Id != unit.Id && string.Equals(u.Code, unit.Code, StringComparison.OrdinalIgnoreCase)))
        {
            return Error.Conflict("unit.code-taken", "单位代码已存在", $"单位代码 {unit.Code} 已被其他单位使用，请换一个。");
        }

        if (unit.ParentId is { } parentId)
        {
            if (tree.All(u => u.Id != parentId))
            {
                return Error.Validation("unit.parent-not-found", "上级单位不存在。", "parentId");
            }

            if (CreatesCycle(unit.Id, parentId, tree))
            {
                return Error.Validation("unit.cycle", "不能把单位挂到它自己或它的下级单位之下。", "parentId");
            }
        }

        if (unit.ReviewBodyId is { } reviewId)
        {
            if (reviewId == unit.Id)
            {
                return Error.Validation("unit.review-body-self", "复查机关不能是本单位。", "reviewBodyId");
            }

            if (tree.All(u => u.Id != reviewId))
            {
                return Error.Validation("unit.review-body-not-found", "复查（复核）机关不存在。", "reviewBodyId");
            }
        }

        return null;
    }

    private static bool CreatesCycle(Guid id, Guid parentId, IReadOnlyCollection<Unit> tree)
    {
        var byId = tree.ToDictionary(u => u.Id);
        Guid? current = parentId;
        for (var steps = 0; current is { } c && steps <= byId.Count; steps++)
        {
            if (c == id)
            {
                return true;
            }

            current = byId.TryGetValue(c, out var u) ? u.ParentId : null;
        }

        return false;
    }
}
