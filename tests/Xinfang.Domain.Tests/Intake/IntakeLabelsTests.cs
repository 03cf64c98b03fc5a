using Xinfang.Domain.Intake;

namespace Xinfang.Domain.Tests.Intake;

public sealed class IntakeLabelsTests
{
    [Theory]
    [InlineData(Channel.Letter, "来信")]
    [InlineData(Channel.Visit, "来访")]
    [InlineData(Channel.Phone, "来电")]
    [InlineData(Channel.Online, "网上信访")]
    [InlineData(Channel.Fax, "传真")]
    [InlineData(Channel.Superior, "上级交转办")]
    [InlineData(Channel.Hotline, "12345热线")]
    public void Every_channel_has_its_Chinese_label(Channel channel, string label) =>
        Assert.Equal(label, channel.ToChinese());

    [Theory]
    [InlineData(Purpose.Suggestion, "建议意见")]
    [InlineData(Purpose.Accusation, "检举控告")]
    [InlineData(Purpose.Claim, "申诉求决")]
    public void Every_purpose_has_its_Chinese_label(Purpose purpose, string label) =>
        Assert.Equal(label, purpose.ToChinese());

    [Theory]
    [InlineData(MatterFlag.Urgent, "紧急")]
    [InlineData(MatterFlag.OverLevel, "越级")]
    [InlineData(MatterFlag.Collective, "集体访")]
    [InlineData(MatterFlag.Threat, "扬言")]
    [InlineData(MatterFlag.LawRelated, "涉法涉诉")]
    [InlineData(MatterFlag.FirstTime, "初信初访")]
    public void Every_flag_has_its_Chinese_label(MatterFlag flag, string label) =>
        Assert.Equal(label, flag.ToChinese());

    [Fact]
    public void Sexes_are_labelled_as_on_an_identity_card()
    {
        Assert.Equal("男", Sex.Male.ToChinese());
        Assert.Equal("女", Sex.Female.ToChinese());
    }

    [Fact]
    public void Member_names_stay_as_the_web_layer_serializes_them()
    {
        // The API writes enums in kebab-case (over-level, law-related, first-time): renaming a member changes the contract.
        Assert.Equal(["Letter", "Visit", "Phone", "Online", "Fax", "Superior", "Hotline"], Enum.GetNames<Channel>());
        Assert.Equal(["Suggestion", "Accusation", "Claim"], Enum.GetNames<Purpose>());
        Assert.Equal(["Urgent", "OverLevel", "Collective", "Threat", "LawRelated", "FirstTime"], Enum.GetNames<MatterFlag>());
    }
}
