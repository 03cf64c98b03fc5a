using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>更正: an issued notice never changes; a correction is a new numbered notice naming the one it corrects.</summary>
public sealed class CorrectionTests
{
    [Fact]
    public void A_correction_is_a_new_numbered_notice_that_names_the_one_it_corrects()
    {
        var matter = AMatter().Transferred().Accepted().Build();
        var original = matter.Notices.Single(n => n.Kind == NoticeKind.AcceptanceNotice);
        var (fields, sha) = (original.Fields, original.Sha256);

        var change = Decisions.Do(matter, new Reissue(original.Id, "救济途径写错了", [new FieldCorrection("救济途径", "可依法申请复查")]), Org.Handler);

        var corrected = matter.Notices[^1];
        Assert.Equal((NoticeKind.AcceptanceNotice, original.Id, original.IssuingUnitId, original.Recipient),
            (corrected.Kind, corrected.CorrectsId, corrected.IssuingUnitId, corrected.Recipient));
        Assert.NotEqual(original.Number, corrected.Number);
        var values = corrected.FieldValues();
        Assert.Equal(("可依法申请复查", original.Number, "救济途径写错了", corrected.Number),
            (values["救济途径"], values[Lifecycle.CorrectsField], values[Lifecycle.CorrectionReasonField], values["文号"]));
        Assert.Equal(original.FieldValues()["信访人"], values["信访人"]);
        Assert.Equal((fields, sha), (original.Fields, original.Sha256)); // the corrected one stays as issued
        Assert.Equal(MatterStatus.Accepted, matter.Status);
        Assert.Equal(new ReissueDetails(original.Id, original.Number) { Kind = NoticeKind.AcceptanceNotice }, change.Details);
    }

    [Fact]
    public void A_superseded_notice_is_neither_delivered_nor_corrected_again()
    {
        var matter = AMatter().Transferred().Accepted().Build();
        var original = matter.Notices.Single(n => n.Kind == NoticeKind.AcceptanceNotice);
        Decisions.Do(matter, new Reissue(original.Id, "日期有误"), Org.Handler);

        var again = Decisions.Refused(matter, new Reissue(original.Id, "再次更正"), Org.Handler);
        var deliver = Decisions.Refused(matter, new Deliver(original.Id, DeliveryMethod.Post), Org.Handler);

        Assert.Equal(("notice.already-corrected", ErrorKind.Conflict), (again.Code, again.Kind));
        Assert.Equal(("notice.superseded", ErrorKind.Conflict), (deliver.Code, deliver.Kind));
        Assert.DoesNotContain(original.Id, Lifecycle.Deliverable(matter, Org.Context(Org.Handler)).Select(n => n.Id));
        Assert.Contains(matter.Notices[^1].Id, Lifecycle.Deliverable(matter, Org.Context(Org.Handler)).Select(n => n.Id));
        // The correction itself may be corrected in its turn.
        Decisions.Do(matter, new Reissue(matter.Notices[^1].Id, "仍有错误"), Org.Handler);
        Assert.Equal(matter.Notices[^2].Id, matter.Notices[^1].CorrectsId);
    }

    [Fact]
    public void Only_the_issuing_unit_corrects_a_notice()
    {
        var matter = AMatter().Transferred().Accepted().Build();
        var bureaus = matter.Notices.First(n => n.Kind == NoticeKind.TransferNotice);
        var units = matter.Notices.Single(n => n.Kind == NoticeKind.AcceptanceNotice);

        Assert.Equal("matter.forbidden", Decisions.Refused(matter, new Reissue(bureaus.Id, "错误"), Org.Handler).Code);
        Assert.Equal("matter.forbidden", Decisions.Refused(matter, new Reissue(units.Id, "错误"), Org.Registrar).Code);
    }

    [Theory]
    [InlineData(null, null, null, "notice.correction-reason-required")]
    [InlineData("  ", null, null, "notice.correction-reason-required")]
    [InlineData("原因", "文号", "阎信受〔2026〕1号", "notice.field-not-correctable")]
    [InlineData("原因", "不存在的字段", "x", "notice.field-not-correctable")]
    [InlineData("原因", "救济途径", " ", "notice.correction-value-invalid")]
    public void A_correction_without_reason_or_with_a_wrong_field_is_refused(string? reason, string? field, string? value, string code)
    {
        var matter = AMatter().Transferred().Accepted().Build();
        var units = matter.Notices.Single(n => n.Kind == NoticeKind.AcceptanceNotice);
        var count = matter.Notices.Count;

        var error = Decisions.Refused(matter, new Reissue(units.Id, reason, field is null ? null : [new FieldCorrection(field, value)]), Org.Handler);

        Assert.Equal((code, ErrorKind.Validation), (error.Code, error.Kind));
        Assert.Equal(count, matter.Notices.Count);
    }

    [Fact]
    public void Issuing_the_same_notice_twice_without_a_correction_stays_refused()
    {
        var matter = AMatter().Transferred().Accepted().Build();

        var error = Decisions.Refused(matter, new Accept(), Org.Handler);

        Assert.Equal("matter.action-not-allowed", error.Code);
        Assert.Single(matter.Notices, n => n.Kind == NoticeKind.AcceptanceNotice);
    }

    [Fact]
    public void A_notice_of_another_matter_is_not_found()
    {
        var matter = AMatter().Transferred().Accepted().Build();

        Assert.Equal("notice.not-found", Decisions.Refused(matter, new Reissue(Guid.NewGuid(), "错误"), Org.Handler).Code);
    }
}
