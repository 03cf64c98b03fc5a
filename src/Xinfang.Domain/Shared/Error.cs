namespace Xinfang.Domain.Shared;

/// <summary>How an expected failure maps onto HTTP; the web layer turns it into a problem detail in one place.</summary>
public enum ErrorKind
{
    /// <summary>The request is malformed or a field is invalid (400/422).</summary>
    Validation,
    /// <summary>The request is well-formed but a rule of law or procedure refuses it (422).</summary>
    Rule,
    /// <summary>The action is not allowed in the current state (409).</summary>
    Conflict,
    /// <summary>Not found, or outside the caller's scope (404).</summary>
    NotFound,
    /// <summary>The caller is not who they claim to be: wrong password, no valid token (401).</summary>
    Unauthorized,
    /// <summary>The caller's role may not do this (403).</summary>
    Forbidden,
    /// <summary>The caller acted on a stale version (412).</summary>
    Stale,
}

/// <summary>
/// An expected failure: data, not an exception. <see cref="Code"/> is stable and machine-readable
/// (e.g. <c>matter.action-not-allowed</c>); <see cref="Title"/> and <see cref="Detail"/> are Chinese and tell the
/// user what happened and what to do.
/// </summary>
public sealed record Error(ErrorKind Kind, string Code, string Title, string Detail)
{
    /// <summary>Field errors, keyed by the request field name (camelCase), for validation failures.</summary>
    public IReadOnlyDictionary<string, string[]>? Fields { get; init; }

    /// <summary>Extra machine-readable members of the problem detail, e.g. <c>allowedActions</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public static Error Validation(string code, string detail, string field) =>
        new(ErrorKind.Validation, code, "提交的内容有误", detail) { Fields = new Dictionary<string, string[]> { [field] = [detail] } };

    public static Error Validation(string code, string detail, IReadOnlyDictionary<string, string[]>? fields = null) =>
        new(ErrorKind.Validation, code, "提交的内容有误", detail) { Fields = fields };

    public static Error Rule(string code, string title, string detail) => new(ErrorKind.Rule, code, title, detail);

    public static Error Conflict(string code, string title, string detail) => new(ErrorKind.Conflict, code, title, detail);

    public static Error NotFound(string code, string detail) => new(ErrorKind.NotFound, code, "未找到", detail);

    public static Error Forbidden(string code, string detail) => new(ErrorKind.Forbidden, code, "无权操作", detail);

    public Error With(string key, object? value)
    {
        var extensions = Extensions is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(Extensions);
        extensions[key] = value;
        return this with { Extensions = extensions };
    }
}
