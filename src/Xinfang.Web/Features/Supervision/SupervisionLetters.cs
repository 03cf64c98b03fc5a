using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Domain.Supervision;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Supervision;

/// <summary>A letter of the register, with its notice's number and whether its clock is still open.</summary>
public sealed record LetterView(Guid Id, Guid MatterId, string MatterNumber, string Clock, LetterKind Kind, int Level, string KindName,
                                string Number, Guid UnitId, DateOnly IssuedOn, DateOnly DueOn, int OverdueWorkingDays, bool Open, DateOnly? ClosedOn);

public sealed record PhoneReminderInput(Guid MatterId, string? Callee, string? Content, DateTimeOffset? CalledAt = null);

public sealed record PhoneReminderView(Guid Id, Guid MatterId, DateTimeOffset CalledAt, string Callee, string Content, string By);

/// <summary>
/// The register of letters and the phone reminders, seen within the caller's scope: the bureau sees all, a unit the
/// letters sent to it and the matters it can see.
/// </summary>
public sealed class SupervisionLetters(XinfangDb db, Staff staff, TimeProvider time)
{
    public const int MaxList = 500;

    public async Task<Result<IReadOnlyList<LetterView>>> ListAsync(string? kind, Guid? unitId, Guid? matterId, bool? open, CancellationToken cancellationToken = default)
    {
        LetterKind? wanted = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<LetterKind>(kind.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Error.Validation("supervision.kind-invalid", $"函件类型“{kind}”无效，只能是 reminder（提醒函）或 supervision（督办函）。", "kind");
            }

            wanted = parsed;
        }

        var visible = db.VisibleMatters(staff).Select(m => m.Id);
        var letters = db.Set<SupervisionLetterRecord>().AsNoTracking().Where(l => visible.Contains(l.MatterId));
        if (wanted is { } k)
        {
            letters = letters.Where(l => l.Kind == k);
        }

        if (unitId is { } unit)
        {
            letters = letters.Where(l => l.UnitId == unit);
        }

        if (matterId is { } matter)
        {
            letters = letters.Where(l => l.MatterId == matter);
        }

        var rows = await (
                from l in letters
                join n in db.Set<Notice>() on l.Id equals n.Id
                join d in db.Set<Deadline>() on l.DeadlineId equals d.Id
                join m in db.Matters on l.MatterId equals m.Id
                where open == null || (d.State == DeadlineState.Open) == open
                orderby l.IssuedOn descending, n.Number
                select new { l, n.Number, MatterNumber = m.Number, d.State, d.ClosedOn, n.Kind })
            .Take(MaxList).ToListAsync(cancellationToken);
        return rows.Select(r => new LetterView(r.l.Id, r.l.MatterId, r.MatterNumber, r.l.Clock, r.l.Kind, r.l.Level, r.Kind.ToChinese(), r.Number, r.l.UnitId,
            r.l.IssuedOn, r.l.DueOn, r.l.OverdueWorkingDays, r.State == DeadlineState.Open, r.State == DeadlineState.Open ? null : r.ClosedOn)).ToList();
    }

    /// <summary>Logs a 电话催办: the bureau's supervisors call the responsible unit and write down who and what.</summary>
    public async Task<Result<PhoneReminderView>> LogCallAsync(PhoneReminderInput input, CancellationToken cancellationToken = default)
    {
        if (!staff.IsBureau)
        {
            return Error.Forbidden("supervision.forbidden", "只有信访部门的工作人员可以登记电话催办。");
        }

        if (!await db.Matters.AnyAsync(m => m.Id == input.MatterId, cancellationToken))
        {
            return Error.NotFound("matter.not-found", "信访事项不存在。");
        }

        var callee = input.Callee?.Trim() ?? "";
        var content = input.Content?.Trim() ?? "";
        if (callee.Length == 0)
        {
            return Error.Validation("supervision.callee-required", "请填写接听人（单位和姓名）。", "callee");
        }

        if (callee.Length > Limits.Name)
        {
            return Error.Validation("supervision.callee-too-long", $"接听人不超过 {Limits.Name} 字。", "callee");
        }

        if (content.Length == 0)
        {
            return Error.Validation("supervision.content-required", "请填写催办内容。", "content");
        }

        if (content.Length > Limits.Note)
        {
            return Error.Validation("supervision.content-too-long", $"催办内容不超过 {Limits.Note} 字。", "content");
        }

        var now = time.GetUtcNow();
        var at = input.CalledAt ?? now;
        if (at > now.AddMinutes(5))
        {
            return Error.Validation("supervision.called-at-future", "通话时间不能晚于现在。", "calledAt");
        }

        var call = new PhoneReminder { Id = Guid.CreateVersion7(), MatterId = input.MatterId, CalledAt = at.UtcDateTime, Callee = callee, Content = content, By = staff.UserName };
        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        db.Add(call);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(call);
    }

    public async Task<IReadOnlyList<PhoneReminderView>> CallsAsync(Guid matterId, CancellationToken cancellationToken = default)
    {
        var visible = db.VisibleMatters(staff).Select(m => m.Id);
        var calls = await db.Set<PhoneReminder>().AsNoTracking().Where(p => p.MatterId == matterId && visible.Contains(p.MatterId))
            .OrderByDescending(p => p.CalledAt).Take(MaxList).ToListAsync(cancellationToken);
        return calls.Select(View).ToList();
    }

    private static PhoneReminderView View(PhoneReminder p) =>
        new(p.Id, p.MatterId, new DateTimeOffset(DateTime.SpecifyKind(p.CalledAt, DateTimeKind.Utc)), p.Callee, p.Content, p.By);
}
