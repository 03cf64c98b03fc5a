using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

/// <summary>
/// 领导包案 (第十八条第二款: leaders take personal charge of resolving prominent problems): who may put a leader in
/// charge of a matter, and what a plan, a progress note and a resolution must be. The web asks; it does not re-decide.
/// </summary>
public static class LeaderPackageRules
{
    /// <summary>The bureau (登记员、局领导), or the head of the unit that holds the matter.</summary>
    public static bool MayAssign(Actor actor, Matter matter) =>
        actor.Roles.Contains(StaffRole.Registrar) || actor.Roles.Contains(StaffRole.Director)
        || actor.Roles.Contains(StaffRole.UnitHead) && matter.UnitId == actor.UnitId;

    /// <summary>Everything about a new package that can be decided without the database.</summary>
    public static Error? CheckAssign(Actor actor, Matter matter, string? plan, DateOnly on, DateOnly today)
    {
        if (!MayAssign(actor, matter))
        {
            return Error.Forbidden("package.forbidden", "只有信访部门或责任单位负责人可以安排领导包案。");
        }

        if (matter.Status.IsFinal())
        {
            return Error.Conflict("package.matter-final", "事项已终结", "已终结或归档的事项不再安排包案。");
        }

        return Text(plan, "package.plan-required", "请填写包案化解方案", "plan")
            ?? StepDates.Check(on, today, "on", matter.ReceivedOn, "包案日期");
    }

    /// <summary>A progress note or the resolution: on a package not yet resolved, dated between its start and today.</summary>
    public static Error? CheckNote(string? note, DateOnly assignedOn, DateOnly? resolvedOn, DateOnly on, DateOnly today) =>
        Text(note, "package.note-required", "请填写进展或化解情况", "note")
        ?? (resolvedOn is not null ? Error.Conflict("package.resolved", "包案已化解", "该包案已记录化解结果。") : null)
        ?? StepDates.Check(on, today, "on", assignedOn, "包案进展日期");

    private static Error? Text(string? value, string code, string ask, string field) =>
        string.IsNullOrWhiteSpace(value) || value.Length > Limits.Note
            ? Error.Validation(code, $"{ask}（不超过 {Limits.Note} 字）。", field)
            : null;
}
