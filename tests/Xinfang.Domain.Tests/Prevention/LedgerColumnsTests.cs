using Xinfang.Domain.Prevention;

namespace Xinfang.Domain.Tests.Prevention;

/// <summary>The Excel layout of the ledger: headers checked, rows read with every error of a row at once.</summary>
public sealed class LedgerColumnsTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly Guid Heating = Guid.NewGuid(), Xincheng = Guid.NewGuid();

    private static readonly ImportLookups Lookups = new(
        t => t == "冬季供暖" ? Heating : null,
        u => u == "新城街道办事处" ? Xincheng : null);

    private static Dictionary<string, object?> Row() => new()
    {
        [LedgerColumns.Number] = "TZ-2026-0001",
        [LedgerColumns.ReportedOn] = "2026-11-18",
        [LedgerColumns.Topic] = "冬季供暖",
        [LedgerColumns.Title] = "幸福里小区供暖不达标",
        [LedgerColumns.Description] = "三十余户居民反映室温不足十八度。",
        [LedgerColumns.Location] = "新城街道办事处",
        [LedgerColumns.People] = "张某等",
        [LedgerColumns.Headcount] = 32d,
        [LedgerColumns.Amount] = "12,000.50",
        [LedgerColumns.ContactPhone] = "138****5678",
        [LedgerColumns.ContactIdNumber] = "610114********1234",
        [LedgerColumns.Risk] = "高",
        [LedgerColumns.Source] = "网格上报",
        [LedgerColumns.ResponsibleUnit] = "新城街道办事处",
        [LedgerColumns.ResponsiblePerson] = "李四",
        [LedgerColumns.Leader] = null,
        [LedgerColumns.Measures] = "约谈供热公司",
        [LedgerColumns.DueOn] = new DateTime(2026, 12, 31),
        [LedgerColumns.Status] = "化解中",
    };

    [Fact]
    public void The_exported_headers_pass_and_every_required_column_is_among_them()
    {
        Assert.Empty(LedgerColumns.CheckHeaders(LedgerColumns.All));
        Assert.Subset(LedgerColumns.All.ToHashSet(), LedgerColumns.Required.ToHashSet());
    }

    [Fact]
    public void Missing_unknown_and_repeated_headers_are_each_one_error_on_row_one()
    {
        var headers = LedgerColumns.All.Where(h => h != LedgerColumns.Title).Append(" 备注 ").Append(LedgerColumns.Risk).Append(null).Append("");

        var errors = LedgerColumns.CheckHeaders(headers);

        Assert.All(errors, e => Assert.Equal(1, e.Row));
        Assert.Equal([LedgerColumns.Title, "备注", LedgerColumns.Risk], errors.Select(e => e.Column));
    }

    [Fact]
    public void A_good_row_is_read_with_masked_identifiers_dropped()
    {
        var (facts, errors) = LedgerColumns.ReadRow(2, Row(), Lookups, Today);

        Assert.Empty(errors);
        Assert.Equal((Heating, Xincheng, 32, 12_000.50m, RiskLevel.High, LedgerSource.Grid, LedgerStatus.Resolving),
            (facts!.TopicId, facts.ResponsibleUnitId, facts.Headcount, facts.Amount, facts.Risk, facts.Source, facts.Status));
        Assert.Equal((new DateOnly(2026, 11, 18), (DateOnly?)new DateOnly(2026, 12, 31)), (facts.ReportedOn, facts.DueOn));
        Assert.Null(facts.ContactPhone);
        Assert.Null(facts.ContactIdNumber);
    }

    [Fact]
    public void Headers_with_surrounding_spaces_pass_the_header_check_and_their_cells_are_read()
    {
        var row = Row().ToDictionary(c => $" {c.Key} ", c => c.Value);

        Assert.Empty(LedgerColumns.CheckHeaders(row.Keys));
        var (facts, errors) = LedgerColumns.ReadRow(2, row, Lookups, Today);
        Assert.Empty(errors);
        Assert.Equal("幸福里小区供暖不达标", facts!.Title);
    }

    [Theory]
    [InlineData("2026-11-18")]
    [InlineData("2026/11/18")]
    [InlineData("2026.11.18")]
    [InlineData("2026年11月18日")]
    [InlineData(46344d)]
    public void Dates_are_read_as_text_in_the_usual_forms_or_as_excel_serial_numbers(object cell)
    {
        var row = Row();
        row[LedgerColumns.ReportedOn] = cell;

        Assert.Equal(new DateOnly(2026, 11, 18), LedgerColumns.ReadRow(2, row, Lookups, Today).Facts!.ReportedOn);
    }

    public static TheoryData<string, object?, string> BadCells() => new()
    {
        { LedgerColumns.ReportedOn, "十一月", LedgerColumns.ReportedOn },
        { LedgerColumns.ReportedOn, "2026-11-21", LedgerColumns.ReportedOn },
        { LedgerColumns.ReportedOn, -5d, LedgerColumns.ReportedOn },
        { LedgerColumns.Topic, "供暖", LedgerColumns.Topic },
        { LedgerColumns.Location, "不存在的街道", LedgerColumns.Location },
        { LedgerColumns.Headcount, "三十", LedgerColumns.Headcount },
        { LedgerColumns.Headcount, 2.5d, LedgerColumns.Headcount },
        { LedgerColumns.Headcount, "0", LedgerColumns.Headcount },
        { LedgerColumns.Headcount, "99999999999999", LedgerColumns.Headcount },
        { LedgerColumns.Amount, "一万", LedgerColumns.Amount },
        { LedgerColumns.Amount, "-3", LedgerColumns.Amount },
        { LedgerColumns.Risk, "很高", LedgerColumns.Risk },
        { LedgerColumns.Source, "微信", LedgerColumns.Source },
        { LedgerColumns.Status, "已转信访", LedgerColumns.Status },
        { LedgerColumns.Status, "完成", LedgerColumns.Status },
        { LedgerColumns.Title, "   ", LedgerColumns.Title },
        { LedgerColumns.ContactPhone, "12345", LedgerColumns.ContactPhone },
        { LedgerColumns.DueOn, "2026-11-01", LedgerColumns.DueOn },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public void A_bad_cell_gives_one_error_in_its_column_and_no_item(string column, object? value, string errorColumn)
    {
        var row = Row();
        row[column] = value;

        var (facts, errors) = LedgerColumns.ReadRow(7, row, Lookups, Today);

        Assert.Null(facts);
        var error = Assert.Single(errors);
        Assert.Equal((7, errorColumn), (error.Row, error.Column));
    }

    [Fact]
    public void All_errors_of_a_row_come_at_once_in_column_order()
    {
        var row = Row();
        row[LedgerColumns.Status] = "完成";
        row[LedgerColumns.Topic] = "供暖";
        row.Remove(LedgerColumns.ResponsiblePerson);
        row[LedgerColumns.ReportedOn] = "昨天";

        var errors = LedgerColumns.ReadRow(3, row, Lookups, Today).Errors;

        Assert.Equal([LedgerColumns.ReportedOn, LedgerColumns.Topic, LedgerColumns.ResponsiblePerson, LedgerColumns.Status], errors.Select(e => e.Column));
    }

    [Theory]
    [InlineData("低", RiskLevel.Low)]
    [InlineData(" 重大 ", RiskLevel.Major)]
    public void Labels_read_back_to_their_terms(string text, RiskLevel risk) => Assert.Equal(risk, LedgerLabels.ParseRisk(text));

    [Fact]
    public void Every_label_reads_back_to_its_own_term()
    {
        Assert.All(Enum.GetValues<RiskLevel>(), r => Assert.Equal(r, LedgerLabels.ParseRisk(r.ToChinese())));
        Assert.All(Enum.GetValues<LedgerSource>(), s => Assert.Equal(s, LedgerLabels.ParseSource(s.ToChinese())));
        Assert.All(Enum.GetValues<LedgerStatus>(), s => Assert.Equal(s, LedgerLabels.ParseStatus(s.ToChinese())));
        Assert.Null(LedgerLabels.ParseStatus(null));
    }
}
