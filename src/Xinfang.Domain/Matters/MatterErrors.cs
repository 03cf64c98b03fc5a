using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

/// <summary>The named refusals of the procedure. Codes are stable; texts tell the clerk what to do instead.</summary>
public static class MatterErrors
{
    public static Error ActionNotAllowed(MatterAction action, MatterStatus status, IEnumerable<MatterAction> allowed)
    {
        var list = allowed.ToList();
        var options = list.Count == 0 ? "当前没有您可执行的操作。" : $"当前可执行：{string.Join("、", list.Select(a => a.ToChinese()))}。";
        return Error.Conflict("matter.action-not-allowed", "当前状态不允许此操作",
                $"事项处于“{status.ToChinese()}”状态，不能{action.ToChinese()}。{options}")
            .With("matterStatus", status)
            .With("allowedActions", list);
    }

    public static Error Forbidden(MatterAction action) =>
        Error.Forbidden("matter.forbidden", $"您的角色或单位不能对此事项执行“{action.ToChinese()}”。");

    public static Error DeadlinePassed(string what, DateOnly due, string instead) =>
        Error.Rule("matter.deadline-passed", "已超过法定期限", $"{what}的期限已于 {due:yyyy-MM-dd} 届满。{instead}");

    public static Error UnitNotFound(string field) =>
        Error.Validation("matter.unit-not-found", "所选单位不存在或已停用。", field);

    public static Error Invalid(string code, string detail, string field) => Error.Validation(code, detail, field);

    public static Error Rule(string code, string title, string detail) => Error.Rule(code, title, detail);
}
