using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Prevention;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Prevention;

public sealed class RoundsModel(ScreeningRoundService rounds, Ledger ledger, ReferenceData reference, Staff staff) : PageModel
{
    [BindProperty] public RoundInput Input { get; set; } = new();

    public IReadOnlyList<RoundView> Rounds { get; private set; } = [];

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    /// <summary>The unit's own items of the last months, to list in a report.</summary>
    public IReadOnlyList<(Guid Id, string Title, DateOnly On)> OwnItems { get; private set; } = [];

    public string? Error { get; private set; }

    public bool IsBureau => staff.IsBureau;

    public Guid UnitId => staff.UnitId;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct) =>
        await DoneAsync(await rounds.CreateAsync(Input, ct) is var r && r.IsSuccess ? null : r.Error!.Detail, "已安排排查周期。", ct);

    public async Task<IActionResult> OnPostReportAsync(Guid roundId, List<Guid> itemIds, bool zero, CancellationToken ct) =>
        await DoneAsync(await rounds.ReportAsync(roundId, new RoundReportInput(itemIds, zero), ct) is var r && r.IsSuccess ? null : r.Error!.Detail,
            zero ? "已零报告。" : "已上报排查结果。", ct);

    private async Task<IActionResult> DoneAsync(string? error, string flash, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Flash"] = flash;
            return Redirect("/prevention/rounds");
        }

        Error = error;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rounds = await rounds.ListAsync(ct);
        Units = (await reference.CurrentAsync(ct)).Units.Values.Where(u => u.IsActive && u.Kind is UnitKind.Street or UnitKind.Town or UnitKind.Department)
            .OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
        var since = ledger.Today.AddDays(-90);
        var own = staff.UnitId;
        OwnItems = (await ledger.Visible().AsNoTracking().Where(i => i.ReportingUnitId == own && i.ReportedOn >= since)
                .OrderByDescending(i => i.ReportedOn).Take(100).Select(i => new { i.Id, i.Title, i.ReportedOn }).ToListAsync(ct))
            .Select(i => (i.Id, i.Title, i.ReportedOn)).ToList();
    }

    public static string StateBadge(RoundReportState state) => state switch
    {
        RoundReportState.Reported => "text-bg-primary",
        RoundReportState.Zero => "text-bg-success",
        RoundReportState.Missing => "text-bg-danger",
    };
}
