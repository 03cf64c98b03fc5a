using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Prevention;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Prevention;

public sealed record ImportResult(int Imported);

/// <summary>
/// The ledger in Excel, in the layout of <see cref="LedgerColumns"/>. The import reads the file row by row (MiniExcel
/// streams the sheet), checks every row, and stores all rows in one transaction or none; the export is the caller's
/// scope with identifiers masked.
/// </summary>
public sealed class LedgerExcel(XinfangDb db, Staff staff, Ledger ledger, ReferenceData reference, ILogger<LedgerExcel> logger)
{
    /// <summary>Rows beyond this are refused without reading further, so that memory stays bounded.</summary>
    public const int MaxRows = 20_000;

    /// <summary>An import with more errors than this lists the first ones and says how many there were.</summary>
    public const int MaxListedErrors = 1_000;

    public async Task<Result<ImportResult>> ImportAsync(Stream file, CancellationToken cancellationToken = default)
    {
        var topics = (await ledger.TopicsAsync(cancellationToken)).Where(t => t.IsActive).ToList();
        var units = (await reference.CurrentAsync(cancellationToken)).Units.Values.Where(u => u.IsActive).ToList();
        var byName = units.GroupBy(u => u.Name).ToDictionary(g => g.Key, g => g.First().Id);
        var byCode = units.ToDictionary(u => u.Code, u => u.Id);
        var lookups = new ImportLookups(
            t => topics.FirstOrDefault(x => x.Name == t || x.Code == t)?.Id,
            u => byName.TryGetValue(u, out var id) ? id : byCode.TryGetValue(u, out id) ? id : null);

        var errors = new List<ImportError>();
        var errorCount = 0;
        var items = new List<LedgerItem>();
        try
        {
            var headers = file.GetColumns(useHeaderRow: true, excelType: ExcelType.XLSX)?.ToList() ?? [];
            file.Position = 0;
            var headerErrors = LedgerColumns.CheckHeaders(headers);
            if (headerErrors.Count > 0)
            {
                return Invalid(headerErrors, headerErrors.Count);
            }

            var row = 1;
            foreach (IDictionary<string, object?> cells in file.Query(useHeaderRow: true, excelType: ExcelType.XLSX))
            {
                row++;
                if (cells.Values.All(v => v is null || v is string s && string.IsNullOrWhiteSpace(s)))
                {
                    continue;
                }

                if (row - 1 > MaxRows)
                {
                    return Invalid([new ImportError(row, "", $"文件超过 {MaxRows} 行，请分批导入。")], 1);
                }

                var (facts, rowErrors) = LedgerColumns.ReadRow(row, cells.AsReadOnly(), lookups, ledger.Today);
                errorCount += rowErrors.Count;
                errors.AddRange(rowErrors.Take(MaxListedErrors - errors.Count));
                if (facts is not null && errorCount == 0)
                {
                    items.Add(ledger.New(facts, staff));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing has been written yet; whatever MiniExcel could not read (not a zip, no sheet, broken XML) is a bad file.
            logger.LogInformation(e, "A ledger import could not be read as xlsx");
            return Error.Validation("ledger.import-not-xlsx", "上传的文件不是有效的 Excel（.xlsx）文件，请使用导出模板。", "file");
        }

        if (errorCount > 0)
        {
            return Invalid(errors, errorCount);
        }

        if (items.Count == 0)
        {
            return Error.Validation("ledger.import-empty", "文件中没有台账数据。", "file");
        }

        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AddRange(items);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(items.Count);
    }

    private static Error Invalid(IReadOnlyList<ImportError> errors, int count) =>
        Error.Validation("ledger.import-invalid",
                $"导入文件有 {count} 处错误，未导入任何数据。" + (errors.Count > 0 ? $"第 {errors[0].Row} 行“{errors[0].Column}”：{errors[0].Message}" : ""))
            .With("errors", errors).With("errorCount", count);

    public async Task<byte[]> ExportAsync(LedgerFilter filter, CancellationToken cancellationToken = default)
    {
        var query = await ledger.FilteredAsync(filter, cancellationToken);
        var items = await query.OrderBy(i => i.ReportedOn).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var topics = (await ledger.TopicsAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Name);
        var units = (await reference.CurrentAsync(cancellationToken)).Units;
        string Unit(Guid id) => units.TryGetValue(id, out var u) ? u.Name : "";
        var rows = items.Select(i => new Dictionary<string, object?>
        {
            [LedgerColumns.Number] = i.Id.ToString(),
            [LedgerColumns.ReportedOn] = Date(i.ReportedOn),
            [LedgerColumns.Topic] = topics[i.TopicId],
            [LedgerColumns.Title] = i.Title,
            [LedgerColumns.Description] = i.Description,
            [LedgerColumns.Location] = Unit(i.LocationUnitId),
            [LedgerColumns.People] = i.People,
            [LedgerColumns.Headcount] = i.Headcount,
            [LedgerColumns.Amount] = i.Amount,
            [LedgerColumns.ContactPhone] = i.ContactPhone is null ? null : Mask.Phone(i.ContactPhone),
            [LedgerColumns.ContactIdNumber] = i.ContactIdNumber is null ? null : Mask.IdNumber(i.ContactIdNumber),
            [LedgerColumns.Risk] = i.Risk.ToChinese(),
            [LedgerColumns.Source] = i.Source.ToChinese(),
            [LedgerColumns.ResponsibleUnit] = Unit(i.ResponsibleUnitId),
            [LedgerColumns.ResponsiblePerson] = i.ResponsiblePerson,
            [LedgerColumns.Leader] = i.Leader,
            [LedgerColumns.Measures] = i.Measures,
            [LedgerColumns.DueOn] = i.DueOn is { } due ? Date(due) : null,
            [LedgerColumns.Status] = i.Status.ToChinese(),
        }).ToList();
        if (rows.Count == 0)
        {
            rows.Add(LedgerColumns.All.ToDictionary(c => c, _ => (object?)null)); // the headers alone, as a template
        }

        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "矛盾纠纷排查化解台账");
        return stream.ToArray();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
