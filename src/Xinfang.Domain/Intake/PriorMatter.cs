namespace Xinfang.Domain.Intake;

// An earlier matter to compare against. Finalized: its 复核 has concluded, so the same facts and reasons are not
// accepted again (《信访工作条例》第三十六条第三款).
public sealed record PriorMatter(
    Guid MatterId,
    string Number,
    DateOnly ReceivedOn,
    IReadOnlyList<string> IdNumbers,
    IReadOnlyList<string> Phones,
    string? CategoryCode,
    Guid? LocationUnitId,
    string Title,
    string Content,
    bool Finalized);
