namespace Xinfang.Domain.Intake;

// A node of the content taxonomy (内容分类). Level 1 has no parent; a level-2 code is "parent.child".
public sealed record Category(string Code, string Name, string? ParentCode);
