using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>A registration form that passes every check; tests change one thing at a time with <c>with</c>.</summary>
internal static class Registrations
{
    // Made-up identity number (region 610114, born 1980-05-17, check digit computed).
    public const string IdNumber = "610114198005171233";

    public static readonly IReadOnlyList<string> Demands = ["补发拆迁补偿款", "公开补偿标准"];

    public static RegistrationInput Valid(DateOnly? receivedOn = null) => new(
        Channel.Letter,
        receivedOn ?? D("2025-03-03"),
        [new PetitionerInput("张三", IdNumber, "13812345678", "阎良区凤凰路 1 号")],
        Purpose.Claim,
        "拆迁补偿款未按时发放",
        "本人房屋于 2024 年被征收，补偿款至今未发放，补偿标准也未公开。",
        Demands: Demands,
        LocationUnitId: Org.StreetA.Id);

    public static PetitionerInput Person(int i, bool representative = false) =>
        new($"信访人{i}", Phone: $"1381234{i:D4}", IsRepresentative: representative);
}
