namespace Xinfang.Domain.Intake;

// Normalized is always the 18-character form (a legacy 15-digit number is upgraded) and is what gets stored.
public sealed record IdNumberInfo(string Normalized, string RegionCode, DateOnly BirthDate, Sex Sex, bool UpgradedFromLegacy);
