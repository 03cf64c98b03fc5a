namespace Xinfang.Domain.Intake;

// The matter being registered, as far as repeat detection needs it. Identity numbers and phones are best passed
// in their normal forms (IdNumberInfo.Normalized, PhoneNumber.Normalize).
public sealed record RepeatProbe(
    IReadOnlyList<string> IdNumbers,
    IReadOnlyList<string> Phones,
    string? CategoryCode,
    Guid? LocationUnitId,
    string Title,
    string Content);
