using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Audit;

/// <summary>审计记录: the trail for the auditor (all of it) and the security administrator (security events).</summary>
[Authorize(Policy = Policies.Audit)]
public sealed class IndexModel(AuditTrail trail, XinfangDb db, Staff staff) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? MatterNumber { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public AuditPage Entries { get; private set; } = new([], null, true);

    public AuditVerification? Verification { get; private set; }

    public string? Problem { get; private set; }

    public bool IsAuditor => staff.Has(Roles.Auditor);

    /// <summary>The filter as a query string, for the next page and the export.</summary>
    public string FilterQuery => string.Join("&", new[]
    {
        Param("Actor", Actor), Param("Action", Action), Param("EntityType", EntityType), Param("MatterNumber", MatterNumber),
        Param("From", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Param("To", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    }.OfType<string>());

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await QueryAsync(ct) is { } query)
        {
            Entries = await trail.ListAsync(query, ct);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await QueryAsync(ct) is { } query)
        {
            if ((await trail.ExportAsync(query with { After = null }, ct)).TryGet(out var file, out var refused))
            {
                return File(file, OfficeFiles.Xlsx, "审计记录.xlsx");
            }

            Problem = refused.Detail;
        }

        return Page();
    }

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await trail.VerifyAsync(ct);
        await OnGetAsync(ct);
    }

    /// <summary>The page's filter as the API's query; a matter is found by its number, as staff know it.</summary>
    private async Task<AuditQuery?> QueryAsync(CancellationToken ct)
    {
        Guid? matter = null;
        if (!string.IsNullOrWhiteSpace(MatterNumber))
        {
            matter = await db.Matters.Where(m => m.Number == MatterNumber.Trim()).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
            if (matter is null)
            {
                Problem = $"没有编号为“{MatterNumber.Trim()}”的信访事项。";
                return null;
            }
        }

        var query = new AuditQuery(Actor, Action, EntityType, null, matter, From, To, After);
        Problem = query.Check()?.Detail;
        return Problem is null ? query : null;
    }

    private static string? Param(string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : $"{name}={Uri.EscapeDataString(value)}";
}
