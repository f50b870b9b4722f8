using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Magnesia.Web.Infrastructure;

/// <summary>
/// Turns request-binding failures (a query value that is not a number, say) into 400 ValidationProblem responses
/// that name the parameter, and any other exception into a plain 500 ProblemDetails without a stack trace.
/// </summary>
/// <remarks>
/// The failing parameter is found from the endpoint's own handler signature — each route or query parameter's type is
/// asked to parse the value the request carried — not from the wording of ASP.NET's exception message.
/// </remarks>
internal static class BadRequestProblems
{
    public static async Task HandleAsync(HttpContext context)
    {
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        var error = feature?.Error;
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
            var (field, detail) = FailingParameter(feature!, context.Request) ?? ("request", "The request could not be read.");
            await Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, statusCode: bad.StatusCode)
                .ExecuteAsync(context);
            return;
        }

        await Results.Problem(title: "Unexpected error", statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
    }

    /// <summary>The first route or query parameter of the endpoint's handler whose value is missing or does not parse.</summary>
    internal static (string Field, string Detail)? FailingParameter(IExceptionHandlerFeature feature, HttpRequest request)
    {
        var handler = feature.Endpoint?.Metadata.GetMetadata<MethodInfo>();
        if (handler is null) return null;
        foreach (var parameter in handler.GetParameters())
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            var fromQuery = parameter.GetCustomAttribute<FromQueryAttribute>();
            var fromRoute = parameter.GetCustomAttribute<FromRouteAttribute>();
            var name = fromQuery?.Name ?? fromRoute?.Name ?? parameter.Name!;
            string? raw = feature.RouteValues?.TryGetValue(name, out var routeValue) == true
                ? Convert.ToString(routeValue, CultureInfo.InvariantCulture)
                : request.Query.TryGetValue(name, out var queryValue) ? queryValue.ToString() : null;
            var optional = parameter.HasDefaultValue || Nullable.GetUnderlyingType(parameter.ParameterType) is not null
                || new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable;
            if (string.IsNullOrEmpty(raw))
            {
                if (!optional && Parses(type, "") is not null) return (name, $"{name} is required.");
                continue;
            }
            if (Parses(type, raw) == false) return (name, $"'{raw}' is not a valid value for {name}.");
        }
        return null;
    }

    /// <summary>Whether <paramref name="raw"/> parses as <paramref name="type"/> the way minimal APIs bind it; null for types bound otherwise.</summary>
    private static bool? Parses(Type type, string raw)
    {
        if (type == typeof(string)) return true;
        if (type.IsEnum) return Enum.TryParse(type, raw, ignoreCase: true, out _);
        var withProvider = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        if (withProvider is not null)
            return (bool)withProvider.Invoke(null, [raw, CultureInfo.InvariantCulture, null])!;
        var plain = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
        return plain is null ? null : (bool)plain.Invoke(null, [raw, null])!;
    }
}
