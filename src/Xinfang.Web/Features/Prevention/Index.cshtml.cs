using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Prevention;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Prevention;

public sealed class IndexModel(Ledger ledger, LedgerExcel excel) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true)] public RiskLevel? Risk { get; set; }
    [BindProperty(SupportsGet = true)] public LedgerStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public LedgerPage Items { get; private set; } = new(0, 1, 50, []);

    public IReadOnlyList<TopicView> Topics { get; private set; } = [];

    public IReadOnlyList<ImportError> ImportErrors { get; private set; } = [];

    public string? ImportProblem { get; private set; }

    public string ExportQuery => string.Join("&", new[]
    {
        Topic is null ? null : "topic=" + Uri.EscapeDataString(Topic), Risk is null ? null : "risk=" + KebabEnum.Name(Risk.Value),
        Status is null ? null : "status=" + KebabEnum.Name(Status.Value),
        From is null ? null : $"from={From:yyyy-MM-dd}", To is null ? null : $"to={To:yyyy-MM-dd}",
    }.Where(p => p is not null));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ImportProblem = "请选择要导入的 .xlsx 文件。";
        }
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await excel.ImportAsync(stream, ct);
            if (result.TryGet(out var imported, out var error))
            {
                TempData["Flash"] = $"已导入 {imported.Imported} 条台账事项。";
                return Redirect("/prevention/ledger");
            }

            ImportProblem = error.Detail;
            ImportErrors = error.Extensions?.GetValueOrDefault("errors") as IReadOnlyList<ImportError> ?? [];
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Topics = await ledger.TopicsAsync(ct);
        Items = await ledger.ListAsync(new LedgerFilter(Topic, null, Risk, Status, From, To, PageNumber, 50), ct);
    }

    public static string RiskBadge(RiskLevel risk) => risk switch
    {
        RiskLevel.Low => "text-bg-light border",
        RiskLevel.Medium => "text-bg-info",
        RiskLevel.High => "text-bg-warning",
        RiskLevel.Major => "text-bg-danger",
    };

    public static string StatusBadge(LedgerStatus status) => status switch
    {
        LedgerStatus.Unresolved => "text-bg-secondary",
        LedgerStatus.Resolving => "text-bg-primary",
        LedgerStatus.Resolved => "text-bg-success",
        LedgerStatus.BecamePetition => "text-bg-dark",
    };
}
