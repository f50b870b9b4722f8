using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Magnesia.Web.Infrastructure;

/// <summary>
/// Turns request-binding failures (a query value that is not a number, say) into 400 ValidationProblem responses
/// that name the parameter, and any other exception into a plain 500 ProblemDetails without a stack trace.
/// </summary>
internal static partial class BadRequestProblems
{
    public static async Task HandleAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is BadHttpRequestException { InnerException: System.Text.Json.JsonException json } body)
        {
            // A body that is not the request's JSON shape: name the field the reader stopped at ("$.date" → "date").
            var path = json.Path is { Length: > 2 } p ? p.TrimStart('$', '.') : "body";
            var detail = json is Magnesia.Data.Contracts.InputRefusedException refused ? $"{path}: {refused.Message}." : $"{path} has a value of the wrong type or format.";
            await Results.ValidationProblem(new Dictionary<string, string[]> { [path] = [detail] }, statusCode: body.StatusCode)
                .ExecuteAsync(context);
            return;
        }

        if (error is BadHttpRequestException bad)
        {
            var match = BindFailure().Match(bad.Message);
            var field = match.Success ? match.Groups["name"].Value : "request";
            var detail = match.Success ? $"'{match.Groups["value"].Value}' is not a valid value for {field}." : bad.Message;
            await Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, statusCode: bad.StatusCode)
                .ExecuteAsync(context);
            return;
        }

        await Results.Problem(title: "Unexpected error", statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
    }

    // ASP.NET Core: Failed to bind parameter "int? limit" from "abc".
    [GeneratedRegex("""Failed to bind parameter "(?:[^"]*\s)?(?<name>[A-Za-z0-9_]+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex BindFailure();
}
