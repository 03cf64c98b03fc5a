using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Data.Audit;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Audit;

/// <summary>What the audit trail is filtered by: the API's query string and the page's form are the same record.</summary>
public sealed record AuditQuery(string? Actor = null, string? Action = null, string? EntityType = null, string? EntityId = null, Guid? Matter = null,
                                DateOnly? From = null, DateOnly? To = null, long? After = null, int? PageSize = null)
{
    public const int MaxPageSize = 200;
    public const int MaxText = 100;

    public int Size => PageSize ?? 50;

    public Error? Check() =>
        new[] { Actor, Action, EntityType, EntityId }.Any(t => t?.Length > MaxText)
            ? Error.Validation("audit.filter-too-long", $"筛选条件不能超过 {MaxText} 个字符。", "actor")
        : From > To ? Error.Validation("audit.range-reversed", "开始日期不能晚于结束日期。", "from")
        : Size is < 1 or > MaxPageSize ? Error.Validation("audit.page-size-invalid", $"每页条数须在 1 到 {MaxPageSize} 之间。", "pageSize")
        : null;

    /// <summary>The filter in words, kept with the record of who read or exported the trail.</summary>
    public string Describe() => string.Join("；", new[]
    {
        Actor is null ? null : $"操作人={Actor}", Action is null ? null : $"操作={Action}", EntityType is null ? null : $"对象={EntityType}",
        EntityId is null ? null : $"标识={EntityId}", Matter is null ? null : $"事项={Matter}", From is null ? null : $"自={From:yyyy-MM-dd}",
        To is null ? null : $"至={To:yyyy-MM-dd}",
    }.OfType<string>()) is { Length: > 0 } text ? text : "全部";
}

public sealed record AuditRow(long Sequence, DateTimeOffset At, string Actor, string Action, string ActionLabel, string EntityType,
                              string EntityLabel, string EntityId, string? Before, string? After, string? Note);

public sealed record AuditPage(IReadOnlyList<AuditRow> Items, long? Next, bool SecurityEventsOnly);

public sealed record AuditVerification(bool Intact, long Count, long? BrokenAt, string? Reason);

/// <summary>
/// Reading the append-only audit trail (等保 安全审计): the auditor reads all of it, the administrators' own actions
/// included; the security administrator reads the security events (sign-ins, sign-outs, accounts and roles). Every
/// reading and every export is itself recorded in the trail, so the auditor's work is auditable too.
/// </summary>
public sealed class AuditTrail(XinfangDb db, Staff staff)
{
    /// <summary>An export holds at most this many rows; a wider one is refused with a request to narrow the filter.</summary>
    public const int MaxExportRows = 50_000;

    private bool SecurityEventsOnly => !staff.Has(Roles.Auditor);

    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        if (query.After is { } after)
        {
            filtered = filtered.Where(a => a.Sequence < after);
        }

        var rows = await filtered.OrderByDescending(a => a.Sequence).Take(query.Size + 1).ToListAsync(cancellationToken);
        db.RecordView(nameof(AuditEntry), "", $"查阅审计记录：{query.Describe()}");
        await db.SaveChangesAsync(cancellationToken);
        var page = rows.Take(query.Size).Select(ToRow).ToList();
        return new AuditPage(page, rows.Count > query.Size ? page[^1].Sequence : null, SecurityEventsOnly);
    }

    public async Task<Result<byte[]>> ExportAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        if (await filtered.CountAsync(cancellationToken) > MaxExportRows)
        {
            return Error.Validation("audit.export-too-large", $"导出不能超过 {MaxExportRows} 条，请缩小日期范围或增加筛选条件。", "from");
        }

        var rows = await filtered.OrderBy(a => a.Sequence).ToListAsync(cancellationToken);
        db.RecordEvent("audit-export", nameof(AuditEntry), "", $"导出审计记录 {rows.Count} 条：{query.Describe()}");
        await db.SaveChangesAsync(cancellationToken);
        var sheet = rows.Select(ToRow).Select(r => new Dictionary<string, object?>
        {
            ["序号"] = r.Sequence,
            ["时间"] = r.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["操作人"] = r.Actor,
            ["操作"] = r.ActionLabel,
            ["对象"] = r.EntityLabel,
            ["对象标识"] = r.EntityId,
            ["变更前"] = r.Before,
            ["变更后"] = r.After,
            ["说明"] = r.Note,
        }).ToList();
        using var file = new MemoryStream();
        await file.SaveAsAsync(sheet.Count == 0 ? [new Dictionary<string, object?> { ["序号"] = null }] : sheet, sheetName: "审计记录",
            cancellationToken: cancellationToken);
        return file.ToArray();
    }

    /// <summary>Walks the whole chain; recorded like any other reading.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var broken = await AuditChain.VerifyAsync(db, cancellationToken);
        var count = await db.AuditEntries.MaxAsync(a => (long?)a.Sequence, cancellationToken) ?? 0;
        db.RecordEvent("audit-verify", nameof(AuditEntry), "", broken is null ? $"审计链完整，共 {count} 条" : broken.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return new AuditVerification(broken is null, count, broken?.Sequence, broken?.Reason);
    }

    private IQueryable<AuditEntry> Filter(AuditQuery q)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (SecurityEventsOnly)
        {
            entries = entries.Where(a => AuditLabels.SecurityActions.Contains(a.Action) || AuditLabels.SecurityEntities.Contains(a.EntityType));
        }

        if (Text(q.Actor) is { } actor) entries = entries.Where(a => a.Actor == actor);
        if (Text(q.Action) is { } action) entries = entries.Where(a => a.Action == action);
        if (Text(q.EntityType) is { } type) entries = entries.Where(a => a.EntityType == type);
        if (Text(q.EntityId) is { } id) entries = entries.Where(a => a.EntityId == id);
        if (q.Matter is { } matter)
        {
            // The matter's own row, and the rows of everything that belongs to it (events, notices, deadlines, …),
            // which carry its id as their MatterId.
            var key = matter.ToString();
            var field = $"\"MatterId\":\"{key}\"";
            entries = entries.Where(a => a.EntityId == key || (a.After != null && a.After.Contains(field)) || (a.Before != null && a.Before.Contains(field)));
        }

        if (q.From is { } from)
        {
            var since = ChinaTime.StartOf(from);
            entries = entries.Where(a => a.At >= since);
        }

        if (q.To is { } to)
        {
            var before = ChinaTime.StartOf(to.AddDays(1));
            entries = entries.Where(a => a.At < before);
        }
        return entries;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static AuditRow ToRow(AuditEntry e) => new(e.Sequence,
        new DateTimeOffset(DateTime.SpecifyKind(e.At, DateTimeKind.Utc)).ToOffset(ChinaTime.Offset), e.Actor, e.Action,
        AuditLabels.Action(e.Action), e.EntityType, AuditLabels.Entity(e.EntityType), e.EntityId, e.Before, e.After, e.Note);
}
