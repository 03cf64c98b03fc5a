using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>A matter is transferred or assigned only to an active unit with power to handle it (第二十二条第一款).</summary>
public sealed class TransferTargetTests
{
    public static TheoryData<string> NonHandlingUnits => ["阎良区纪委监委", "阎良区人民法院", "阎良区信访局", "西安市人民政府"];

    [Theory]
    [MemberData(nameof(NonHandlingUnits))]
    public void Transfer_to_a_unit_without_power_to_handle_is_refused(string name)
    {
        var unit = Org.Units.Values.Single(u => u.Name == name);

        var error = Decisions.Refused(AMatter().Build(), new Transfer(unit.Id), Org.Registrar);

        Assert.Equal(("matter.unit-cannot-handle", ErrorKind.Validation), (error.Code, error.Kind));
        Assert.Equal(["unitId"], error.Fields!.Keys);
    }

    [Theory]
    [MemberData(nameof(NonHandlingUnits))]
    public void Assignment_to_a_unit_without_power_to_handle_is_refused(string name)
    {
        var unit = Org.Units.Values.Single(u => u.Name == name);

        Assert.Equal("matter.unit-cannot-handle", Decisions.Refused(AMatter().Build(), new Assign(unit.Id, D("2025-04-30")), Org.Registrar).Code);
    }

    [Fact]
    public void Transfer_to_an_inactive_unit_is_refused_as_not_found()
    {
        Assert.Equal("matter.unit-not-found", Decisions.Refused(AMatter().Build(), new Transfer(Org.Inactive.Id), Org.Registrar).Code);
    }

    [Fact]
    public void Transfer_to_an_unknown_unit_is_refused_as_not_found()
    {
        var error = Decisions.Refused(AMatter().Build(), new Transfer(Guid.NewGuid()), Org.Registrar);

        Assert.Equal(("matter.unit-not-found", ErrorKind.Validation), (error.Code, error.Kind));
    }

    [Theory]
    [InlineData(UnitKind.Street)]
    [InlineData(UnitKind.Department)]
    [InlineData(UnitKind.Government)]
    public void Transfer_to_a_street_a_department_or_the_district_government_is_accepted(UnitKind kind)
    {
        var unit = Org.Units.Values.First(u => u.Kind == kind && u.IsActive);

        Assert.True(Decisions.Decide(AMatter().Build(), new Transfer(unit.Id), Org.Registrar).IsSuccess);
    }

    [Fact]
    public void The_units_receipt_is_the_transfer_date_and_starts_its_acceptance_and_objection_clocks()
    {
        // Transferred on the Friday before National Day 2025: 15 days end on Saturday 10-11, a 调休 working day;
        // the 5 working days are Sunday 9-28 (调休), 9-29, 9-30, 10-09 and 10-10.
        var matter = AMatter().ReceivedOn("2025-09-20").Transferred(D("2025-09-26")).Build();

        Assert.Equal((Org.StreetA.Id, D("2025-09-26")), (matter.UnitId, matter.UnitReceivedOn));
        Assert.Equal(D("2025-10-11"), matter.OpenDeadline(PeriodRules.AcceptanceNotice)!.DueOn);
        var objection = matter.OpenDeadline(PeriodRules.Objection)!;
        Assert.Equal((D("2025-10-10"), false), (objection.DueOn, objection.IsDuty));
        Assert.Equal(DeadlineState.Met, matter.LatestDeadline(PeriodRules.Dispose)!.State);
    }

    [Fact]
    public void A_transfer_tells_the_petitioner_and_writes_to_the_unit()
    {
        var matter = AMatter().Transferred().Build();

        var notices = matter.Notices.Where(n => n.Kind != NoticeKind.Receipt).Select(n => (n.Kind, n.Recipient, n.RecipientUnitId, n.IssuingUnitId));
        Assert.Equal(
            [(NoticeKind.TransferNotice, Recipient.Petitioner, null, Org.Bureau.Id), (NoticeKind.TransferLetter, Recipient.Unit, Org.StreetA.Id, Org.Bureau.Id)],
            notices);
        Assert.Contains("\"承办单位\":\"凤凰路街道办事处\"", matter.Notices[1].Fields, StringComparison.Ordinal);
    }
}
