namespace Xinfang.Domain.Prevention;

/// <summary>风险等级 of a dispute on the screening ledger (矛盾纠纷排查化解台账).</summary>
public enum RiskLevel
{
    Low,
    Medium,
    High,
    Major,
}

/// <summary>来源: how the dispute came to the ledger.</summary>
public enum LedgerSource
{
    /// <summary>排查: found in a screening round.</summary>
    Screening,
    /// <summary>网格上报: reported by a grid worker.</summary>
    Grid,
    /// <summary>来信来访: came up in a letter or visit.</summary>
    Petition,
    /// <summary>12345 热线.</summary>
    Hotline,
    /// <summary>上级交办.</summary>
    Superior,
}

/// <summary>化解状态. <see cref="Resolved"/> and <see cref="BecamePetition"/> close the item.</summary>
public enum LedgerStatus
{
    Unresolved,
    Resolving,
    Resolved,
    BecamePetition,
}

/// <summary>排查周期: a round of screening in which every unit reports, or reports that it found nothing (零报告).</summary>
public enum RoundKind
{
    Weekly,
    Monthly,
    Special,
}

/// <summary>The Chinese names of the ledger's terms: shown on pages and in the Excel layout, and read back on import.</summary>
public static class LedgerLabels
{
    public static string ToChinese(this RiskLevel risk) => risk switch
    {
        RiskLevel.Low => "低",
        RiskLevel.Medium => "中",
        RiskLevel.High => "高",
        RiskLevel.Major => "重大",
    };

    public static string ToChinese(this LedgerSource source) => source switch
    {
        LedgerSource.Screening => "排查",
        LedgerSource.Grid => "网格上报",
        LedgerSource.Petition => "来信来访",
        LedgerSource.Hotline => "12345",
        LedgerSource.Superior => "上级交办",
    };

    public static string ToChinese(this LedgerStatus status) => status switch
    {
        LedgerStatus.Unresolved => "未化解",
        LedgerStatus.Resolving => "化解中",
        LedgerStatus.Resolved => "已化解",
        LedgerStatus.BecamePetition => "已转信访",
    };

    public static string ToChinese(this RoundKind kind) => kind switch
    {
        RoundKind.Weekly => "每周排查",
        RoundKind.Monthly => "每月排查",
        RoundKind.Special => "专项排查",
    };

    public static bool IsClosed(this LedgerStatus status) => status is LedgerStatus.Resolved or LedgerStatus.BecamePetition;

    public static RiskLevel? ParseRisk(string? text) => Parse<RiskLevel>(text, ToChinese);

    public static LedgerSource? ParseSource(string? text) => Parse<LedgerSource>(text, ToChinese);

    public static LedgerStatus? ParseStatus(string? text) => Parse<LedgerStatus>(text, ToChinese);

    private static T? Parse<T>(string? text, Func<T, string> label) where T : struct, Enum
    {
        var value = text?.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (label(candidate) == value)
            {
                return candidate;
            }
        }

        return null;
    }
}
