using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Matters;
using Xinfang.Web.Features.Organisation;

namespace Xinfang.Web.Features.Supervision;

/// <summary>集中督查督办: the supervisors' daily page — problems by type, unit and period, letters in bulk, letters issued, phone reminders.</summary>
[Authorize(Policy = Policies.Bureau)]
public sealed class IndexModel(ConcentratedSupervision board, SupervisionLetters letters, UnitEditor units) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }

    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }

    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    [BindProperty] public List<Guid> Selected { get; set; } = [];

    [BindProperty] public Guid? CallMatterId { get; set; }

    [BindProperty] public string? Callee { get; set; }

    [BindProperty] public string? CallContent { get; set; }

    public ProblemBoard? Board { get; private set; }

    public ProblemLettersResult? Outcome { get; private set; }

    public IReadOnlyList<ProblemLetterView> ProblemLetters { get; private set; } = [];

    public IReadOnlyList<LetterView> SweepLetters { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> UnitNames { get; private set; } = new Dictionary<Guid, string>();

    public string? Failure { get; private set; }

    public string? Flash { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var result = await board.IssueAsync(new ProblemLettersInput(Selected), ct);
        if (!result.TryGet(out var outcome, out var error))
        {
            Failure = error.Detail;
        }
        else
        {
            Outcome = outcome;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCallAsync(CancellationToken ct)
    {
        if (CallMatterId is not { } matterId)
        {
            Failure = "请选择要催办的事项。";
        }
        else if (!(await letters.LogCallAsync(new PhoneReminderInput(matterId, Callee, CallContent), ct)).TryGet(out _, out var error))
        {
            Failure = error.Detail;
        }
        else
        {
            Flash = "电话催办已登记。";
            (Callee, CallContent) = (null, null);
        }

        await LoadAsync(ct);
        return Page();
    }

    public string TypeUrl(string? type) => QueryHelpers.AddQueryString("/supervision", new Dictionary<string, string?>
    {
        ["type"] = type, ["unitId"] = UnitId?.ToString(), ["from"] = From, ["to"] = To,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    private async Task LoadAsync(CancellationToken ct)
    {
        UnitNames = (await units.ListAsync(ct)).ToDictionary(u => u.Id, u => u.Name);
        var from = RegistrationForm.ParseDate(From);
        var to = RegistrationForm.ParseDate(To);
        if (from is null && !string.IsNullOrWhiteSpace(From) || to is null && !string.IsNullOrWhiteSpace(To))
        {
            Failure ??= "收到日期请按“年-月-日”填写，如 2026-03-02。";
            return;
        }

        From = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var found = await board.BoardAsync(new ProblemQuery(string.IsNullOrWhiteSpace(Type) ? null : Type, UnitId, from, to), ct);
        if (!found.TryGet(out var result, out var error))
        {
            Failure ??= error.Detail;
            return;
        }

        Board = result;
        ProblemLetters = await board.LettersAsync(UnitId, ct);
        SweepLetters = (await letters.ListAsync(null, UnitId, null, open: true, ct)).TryGet(out var open, out _) ? open.Take(50).ToList() : [];
    }
}
