using System.Globalization;
using MiniExcelLibs;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// A result list in Excel: the same filters and the same rows as the list (<see cref="MatterList"/>), so the same scope
/// and the same masking — the petitioner's name as the list shows it to this caller, "（保密）" for an accuser the caller
/// may not know; no ID numbers or phones at all. Every export is recorded in the audit trail with its filters.
/// </summary>
public sealed class MatterExport(MatterList list, XinfangDb db)
{
    /// <summary>The most rows one export holds; a wider list is refused, to be narrowed by its filters.</summary>
    public const int MaxRows = 5_000;

    public async Task<Result<byte[]>> ExportAsync(MatterFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = new List<MatterSummary>();
        var page = filter with { PageSize = MatterList.MaxPageSize, Page = 1 };
        while (true)
        {
            var found = await list.FindAsync(page, cancellationToken);
            if (!found.TryGet(out var items, out var error))
            {
                return error;
            }

            if (rows.Count == 0 && items.Total > MaxRows)
            {
                return Error.Validation("export.too-many-rows", $"符合条件的事项超过 {MaxRows} 件，请缩小查询条件后再导出。", "q");
            }

            rows.AddRange(items.Items);
            if (items.Next is null)
            {
                break;
            }

            page = page with { After = items.Next };
        }

        // The filters as the note, with any ID number or phone searched for masked: the audit trail is read by more people than the registry.
        var description = filter with { Q = filter.Q is null ? null : MatterSearch.Masked(filter.Q), Page = 1 };
        db.RecordEvent("export", nameof(Matter), "-", $"导出事项查询结果 {rows.Count} 件：{description}");
        await db.SaveChangesAsync(cancellationToken);

        var sheet = rows.Select(m => new Dictionary<string, object?>
        {
            ["信访事项编号"] = m.Number,
            ["收到日期"] = m.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["渠道"] = m.Channel.ToChinese(),
            ["信访目的"] = m.Purpose.ToChinese(),
            ["标题"] = m.Title,
            ["信访人"] = m.Petitioner,
            ["人数"] = m.Headcount,
            ["状态"] = m.StatusLabel,
            ["责任单位"] = m.UnitName ?? "",
            ["下一期限"] = m.NextDue is { } due ? $"{due.Name} {due.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "",
            ["是否超期"] = m.NextDue is { Overdue: true } ? "已超期" : "",
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet.Count > 0 ? sheet : [Header()], sheetName: "事项查询", cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    // MiniExcel takes the header row from the first row; an empty result still gets its columns.
    private static Dictionary<string, object?> Header() => new()
    {
        ["信访事项编号"] = null, ["收到日期"] = null, ["渠道"] = null, ["信访目的"] = null, ["标题"] = null, ["信访人"] = null,
        ["人数"] = null, ["状态"] = null, ["责任单位"] = null, ["下一期限"] = null, ["是否超期"] = null,
    };
}
