namespace Xinfang.Web.Data.Audit;

/// <summary>
/// One row of the append-only audit trail: a change or a view of sensitive data. <see cref="Hash"/> covers the row
/// and <see cref="PreviousHash"/>, so editing or deleting any row breaks the chain from there on.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Gap-free, assigned under the chain lock; the primary key also forbids a fork of the chain.</summary>
    public long Sequence { get; set; }

    public DateTime At { get; set; }

    public string Actor { get; set; } = "";

    /// <summary><c>insert</c>, <c>update</c>, <c>delete</c>, <c>view</c>, or a named event such as <c>login-failed</c>.</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? Note { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
