namespace Xinfang.Domain.Organisation;

/// <summary>
/// A body of the organisation tree (责任单位/有权处理机关, the bureau itself, referral targets, superiors).
/// <see cref="ReviewBodyId"/> is the body one level above for 复查/复核 (第三十五条、第三十六条); it comes from data,
/// never from code, because local regulations decide it.
/// </summary>
public sealed class Unit
{
    private Unit()
    {
        Code = "";
        Name = "";
    }

    public Unit(Guid id, string code, string name, UnitKind kind, Guid? parentId, Guid? reviewBodyId, string? abbreviation = null)
    {
        Id = id;
        Code = code;
        Name = name;
        Abbreviation = string.IsNullOrWhiteSpace(abbreviation) ? name : abbreviation.Trim();
        Kind = kind;
        ParentId = parentId;
        ReviewBodyId = reviewBodyId;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    /// <summary>Administrative code; the registering unit's code prefixes matter numbers (610114-2025-000123).</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The short name at the head of the unit's document numbers (文号), e.g. 阎信 in 阎信受〔2025〕12号.</summary>
    public string Abbreviation { get; private set; } = "";

    public UnitKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    public Guid? ReviewBodyId { get; private set; }

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    public void Change(string code, string name, UnitKind kind, Guid? parentId, Guid? reviewBodyId, bool isActive, string? abbreviation = null)
    {
        Code = code;
        Name = name;
        Abbreviation = string.IsNullOrWhiteSpace(abbreviation) ? name : abbreviation.Trim();
        Kind = kind;
        ParentId = parentId;
        ReviewBodyId = reviewBodyId;
        IsActive = isActive;
        Version++;
    }
}
