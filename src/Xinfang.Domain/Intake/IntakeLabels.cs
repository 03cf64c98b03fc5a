namespace Xinfang.Domain.Intake;

// The Chinese labels shown to staff and printed on notices. Switches are exhaustive (CS8509 is an error), so a
// new enum member does not build until it has a label.
public static class IntakeLabels
{
    public static string ToChinese(this Channel channel) => channel switch
    {
        Channel.Letter => "来信",
        Channel.Visit => "来访",
        Channel.Phone => "来电",
        Channel.Online => "网上信访",
        Channel.Fax => "传真",
        Channel.Superior => "上级交转办",
        Channel.Hotline => "12345热线",
    };

    public static string ToChinese(this Purpose purpose) => purpose switch
    {
        Purpose.Suggestion => "建议意见",
        Purpose.Accusation => "检举控告",
        Purpose.Claim => "申诉求决",
    };

    public static string ToChinese(this MatterFlag flag) => flag switch
    {
        MatterFlag.Urgent => "紧急",
        MatterFlag.OverLevel => "越级",
        MatterFlag.Collective => "集体访",
        MatterFlag.Threat => "扬言",
        MatterFlag.LawRelated => "涉法涉诉",
        MatterFlag.FirstTime => "初信初访",
    };

    public static string ToChinese(this Sex sex) => sex switch
    {
        Sex.Male => "男",
        Sex.Female => "女",
    };
}
