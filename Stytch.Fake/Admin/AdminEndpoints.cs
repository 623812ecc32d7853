using System.Globalization;
using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Faults;
using Stytch.Fake.Http;

namespace Stytch.Fake.Admin;

/// <summary>
/// The back doors under <c>/_fake/v1/</c>: read what was sent, move the clock, manage projects.
/// They act on the same objects as the in-process API, so both always agree.
/// </summary>
internal static class AdminEndpoints
{
    /// <summary>The path of one project's back doors.</summary>
    internal const string Project = "/_fake/v1/projects/{project_id}";

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("admin.health", "/_fake/v1/health", Health, Access.Admin),
        Endpoint.Get("admin.endpoints", "/_fake/v1/endpoints", CoverageEndpoint.List, Access.Admin),
        Endpoint.Get("admin.projects.list", "/_fake/v1/projects", ListProjects, Access.Admin),
        Endpoint.Post("admin.projects.create", "/_fake/v1/projects", ["project_id", "secret", "seed", "live", "strict_fields"], CreateProject, Access.Admin),
        Endpoint.Get("admin.projects.get", Project, GetProject, Access.Admin),
        Endpoint.Post("admin.projects.reset", Project + "/reset", [], Reset, Access.Admin),
        Endpoint.Get("admin.outbox.list", Project + "/outbox", ListOutbox, Access.Admin),
        Endpoint.Delete("admin.outbox.clear", Project + "/outbox", ClearOutbox, Access.Admin),
        .. ClockEndpoints.All(),
        Endpoint.PostAsync("admin.keys.rotate", Project + "/keys/rotate", [], RotateKeys, Access.Admin),
        Endpoint.PostAsync("admin.keys.remove_old", Project + "/keys/remove_old", [], RemoveOldKeys, Access.Admin),
        Endpoint.Get("admin.requests.list", Project + "/requests", ListRequests, Access.Admin),
        Endpoint.GetAsync("admin.snapshot.export", Project + "/snapshot", ExportSnapshot, Access.Admin),
        Endpoint.PutDocument("admin.snapshot.import", Project + "/snapshot", ImportSnapshot, Access.Admin),
        Endpoint.Post("admin.seed", Project + "/seed", ["organizations", "users"], SeedEndpoint.Seed, Access.Admin),
        Endpoint.Get("admin.rate_limits.get", Project + "/rate_limits", GetRateLimits, Access.Admin),
        Endpoint.Post("admin.rate_limits.set", Project + "/rate_limits",
            ["enabled", "per_email_limit", "per_email_window_seconds", "per_endpoint_limit", "per_endpoint_window_seconds"],
            SetRateLimits, Access.Admin),
        Endpoint.Get("admin.faults.list", Project + "/faults", ListFaults, Access.Admin),
        Endpoint.Post("admin.faults.add", Project + "/faults",
            ["endpoint", "email_address", "error_type", "status_code", "body", "drop_connection", "latency_ms", "times", "probability"],
            AddFault, Access.Admin),
        Endpoint.Delete("admin.faults.clear", Project + "/faults", ClearFaults, Access.Admin),
        Endpoint.Delete("admin.faults.remove", Project + "/faults/{fault_id}", RemoveFault, Access.Admin),
        .. StateEndpoints.All(),
        .. InboxPage.All(),
    ];

    private static ApiResponse Health(ApiCall call) => ApiResponse.Plain(200, w =>
    {
        w.WriteString("status", "ok");
        w.WriteNumber("projects", call.Registry.All.Count);
    });

    private static ApiResponse ListProjects(ApiCall call) => ApiResponse.Plain(200, w =>
    {
        w.WritePropertyName("projects");
        w.WriteStartArray();
        foreach (var project in call.Registry.All.OrderBy(p => p.ProjectId, StringComparer.Ordinal))
        {
            WriteProject(w, project);
        }

        w.WriteEndArray();
    });

    private static ApiResponse CreateProject(ApiCall call)
    {
        var body = call.Json;
        StytchFakeProject project;
        try
        {
            project = call.Registry.Add(new StytchProjectOptions
            {
                ProjectId = body.String("project_id"),
                Secret = body.String("secret"),
                Seed = body.Int("seed"),
                Live = body.Bool("live") ?? false,
                StrictFields = body.Bool("strict_fields") ?? false,
            });
        }
        catch (ArgumentException e)
        {
            // The project's own checks: a malformed project_id or secret, or an id already taken.
            throw InvalidArgument(e);
        }

        return ApiResponse.Plain(201, w => WriteProjectFields(w, project));
    }

    private static ApiResponse GetProject(ApiCall call) => ApiResponse.Plain(200, w => WriteProjectFields(w, call.Project));

    // The project is reset even when a timer the clock fired on the way back threw: 200, with the errors listed.
    private static ApiResponse Reset(ApiCall call)
    {
        var errors = call.Project.ResetCollectingErrors();
        return ApiResponse.Plain(200, w =>
        {
            WriteProjectFields(w, call.Project);
            ClockEndpoints.WriteTimerErrors(w, errors);
        });
    }

    private static ApiResponse ListOutbox(ApiCall call)
    {
        var email = call.Query("email_address");
        var messages = email is null ? call.Project.Outbox.All : call.Project.Outbox.For(email);
        return ApiResponse.Plain(200, w =>
        {
            w.WritePropertyName("messages");
            w.WriteStartArray();
            foreach (var message in messages)
            {
                JsonSerializer.Serialize(w, WireOutboxMessage.From(message), WireJsonContext.Default.WireOutboxMessage);
            }

            w.WriteEndArray();
        });
    }

    private static ApiResponse ClearOutbox(ApiCall call)
    {
        call.Project.Outbox.Clear();
        return ApiResponse.Plain(200, w => w.WriteNumber("messages", 0));
    }

    private static async ValueTask<ApiResponse> RotateKeys(ApiCall call)
    {
        var key = await call.Project.Jwts.Keys.RotateAsync().ConfigureAwait(false);
        return ApiResponse.Plain(200, w => w.WriteString("kid", key.Kid));
    }

    private static async ValueTask<ApiResponse> RemoveOldKeys(ApiCall call)
    {
        await call.Project.Jwts.Keys.CurrentAsync().ConfigureAwait(false);
        call.Project.RemoveOldSigningKeys();
        return ApiResponse.Plain(200, w => w.WriteString("kid", call.Project.Jwts.Keys.Current.Kid));
    }

    private static ApiResponse ListRequests(ApiCall call) => ApiResponse.Plain(200, w =>
    {
        w.WritePropertyName("requests");
        w.WriteStartArray();
        foreach (var r in call.Project.Requests.All.Reverse())
        {
            w.WriteStartObject();
            w.WriteString("method", r.Method);
            w.WriteString("path", r.Path);
            w.WriteNumber("status_code", r.StatusCode);
            w.WriteString("error_type", r.ErrorType);
            w.WriteString("error_message", r.ErrorMessage);
            w.WriteString("request_id", r.RequestId);
            w.WriteString("at", WireJson.Time(r.At));
            w.WritePropertyName("ignored_fields");
            w.WriteStartArray();
            foreach (var field in r.IgnoredFields)
            {
                w.WriteStringValue(field);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static async ValueTask<ApiResponse> ExportSnapshot(ApiCall call)
    {
        // The snapshot holds the signing keys: have the first one made without holding a request thread.
        await call.Project.Jwts.Keys.CurrentAsync().ConfigureAwait(false);
        return new(200, System.Text.Encoding.UTF8.GetBytes(call.Project.ExportSnapshot()));
    }

    private static ApiResponse ImportSnapshot(ApiCall call)
    {
        var errors = call.Project.ImportSnapshotCollectingErrors(call.BodyText);
        return ApiResponse.Plain(200, w =>
        {
            WriteProjectFields(w, call.Project);
            w.WriteNumber("users", call.Project.State.UserCount);
            ClockEndpoints.WriteTimerErrors(w, errors);
        });
    }

    private static ApiResponse GetRateLimits(ApiCall call) => RateLimitsResponse(call.Project.RateLimits);

    private static ApiResponse SetRateLimits(ApiCall call)
    {
        var body = call.Json;
        var limits = call.Project.RateLimits;
        static RateLimit Merge(RateLimit current, string prefix, int? limit, double? seconds) =>
            limit is < 1 ? throw Validate.BadRequest($"{prefix}_limit must be at least 1 (got {limit}).")
            : seconds is <= 0 or > 86_400 ? throw Validate.BadRequest(string.Create(CultureInfo.InvariantCulture,
                $"{prefix}_window_seconds must be more than 0 and at most 86400 (got {seconds})."))
            : new RateLimit(limit ?? current.Limit, seconds is { } s ? TimeSpan.FromSeconds(s) : current.Window);

        var perEmail = Merge(limits.PerEmail, "per_email", body.Int("per_email_limit"), body.Number("per_email_window_seconds"));
        var perEndpoint = Merge(limits.PerEndpoint, "per_endpoint", body.Int("per_endpoint_limit"), body.Number("per_endpoint_window_seconds"));
        limits.PerEmail = perEmail;
        limits.PerEndpoint = perEndpoint;
        if (body.Bool("enabled") is { } enabled)
        {
            limits.Enabled = enabled;
        }

        return RateLimitsResponse(limits);
    }

    private static ApiResponse RateLimitsResponse(RateLimiter limits) => ApiResponse.Plain(200, w =>
    {
        w.WriteBoolean("enabled", limits.Enabled);
        w.WriteNumber("per_email_limit", limits.PerEmail.Limit);
        w.WriteNumber("per_email_window_seconds", limits.PerEmail.Window.TotalSeconds);
        w.WriteNumber("per_endpoint_limit", limits.PerEndpoint.Limit);
        w.WriteNumber("per_endpoint_window_seconds", limits.PerEndpoint.Window.TotalSeconds);
    });

    private static ApiResponse ListFaults(ApiCall call) => ApiResponse.Plain(200, w =>
    {
        w.WritePropertyName("faults");
        w.WriteStartArray();
        foreach (var rule in call.Project.Faults.All)
        {
            WriteFault(w, rule);
        }

        w.WriteEndArray();
    });

    private static ApiResponse AddFault(ApiCall call)
    {
        var body = call.Json;
        var endpoint = body.String("endpoint") ?? throw Validate.BadRequest("endpoint is required: an endpoint name such as otps.email.login_or_create, or *.");
        var errorType = body.String("error_type");
        var status = body.Int("status_code");
        var drop = body.Bool("drop_connection") ?? false;
        var latency = body.Int("latency_ms") ?? 0;
        var times = body.Int("times");
        var probability = body.Number("probability");
        var rawBody = body.String("body");
        if ((errorType is not null ? 1 : 0) + (status is not null ? 1 : 0) + (drop ? 1 : 0) > 1)
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

        FaultRuleBuilder builder;
        try
        {
            builder = probability is { } p ? call.Project.Faults.Sometimes(endpoint, p)
                : times is { } n ? call.Project.Faults.Next(endpoint, n)
                : call.Project.Faults.Always(endpoint);
        }
        catch (ArgumentException e)
        {
            throw InvalidArgument(e);
        }

        if (body.String("email_address") is { } email)
        {
            builder.ForEmail(email);
        }

        builder.WithLatency(TimeSpan.FromMilliseconds(latency));
        FaultRule rule;
        if (errorType is not null)
        {
            rule = builder.Fail(StytchError.Find(errorType) ?? throw Validate.BadRequest($"Unknown error_type '{errorType}'."));
        }
        else if (status is { } code)
        {
            rule = builder.Respond(code, rawBody ?? "");
        }
        else if (drop)
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

        return ApiResponse.Plain(201, w => WriteFaultFields(w, rule));
    }

    private static ApiResponse ClearFaults(ApiCall call)
    {
        call.Project.Faults.Clear();
        return ApiResponse.Plain(200, w => w.WriteNumber("faults", 0));
    }

    private static ApiResponse RemoveFault(ApiCall call) =>
        call.Project.Faults.Remove(call.PathValues["fault_id"])
            ? ApiResponse.Plain(200, w => w.WriteString("fault_id", call.PathValues["fault_id"]))
            : throw new StytchException(StytchError.FaultNotFound);

    private static void WriteFault(Utf8JsonWriter w, FaultRule rule)
    {
        w.WriteStartObject();
        WriteFaultFields(w, rule);
        w.WriteEndObject();
    }

    private static void WriteFaultFields(Utf8JsonWriter w, FaultRule rule)
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


    // An ArgumentException's Message ends in " (Parameter 'name')", which names a C# parameter the caller never saw.
    private static StytchException InvalidArgument(ArgumentException e) =>
        Validate.BadRequest(e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message);

    private static void WriteProject(Utf8JsonWriter w, StytchFakeProject project)
    {
        w.WriteStartObject();
        WriteProjectFields(w, project);
        w.WriteEndObject();
    }

    private static void WriteProjectFields(Utf8JsonWriter w, StytchFakeProject project)
    {
        w.WriteString("project_id", project.ProjectId);
        w.WriteString("secret", project.Secret);
        w.WriteBoolean("strict_fields", project.StrictFields);
    }
}
