namespace Xinfang.Domain.Matters;

/// <summary>
/// The person or unit an accusation (检举控告) is about. When the accused unit is in the organisation tree its id is
/// kept too: the matter is never transferred to it and the accuser's identity never shown to it (第三十条第三款).
/// </summary>
public sealed record Accused(string? Name, string? Unit, string? Position, Guid? UnitId);

/// <summary>A matter assigned by a higher level (上级交办): its number there and the due date it set.</summary>
public sealed record SuperiorAssignment(string Number, DateOnly? DueOn = null);
