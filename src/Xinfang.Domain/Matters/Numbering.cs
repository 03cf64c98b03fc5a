using System.Globalization;
using Xinfang.Domain.Organisation;

namespace Xinfang.Domain.Matters;

/// <summary>
/// The shapes of the two numbers a matter carries. The sequence itself comes from a counter kept in the database,
/// gap-free per scope (a registering unit and year; an issuing unit, notice mark and year), because only the database
/// can hand out the next one safely to several servers at once.
/// </summary>
public static class Numbering
{
    /// <summary>The counter scope of matter numbers: one run per registering unit and year.</summary>
    public static string MatterScope(Unit unit, int year) => $"matter:{unit.Id}:{year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>信访事项编号, e.g. 610114-2025-000123: the unit's administrative code, the year, six digits.</summary>
    public static string MatterNumber(Unit unit, int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{unit.Code}-{year}-{sequence:D6}");

    /// <summary>The counter scope of 文号: one run per issuing unit, kind of document and year.</summary>
    public static string NoticeScope(Unit issuer, NoticeKind kind, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"notice:{issuer.Id}:{kind.NumberMark()}:{year}");

    /// <summary>文号, e.g. 阎信受〔2025〕12号: the issuer's short name, the mark of the kind, the year in 〔〕, the number.</summary>
    public static string NoticeNumber(Unit issuer, NoticeKind kind, int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{issuer.Abbreviation}{kind.NumberMark()}〔{year}〕{sequence}号");
}
