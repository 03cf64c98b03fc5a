namespace Xinfang.Domain.Matters;

/// <summary>The staff roles, as the domain knows them (API.md "Who").</summary>
public enum StaffRole
{
    Admin,
    Registrar,
    Supervisor,
    Handler,
    UnitHead,
    Leader,
    Director,
}

public static class StaffRoles
{
    /// <summary>The bureau's staff (登记员、督查员、局领导) drive the procedure and see every matter (第十四条).</summary>
    public static bool IsBureau(this StaffRole role) => role is StaffRole.Registrar or StaffRole.Supervisor or StaffRole.Director;
}

/// <summary>
/// Who may take an action, relative to the matter: the bureau's registrar, the handler or head of the unit that
/// holds the matter, the head of the review or recheck body, the petitioner (portal or registrar on their behalf),
/// or the system (the daily sweep).
/// </summary>
[Flags]
public enum Party
{
    None = 0,
    Registrar = 1,
    UnitHandler = 2,
    UnitHead = 4,
    ReviewHandler = 8,
    ReviewHead = 16,
    RecheckHandler = 32,
    RecheckHead = 64,
    Petitioner = 128,
    System = 256,

    /// <summary>The bureau's supervisor (督查员), on any matter: reverses a registrar's spam mark.</summary>
    Supervisor = 512,
}

/// <summary>Who is acting: their roles and their unit. The decision works out which <see cref="Party"/> they are.</summary>
public sealed record Actor(string Name, Guid UnitId, IReadOnlySet<StaffRole> Roles)
{
    public static Actor System { get; } = new("system", Guid.Empty, new HashSet<StaffRole>());

    /// <summary>A petitioner acting through the public portal with their query code.</summary>
    public static Actor Petitioner { get; } = new("petitioner", Guid.Empty, new HashSet<StaffRole>());

    public bool IsBureau => Roles.Any(r => r.IsBureau());

    public Party PartiesFor(Matter matter)
    {
        if (ReferenceEquals(this, System))
        {
            return Party.System;
        }

        if (ReferenceEquals(this, Petitioner))
        {
            return Party.Petitioner;
        }

        var parties = Party.None;
        if (Roles.Contains(StaffRole.Registrar))
        {
            // The registrar also acts for the petitioner who comes to the counter (API.md: evaluate, request-review).
            parties |= Party.Registrar | Party.Petitioner;
        }

        if (Roles.Contains(StaffRole.Supervisor))
        {
            parties |= Party.Supervisor;
        }

        parties |= For(matter.UnitId, Party.UnitHandler, Party.UnitHead);
        parties |= For(matter.ReviewBodyId, Party.ReviewHandler, Party.ReviewHead);
        parties |= For(matter.RecheckBodyId, Party.RecheckHandler, Party.RecheckHead);
        return parties;
    }

    private Party For(Guid? unitId, Party handler, Party head)
    {
        if (unitId != UnitId || unitId == Guid.Empty)
        {
            return Party.None;
        }

        return (Roles.Contains(StaffRole.Handler) ? handler : Party.None) | (Roles.Contains(StaffRole.UnitHead) ? head : Party.None);
    }
}
