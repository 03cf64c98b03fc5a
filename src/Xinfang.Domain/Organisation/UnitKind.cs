namespace Xinfang.Domain.Organisation;

/// <summary>What a unit of the organisation tree is, which decides what the procedure may send to it.</summary>
public enum UnitKind
{
    /// <summary>信访部门: registers, transfers, assigns and supervises (《信访工作条例》第十四条).</summary>
    Bureau,
    /// <summary>街道办事处.</summary>
    Street,
    /// <summary>镇人民政府.</summary>
    Town,
    /// <summary>区政府工作部门.</summary>
    Department,
    /// <summary>政法机关 (法院、检察院、公安): litigation-related matters (第二十二条第二款).</summary>
    PoliticalLegal,
    /// <summary>纪检监察机关: accusations within its remit (第二十二条第二款, 第三十条).</summary>
    Discipline,
    /// <summary>区委、区政府: the review body of district departments.</summary>
    Government,
    /// <summary>上级机关 (市信访局、市政府): above the district.</summary>
    Superior,
}

public static class UnitKinds
{
    public static string ToChinese(this UnitKind kind) => kind switch
    {
        UnitKind.Bureau => "信访部门",
        UnitKind.Street => "街道",
        UnitKind.Town => "镇",
        UnitKind.Department => "区直部门",
        UnitKind.PoliticalLegal => "政法机关",
        UnitKind.Discipline => "纪检监察机关",
        UnitKind.Government => "党委政府",
        UnitKind.Superior => "上级机关",
    };

    /// <summary>Units with power to accept and handle a transferred or assigned matter (第二十二条第一款).</summary>
    public static bool CanHandle(this UnitKind kind) => kind switch
    {
        UnitKind.Street or UnitKind.Town or UnitKind.Department or UnitKind.Government => true,
        UnitKind.Bureau or UnitKind.PoliticalLegal or UnitKind.Discipline or UnitKind.Superior => false,
    };

    /// <summary>Referral targets outside the petition track (第二十二条第二款).</summary>
    public static bool IsReferralTarget(this UnitKind kind) => kind is UnitKind.PoliticalLegal or UnitKind.Discipline;
}
