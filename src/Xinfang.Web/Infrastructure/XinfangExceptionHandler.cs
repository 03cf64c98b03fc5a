using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Xinfang.Web.Infrastructure;

/// <summary>
/// Exceptions are for bugs, with two exceptions of the framework's own making: a body that is not valid JSON
/// (400, saying which field) and a lost optimistic-concurrency race (412). Everything else is a 500 that is logged.
/// </summary>
public sealed class XinfangExceptionHandler(IProblemDetailsService problems, ILogger<XinfangExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        var (status, code, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (400, "request.malformed", "请求格式不正确", DescribeJson(json)),
            BadHttpRequestException bad when bad.StatusCode == 413 => (413, "request.too-large", "请求内容过大", "提交的内容超过了允许的大小。"),
            BadHttpRequestException bad => (bad.StatusCode, "request.malformed", "请求格式不正确", DescribeParameter(bad.Message)),
            JsonException json => (400, "request.malformed", "请求格式不正确", DescribeJson(json)),
            DbUpdateConcurrencyException => (412, "concurrency.stale", "数据已被修改", "该记录刚被他人修改，请刷新后重试。"),
            _ => (500, "server.error", "服务器内部错误", "服务器处理请求时出错，请稍后重试；如持续出现请联系系统管理员。"),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
        }
        else
        {
            logger.LogInformation("Refused {Method} {Path}: {Code} ({Message})", http.Request.Method, http.Request.Path, code, exception.Message);
        }

        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        if (MissingFields(exception) is { Count: > 0 } missing)
        {
            // A required field left out is a field error like any other: say which, in the shape of "errors".
            problem.Extensions["code"] = "request.invalid";
            problem.Title = "提交的内容有误";
            problem.Extensions["errors"] = missing.ToDictionary(f => f, f => new[] { $"缺少必填字段 {f}。" });
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Names the query or route parameter that could not be read, e.g. <c>start</c> in /calendar/due?start=2025-13-40.</summary>
    private static string DescribeParameter(string message)
    {
        var parameter = System.Text.RegularExpressions.Regex.Match(message, "parameter \"[^\"]*? (\\w+)\" from \"([^\"]*)\"");
        if (parameter.Success)
        {
            return $"参数 {parameter.Groups[1].Value} 的值“{parameter.Groups[2].Value}”格式不正确。";
        }

        var required = System.Text.RegularExpressions.Regex.Match(message, "Required parameter \"[^\"]*? (\\w+)\" was not provided");
        return required.Success ? $"缺少必填参数 {required.Groups[1].Value}。" : "请求无法解析：缺少必填参数，或参数格式不正确。";
    }

    private static List<string> MissingFields(Exception exception)
    {
        var json = exception as JsonException ?? exception.InnerException as JsonException;
        var missing = json is null ? null : System.Text.RegularExpressions.Regex.Match(json.Message, "missing required properties including: (.+)\\.");
        return missing is { Success: true }
            ? missing.Groups[1].Value.Split(',').Select(f => f.Trim().Trim('\'')).ToList()
            : [];
    }

    private static string DescribeJson(JsonException json)
    {
        if (MissingFields(json) is { Count: > 0 } missing)
        {
            return $"缺少必填字段：{string.Join("、", missing)}。";
        }

        var path = json.Path is { Length: > 2 } p ? p.TrimStart('$', '.') : null;
        return path is null
            ? "请求体不是有效的 JSON，请检查括号、引号和逗号。"
            : $"字段 {path} 的值无法识别：类型或取值不正确。";
    }
}
