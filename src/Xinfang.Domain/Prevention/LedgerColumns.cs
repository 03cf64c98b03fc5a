using System.Globalization;

namespace Xinfang.Domain.Prevention;

public sealed record ImportError(int Row, string Column, string Message);

/// <summary>Cell values as a spreadsheet gives them (text, number, date), resolved against the reference data.</summary>
public sealed record ImportLookups(Func<string, Guid?> Topic, Func<string, Guid?> Unit);

/// <summary>
/// The documented column layout of the ledger in Excel (导入导出模板): Chinese headers, one item a row. The export
/// writes exactly these columns; the import reads them back, by header, in any order. 编号 is written for reference
/// and ignored on import (an import always adds new items).
/// </summary>
public static class LedgerColumns
{
    public const string Number = "编号";
    public const string ReportedOn = "排查日期";
    public const string Topic = "矛盾类型";
    public const string Title = "标题";
    public const string Description = "基本情况";
    public const string Location = "问题属地";
    public const string People = "涉及人员";
    public const string Headcount = "涉及人数";
    public const string Amount = "涉及金额（元）";
    public const string ContactPhone = "当事人联系电话";
    public const string ContactIdNumber = "当事人身份证号";
    public const string Risk = "风险等级";
    public const string Source = "来源";
    public const string ResponsibleUnit = "责任单位";
    public const string ResponsiblePerson = "责任人";
    public const string Leader = "包案领导";
    public const string Measures = "稳控化解措施";
    public const string DueOn = "化解期限";
    public const string Status = "化解状态";

    public static readonly IReadOnlyList<string> All =
    [
        Number, ReportedOn, Topic, Title, Description, Location, People, Headcount, Amount, ContactPhone, ContactIdNumber, Risk, Source,
        ResponsibleUnit, ResponsiblePerson, Leader, Measures, DueOn, Status,
    ];

    public static readonly IReadOnlySet<string> Required = new HashSet<string>
    {
        ReportedOn, Topic, Title, Description, Location, Headcount, Risk, Source, ResponsibleUnit, ResponsiblePerson, Status,
    };

    /// <summary>Which column a field error of <see cref="LedgerRules.Check"/> belongs to.</summary>
    private static readonly Dictionary<string, string> ColumnOfField = new Dictionary<string, string>
    {
        ["topic"] = Topic, ["title"] = Title, ["description"] = Description, ["locationUnitId"] = Location, ["people"] = People,
        ["headcount"] = Headcount, ["amount"] = Amount, ["contactPhone"] = ContactPhone, ["contactIdNumber"] = ContactIdNumber, ["risk"] = Risk,
        ["source"] = Source, ["responsibleUnitId"] = ResponsibleUnit, ["responsiblePerson"] = ResponsiblePerson, ["leader"] = Leader,
        ["measures"] = Measures, ["reportedOn"] = ReportedOn, ["dueOn"] = DueOn, ["status"] = Status,
    };

    /// <summary>Missing required columns and unknown columns, each one error on the header row (row 1).</summary>
    public static IReadOnlyList<ImportError> CheckHeaders(IEnumerable<string?> headers)
    {
        var present = headers.Select(h => h?.Trim() ?? "").ToList();
        var errors = Required.Where(r => !present.Contains(r)).Select(r => new ImportError(1, r, $"缺少必填列“{r}”。")).ToList();
        errors.AddRange(present.Where(h => h.Length > 0 && !All.Contains(h)).Distinct().Select(h => new ImportError(1, h, $"未知的列“{h}”，请使用导出模板的列名。")));
        errors.AddRange(present.GroupBy(h => h).Where(g => g.Key.Length > 0 && g.Count() > 1).Select(g => new ImportError(1, g.Key, $"列“{g.Key}”重复。")));
        return errors;
    }

