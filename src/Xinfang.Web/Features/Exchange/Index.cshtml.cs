using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Shared;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Exchange;

/// <summary>
/// 交换包导入导出: the bureau exports every matter changed since a date (one matter is exported from its own page) and
/// imports a package from the provincial or national system, seeing what arrived or every reason it was refused.
/// </summary>
[Authorize(Policy = Policies.Bureau)]
[RequestSizeLimit(ExchangePackage.DefaultMaxPackageBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ExchangePackage.DefaultMaxPackageBytes + 1024 * 1024)]
public sealed class IndexModel(ExchangeImport import, TimeProvider time) : PageModel
{
    /// <summary>The export form's default start: the first day of the current month (China time).</summary>
    public DateOnly Since { get; private set; }

    public string? FileName { get; private set; }

    public ImportResult? Imported { get; private set; }

    public IReadOnlyList<ImportRefusal> Refusals { get; private set; } = [];

    public void OnGet() => Since = FirstOfMonth();

    public async Task<IActionResult> OnPostAsync(IFormFile? package, CancellationToken cancellationToken)
    {
        Since = FirstOfMonth();
        if (package is null || package.Length == 0)
        {
            Refusals = [new ImportRefusal("exchange.file-required", "请选择要导入的交换包（.zip 文件）。")];
            return Page();
        }

        FileName = package.FileName;
        if (package.Length > import.MaxPackageBytes)
        {
            Refusals = [new ImportRefusal("exchange.too-large", $"交换包超过上限 {import.MaxPackageBytes / 1024 / 1024} MB。")];
            return Page();
        }

        // The form reader has already buffered a large upload to a temporary file: the zip is read from there.
        await using var stream = package.OpenReadStream();
        if ((await import.ImportAsync(stream, cancellationToken)).TryGet(out var result, out var error))
        {
            Imported = result;
        }
        else
        {
            Refusals = error.Extensions?.GetValueOrDefault("refusals") as IReadOnlyList<ImportRefusal> ?? [new ImportRefusal(error.Code, error.Detail)];
        }

        return Page();
    }

    private DateOnly FirstOfMonth()
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        return new DateOnly(today.Year, today.Month, 1);
    }
}
