using System.Globalization;
using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>The fault back doors: list, add and remove the rules that make a project's endpoints fail, stall or drop.</summary>
internal static class FaultEndpoints
{
    private const string Path = AdminEndpoints.Project + "/faults";

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("admin.faults.list", Path, List, Access.Admin),
        Endpoint.Post("admin.faults.add", Path, AdminRequestJson.Default.AddFaultRequest, Add, Access.Admin),
        Endpoint.Delete("admin.faults.clear", Path, Clear, Access.Admin),
        Endpoint.Delete("admin.faults.remove", Path + "/{fault_id}", Remove, Access.Admin),
    ];

    private static ApiResponse List(ApiCall call) => ApiResponse.Plain(200, w =>
    {
        w.WritePropertyName("faults");
        w.WriteStartArray();
        foreach (var rule in call.Project.Faults.All)
        {
            w.WriteStartObject();
            WriteFields(w, rule);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static ApiResponse Add(ApiCall call, AddFaultRequest request)
    {
        Check(request);
        var latency = request.LatencyMs ?? 0;
        FaultRuleBuilder builder;
        try
        {
            // Endpoint is [BodyRequired]: never null once bound.
            builder = request.Probability is { } p ? call.Project.Faults.Sometimes(request.Endpoint!, p)
                : request.Times is { } n ? call.Project.Faults.Next(request.Endpoint!, n)
                : call.Project.Faults.Always(request.Endpoint!);
        }
        catch (ArgumentException e)
        {
            throw AdminEndpoints.InvalidArgument(e);
        }

        if (request.EmailAddress is { } email)
        {
            builder.ForEmail(email);
        }

        builder.WithLatency(TimeSpan.FromMilliseconds(latency));
        FaultRule rule;
        if (request.ErrorType is { } errorType)
        {
            rule = builder.Fail(StytchError.Find(errorType) ?? throw Validate.BadRequest($"Unknown error_type '{errorType}'."));
        }
        else if (request.StatusCode is { } code)
        {
            rule = builder.Respond(code, request.Body ?? "");
        }
        else if (request.DropConnection == true)
        {
            rule = builder.DropConnection();
        }
        else if (latency > 0)
        {
            rule = builder.Delay(TimeSpan.FromMilliseconds(latency));
        }
        else
        {
            throw Validate.BadRequest("Say what happens: error_type, status_code (with body), drop_connection or latency_ms.");
        }

        return ApiResponse.Plain(201, w => WriteFields(w, rule));
    }

    /// <summary>Which members go together, and their ranges, in the order they are checked.</summary>
    private static void Check(AddFaultRequest request)
    {
        var (status, latency, times, probability) = (request.StatusCode, request.LatencyMs ?? 0, request.Times, request.Probability);
        if ((request.ErrorType is not null ? 1 : 0) + (status is not null ? 1 : 0) + (request.DropConnection == true ? 1 : 0) > 1)
        {
            throw Validate.BadRequest("Give at most one of error_type, status_code and drop_connection.");
        }

        if (times is not null && probability is not null)
        {
            throw Validate.BadRequest("Give times or probability, not both.");
        }

        if (latency is < 0 or > 60_000)
        {
            throw Validate.BadRequest($"latency_ms must be 0..60000 (got {latency}).");
        }

        if (times is < 1)
        {
            throw Validate.BadRequest($"times must be at least 1 (got {times}).");
        }

        if (probability is < 0 or > 1)
        {
            throw Validate.BadRequest(string.Create(CultureInfo.InvariantCulture, $"probability must be 0..1 (got {probability})."));
        }

        if (status is < 100 or > 599)
        {
            throw Validate.BadRequest($"status_code must be 100..599 (got {status}).");
        }
    }

    private static ApiResponse Clear(ApiCall call)
    {
        call.Project.Faults.Clear();
        return ApiResponse.Plain(200, w => w.WriteNumber("faults", 0));
    }

    private static ApiResponse Remove(ApiCall call) =>
        call.Project.Faults.Remove(call.PathValues["fault_id"])
            ? ApiResponse.Plain(200, w => w.WriteString("fault_id", call.PathValues["fault_id"]))
            : throw new StytchException(StytchError.FaultNotFound);

    private static void WriteFields(Utf8JsonWriter w, FaultRule rule)
    {
        w.WriteString("fault_id", rule.Id);
        w.WriteString("endpoint", rule.Endpoint);
        w.WriteString("email_address", rule.EmailAddress);
        w.WriteString("action", rule.Action switch
        {
            FaultAction.Error => "error",
            FaultAction.Raw => "raw",
            FaultAction.DropConnection => "drop_connection",
            _ => "delay",
        });
        w.WriteString("error_type", rule.Error?.ErrorType);
        w.WriteNumber("status_code", rule.StatusCode);
        w.WriteString("body", rule.Body);
        w.WriteNumber("latency_ms", (long)rule.Latency.TotalMilliseconds);
        if (rule.Remaining is { } remaining)
        {
            w.WriteNumber("times", remaining);
        }
        else
        {
            w.WriteNull("times");
        }

        if (rule.Probability is { } probability)
        {
            w.WriteNumber("probability", probability);
        }
        else
        {
            w.WriteNull("probability");
        }
    }
}
