using Xinfang.Domain.Prevention;
using Xinfang.Domain.Shared;
using Xinfang.Domain.Tests.Intake;

namespace Xinfang.Domain.Tests.Prevention;

/// <summary>What a unit may write on the screening ledger, and how an open item moves on.</summary>
public sealed class LedgerRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    internal static LedgerItemDraft Valid() => new(
        Guid.NewGuid(), " 幸福里小区供暖不达标 ", "三十余户居民反映室温不足十八度。", Guid.NewGuid(), "张某等", 32, 12_000m, "138 1234 5678",
        null, RiskLevel.High, LedgerSource.Grid, Guid.NewGuid(), " 李四 ", "  ", "约谈供热公司", Today.AddDays(-3), Today.AddDays(10), null);

    [Fact]
    public void A_complete_draft_is_accepted_trimmed_and_normalised()
    {
        var facts = LedgerRules.Check(Valid(), Today).Value;

        Assert.Equal(("幸福里小区供暖不达标", "李四", "13812345678"), (facts.Title, facts.ResponsiblePerson, facts.ContactPhone));
        Assert.Null(facts.Leader);
        Assert.Equal(LedgerStatus.Unresolved, facts.Status);
    }

    [Fact]
    public void An_identity_number_is_checked_and_normalised()
    {
        var number = TestIdNumbers.WithCheckCharacter("61011419840229123");

        Assert.Equal(number, LedgerRules.Check(Valid() with { ContactIdNumber = number.ToLowerInvariant() }, Today).Value.ContactIdNumber);
    }

    public static TheoryData<string, LedgerItemDraft> Invalid()
    {
        var v = Valid();
        return new()
        {
            { "topic", v with { TopicId = null } },
            { "title", v with { Title = "  " } },
            { "title", v with { Title = new string('题', LedgerRules.TitleLength + 1) } },
            { "description", v with { Description = null } },
            { "description", v with { Description = new string('述', LedgerRules.TextLength + 1) } },
            { "locationUnitId", v with { LocationUnitId = null } },
            { "people", v with { People = new string('人', LedgerRules.TextLength + 1) } },
            { "headcount", v with { Headcount = null } },
            { "headcount", v with { Headcount = 0 } },
            { "headcount", v with { Headcount = 100_001 } },
            { "amount", v with { Amount = -1m } },
            { "amount", v with { Amount = LedgerRules.MaxAmount + 1 } },
            { "contactPhone", v with { ContactPhone = "12345" } },
            { "contactIdNumber", v with { ContactIdNumber = "610114198402291230" } },
            { "risk", v with { Risk = null } },
            { "source", v with { Source = null } },
            { "responsibleUnitId", v with { ResponsibleUnitId = null } },
            { "responsiblePerson", v with { ResponsiblePerson = " " } },
            { "leader", v with { Leader = new string('领', LedgerRules.NameLength + 1) } },
            { "measures", v with { Measures = new string('措', LedgerRules.TextLength + 1) } },
            { "reportedOn", v with { ReportedOn = null } },
            { "reportedOn", v with { ReportedOn = Today.AddDays(1), DueOn = null } },
            { "dueOn", v with { DueOn = v.ReportedOn!.Value.AddDays(-1) } },
            { "status", v with { Status = LedgerStatus.BecamePetition } },
        };
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_bad_field_is_refused_with_its_field_named(string field, LedgerItemDraft draft)
    {
        var error = LedgerRules.Check(draft, Today).Error!;

        Assert.Equal(("ledger.invalid", ErrorKind.Validation), (error.Code, error.Kind));
        Assert.Equal([field], error.Fields!.Keys);
    }

    [Fact]
    public void All_field_errors_of_a_draft_come_at_once()
    {
        var empty = new LedgerItemDraft(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        var error = LedgerRules.Check(empty, Today).Error!;

        Assert.Equal(
            new HashSet<string> { "topic", "title", "description", "locationUnitId", "headcount", "risk", "source", "responsibleUnitId", "responsiblePerson", "reportedOn" },
            error.Fields!.Keys.ToHashSet());
    }

    // Decide(current, reportedOn, hasMatter, note, status, measures, matterId, on, today, by)
    [Theory]
    [InlineData(LedgerStatus.Resolved, "进展", null, null, false, "ledger.item-closed", ErrorKind.Conflict)]
    [InlineData(LedgerStatus.BecamePetition, "进展", null, null, true, "ledger.item-closed", ErrorKind.Conflict)]
    [InlineData(LedgerStatus.Resolving, " ", null, null, false, "ledger.note-required", ErrorKind.Validation)]
    [InlineData(LedgerStatus.Resolving, null, null, null, false, "ledger.note-required", ErrorKind.Validation)]
    [InlineData(LedgerStatus.Unresolved, "进展", null, 1, false, "ledger.on-invalid", ErrorKind.Validation)]
    [InlineData(LedgerStatus.Unresolved, "进展", null, -30, false, "ledger.on-invalid", ErrorKind.Validation)]
    [InlineData(LedgerStatus.Resolving, "已转入信访渠道", LedgerStatus.BecamePetition, null, false, "ledger.matter-required", ErrorKind.Rule)]
    public void An_update_not_allowed_is_refused_with_a_named_error(LedgerStatus current, string? note, LedgerStatus? status, int? onOffset, bool hasMatter,
                                                                   string code, ErrorKind kind)
    {
        var error = LedgerRules.Decide(current, Today.AddDays(-10), hasMatter, note, status, null, null, onOffset is { } d ? Today.AddDays(d) : null, Today, "李四").Error!;

        Assert.Equal((code, kind), (error.Code, error.Kind));
    }

    [Fact]
    public void Overlong_note_and_measures_are_refused()
    {
        var reported = Today.AddDays(-10);
        var longText = new string('字', LedgerRules.TextLength + 1);

        Assert.Equal("ledger.note-required", LedgerRules.Decide(LedgerStatus.Resolving, reported, false, longText, null, null, null, null, Today, "李四").Error!.Code);
        Assert.Equal("ledger.measures-too-long", LedgerRules.Decide(LedgerStatus.Resolving, reported, false, "进展", null, longText, null, null, Today, "李四").Error!.Code);
    }

    [Fact]
    public void An_update_defaults_to_today_and_drops_an_unchanged_status_and_blank_measures()
    {
        var update = LedgerRules.Decide(LedgerStatus.Resolving, Today.AddDays(-10), false, " 再次约谈 ", LedgerStatus.Resolving, "  ", null, null, Today, "李四").Value;

        Assert.Equal(new LedgerUpdate(Today, "再次约谈", null, null, null, "李四"), update);
    }

    [Fact]
    public void Becoming_a_petition_is_allowed_with_the_matter_it_became()
    {
        var matter = Guid.NewGuid();
        var reported = Today.AddDays(-10);

        var update = LedgerRules.Decide(LedgerStatus.Resolving, reported, false, "已转信访", LedgerStatus.BecamePetition, null, matter, reported, Today, "李四").Value;

        Assert.Equal((LedgerStatus.BecamePetition, matter, reported), (update.Status, update.MatterId, update.On));
        Assert.True(LedgerRules.Decide(LedgerStatus.Resolving, reported, true, "已转信访", LedgerStatus.BecamePetition, null, null, null, Today, "李四").IsSuccess);
    }

    [Fact]
    public void A_correction_names_the_fields_it_changed_and_keeps_the_status()
    {
        var filed = LedgerRules.Check(Valid(), Today).Value;
        var corrected = filed with { Amount = 15_000m, Risk = RiskLevel.Major, Title = "幸福里小区供暖长期不达标" };

        var entry = LedgerRules.DecideEdit(filed, corrected, Today, "zhang").Value;

        Assert.Equal("修改了标题、涉及金额、风险等级。", entry.Note);
        Assert.Equal((Today, "zhang"), (entry.On, entry.By));
        Assert.Null(entry.Status);
        Assert.Null(entry.Measures);
    }

    [Fact]
    public void A_closed_item_is_not_corrected_and_an_edit_changing_nothing_is_refused()
    {
        var filed = LedgerRules.Check(Valid(), Today).Value;

        Assert.Equal("ledger.item-closed", LedgerRules.DecideEdit(filed with { Status = LedgerStatus.Resolved }, filed with { Headcount = 40 }, Today, "zhang").Error!.Code);
        Assert.Equal("ledger.item-closed", LedgerRules.DecideEdit(filed with { Status = LedgerStatus.BecamePetition }, filed, Today, "zhang").Error!.Code);
        Assert.Equal("ledger.edit-unchanged", LedgerRules.DecideEdit(filed, filed, Today, "zhang").Error!.Code);
    }

    [Fact]
    public void Every_field_of_an_item_has_a_name_in_the_list_of_changes()
    {
        var a = LedgerRules.Check(Valid(), Today).Value;
        var b = new LedgerItemFacts(Guid.NewGuid(), "另一标题", "另一情况", Guid.NewGuid(), "他人", 2, 1m, "13900000000", "X", RiskLevel.Low, LedgerSource.Hotline,
            Guid.NewGuid(), "王五", "赵六", "别的措施", Today.AddDays(-1), null, a.Status);

        Assert.Equal(17, LedgerRules.Changed(a, b).Count);
    }
}