    /// <summary>One data row: every error of the row at once, or the checked item. Masked identifiers (from an export) are dropped.</summary>
    public static (LedgerItemFacts? Facts, IReadOnlyList<ImportError> Errors) ReadRow(int row, IReadOnlyDictionary<string, object?> cells, ImportLookups lookups, DateOnly today)
    {
        // Headers are matched trimmed, as CheckHeaders accepts them: a header typed as "标题 " must not read as an empty column.
        // Duplicate headers were refused by CheckHeaders, so trimming cannot merge two columns.
        cells = cells.GroupBy(c => c.Key.Trim()).ToDictionary(g => g.Key, g => g.First().Value);
        var errors = new List<ImportError>();
        string? Text(string column) => cells.TryGetValue(column, out var v) ? Cell(v) : null;

        DateOnly? Date(string column)
        {
            if (!cells.TryGetValue(column, out var value) || value is null || Cell(value) is null) return null;
            var date = value switch
            {
                DateTime d => DateOnly.FromDateTime(d),
                double d when d is > 0 and < 2958466 => DateOnly.FromDateTime(DateTime.FromOADate(d)),
                _ => DateOnly.TryParse(Cell(value), CultureInfo.InvariantCulture, out var p) ? p
                    : DateOnly.TryParseExact(Cell(value), ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out p) ? p : (DateOnly?)null,
            };
            if (date is null) errors.Add(new ImportError(row, column, $"“{Cell(value)}”不是有效日期（如 2026-11-20）。"));
            return date;
        }

        decimal? Number(string column, bool whole)
        {
            var text = Text(column);
            if (text is null) return null;
            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) || whole && n != decimal.Truncate(n))
            {
                errors.Add(new ImportError(row, column, whole ? $"“{text}”不是整数。" : $"“{text}”不是有效数额。"));
                return null;
            }

            return n;
        }

        T? Parsed<T>(string column, Func<string?, T?> parse, string allowed) where T : struct
        {
            var text = Text(column);
            var value = parse(text);
            if (text is not null && value is null) errors.Add(new ImportError(row, column, $"“{text}”不是有效值，可填：{allowed}。"));
            return value;
        }

        Guid? Lookup(string column, Func<string, Guid?> find, string what)
        {
            var text = Text(column);
            if (text is null) return null;
            var id = find(text);
            if (id is null) errors.Add(new ImportError(row, column, $"未知的{what}“{text}”。"));
            return id;
        }

        var headcount = Number(Headcount, whole: true);
        var draft = new LedgerItemDraft(
            Lookup(Topic, lookups.Topic, "矛盾类型"), Text(Title), Text(Description), Lookup(Location, lookups.Unit, "单位"), Text(People),
            headcount is { } h && h is >= int.MinValue and <= int.MaxValue ? (int)h : null, Number(Amount, whole: false),
            Unmasked(Text(ContactPhone)), Unmasked(Text(ContactIdNumber)),
            Parsed(Risk, LedgerLabels.ParseRisk, "低、中、高、重大"), Parsed(Source, LedgerLabels.ParseSource, "排查、网格上报、来信来访、12345、上级交办"),
            Lookup(ResponsibleUnit, lookups.Unit, "单位"), Text(ResponsiblePerson), Text(Leader), Text(Measures), Date(ReportedOn), Date(DueOn),
            Parsed(Status, LedgerLabels.ParseStatus, "未化解、化解中、已化解、已转信访"));
        var reported = errors.Select(e => e.Column).ToHashSet();
        var result = LedgerRules.Check(draft, today);
        if (!result.IsSuccess)
        {
            // A cell that could not be read already has its error; the rules' "required" for it would only repeat it.
            errors.AddRange(result.Error!.Fields!.Select(f => new ImportError(row, ColumnOfField[f.Key], f.Value[0])).Where(e => !reported.Contains(e.Column)));
        }

        return (errors.Count == 0 ? result.Value : null, errors.OrderBy(e => IndexOf(e.Column)).ToList());
    }

    private static int IndexOf(string column) => All.ToList().IndexOf(column);

    private static string? Cell(object? value) => value switch
    {
        null => null,
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString()!.Trim(),
    };

    private static string? Unmasked(string? value) => value is not null && value.Contains('*', StringComparison.Ordinal) ? null : value;
}
