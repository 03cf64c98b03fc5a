using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Xinfang.Domain.Shared;

namespace Xinfang.Web.Infrastructure;

/// <summary>
/// The one place where expected failures become RFC 9457 problem details, and where problems the framework writes
/// (404 for an unknown route, 401, 405, …) get a Chinese title and a stable <c>code</c> too.
/// </summary>
public static class Problems
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Rule => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Stale => StatusCodes.Status412PreconditionFailed,
    };

    public static ProblemHttpResult ToProblem(this Error error)
    {
        var problem = new ProblemDetails
        {
            Status = StatusOf(error.Kind),
            Title = error.Title,
            Detail = error.Detail,
        };
        problem.Extensions["code"] = error.Code;
        if (error.Fields is { Count: > 0 } fields)
        {
            problem.Extensions["errors"] = fields;
        }

        foreach (var (key, value) in error.Extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>Writes a problem from middleware, where there is no endpoint result to return.</summary>
    public static async Task WriteAsync(HttpContext http, int status, string code, string title, string detail,
                                        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary>Fills in what the framework leaves out: a stable code and a Chinese title and detail.</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation && !problem.Extensions.ContainsKey("code"))
        {
            // Field names as the client sent them (camelCase), and the messages themselves as the detail.
            var errors = validation.Errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value);
            validation.Errors.Clear();
            foreach (var (key, messages) in errors)
            {
                validation.Errors[key] = messages;
            }

            problem.Extensions["code"] = "request.invalid";
            problem.Title = "提交的内容有误";
            problem.Detail = string.Join(" ", errors.Values.SelectMany(m => m));
            return;
        }

        var (code, title, detail) = Default(problem.Status ?? StatusCodes.Status500InternalServerError);
        if (!problem.Extensions.ContainsKey("code"))
        {
            problem.Extensions["code"] = code;
            problem.Title = title;
            problem.Detail ??= detail;
        }

        if (problem.Detail is { } d && !ContainsChinese(d))
        {
            // Framework texts are English; keep them out of the user's way but not out of the logs.
            problem.Detail = detail;
        }
    }

    private static bool ContainsChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    public static (string Code, string Title, string Detail) Default(int status) => status switch
    {
        400 => ("request.malformed", "请求格式不正确", "请求无法解析，请检查提交的数据格式。"),
        401 => ("auth.required", "需要登录", "请先登录，或在 Authorization 头中提供有效的访问令牌。"),
        403 => ("auth.forbidden", "无权操作", "您的角色不能执行此操作。"),
        404 => ("not-found", "未找到", "请求的资源不存在，或不在您的查看范围内。"),
        405 => ("request.method-not-allowed", "请求方法不被允许", "该地址不支持此请求方法。"),
        406 => ("request.not-acceptable", "无法提供所需格式", "服务器无法以所请求的格式返回内容。"),
        409 => ("conflict", "操作冲突", "当前状态不允许此操作。"),
        412 => ("concurrency.stale", "数据已被修改", "该记录已被他人修改，请刷新后重试。"),
        413 => ("request.too-large", "请求内容过大", "提交的内容超过了允许的大小。"),
        415 => ("request.unsupported-media-type", "不支持的内容类型", "请以 application/json 提交。"),
        422 => ("request.invalid", "提交的内容有误", "请检查并更正提交的内容。"),
        429 => ("request.rate-limited", "请求过于频繁", "请稍后再试。"),
        _ when status >= 500 => ("server.error", "服务器内部错误", "服务器处理请求时出错，请稍后重试；如持续出现请联系系统管理员。"),
        _ => ("request.failed", "请求失败", "请求未能完成。"),
    };
}
