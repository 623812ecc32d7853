using System.Globalization;
using System.Text.Json;
using Stytch.Fake.Engine;
using Stytch.Fake.Http;

namespace Stytch.Fake.Admin;

/// <summary>
/// The back doors under <c>/_fake/v1/</c>: read what was sent, move the clock, manage projects.
/// They act on the same objects as the in-process API, so both always agree.
/// </summary>
internal static class AdminEndpoints
{
    private const string Project = "/_fake/v1/projects/{project_id}";

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("admin.health", "/_fake/v1/health", Health, Access.Admin),
        Endpoint.Get("admin.projects.list", "/_fake/v1/projects", ListProjects, Access.Admin),
        Endpoint.Post("admin.projects.create", "/_fake/v1/projects", ["project_id", "secret", "seed", "live"], CreateProject, Access.Admin),
        Endpoint.Get("admin.projects.get", Project, GetProject, Access.Admin),
        Endpoint.Post("admin.projects.reset", Project + "/reset", [], Reset, Access.Admin),
        Endpoint.Get("admin.outbox.list", Project + "/outbox", ListOutbox, Access.Admin),
        Endpoint.Delete("admin.outbox.clear", Project + "/outbox", ClearOutbox, Access.Admin),
        Endpoint.Get("admin.clock.get", Project + "/clock", GetClock, Access.Admin),
        Endpoint.Post("admin.clock.advance", Project + "/clock/advance", ["seconds"], AdvanceClock, Access.Admin),
        Endpoint.Post("admin.clock.set", Project + "/clock/set", ["now"], SetClock, Access.Admin),
        Endpoint.Post("admin.keys.rotate", Project + "/keys/rotate", [], RotateKeys, Access.Admin),
        Endpoint.Post("admin.keys.remove_old", Project + "/keys/remove_old", [], RemoveOldKeys, Access.Admin),
        Endpoint.Get("admin.requests.list", Project + "/requests", ListRequests, Access.Admin),
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
            });
        }
        catch (ArgumentException)
        {
            throw new StytchException(StytchError.BadRequest);
        }

        return ApiResponse.Plain(201, w => WriteProjectFields(w, project));
    }

    private static ApiResponse GetProject(ApiCall call) => ApiResponse.Plain(200, w => WriteProjectFields(w, call.Project));

    private static ApiResponse Reset(ApiCall call)
    {
        call.Project.Reset();
        return ApiResponse.Plain(200, w => WriteProjectFields(w, call.Project));
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

    private static ApiResponse GetClock(ApiCall call) => ClockResponse(call.Project.Clock);

    private static ApiResponse AdvanceClock(ApiCall call)
    {
        var seconds = call.Json.Number("seconds");
        if (seconds is not { } s || s < 0 || s > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            throw new StytchException(StytchError.BadRequest);
        }

        call.Project.Clock.Advance(TimeSpan.FromSeconds(s));
        return ClockResponse(call.Project.Clock);
    }

    private static ApiResponse SetClock(ApiCall call)
    {
        if (!DateTimeOffset.TryParse(call.Json.String("now"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var now))
        {
            throw new StytchException(StytchError.BadRequest);
        }

        call.Project.Clock.Set(now);
        return ClockResponse(call.Project.Clock);
    }

    private static ApiResponse RotateKeys(ApiCall call)
    {
        var kid = call.Project.RotateSigningKey();
        return ApiResponse.Plain(200, w => w.WriteString("kid", kid));
    }

    private static ApiResponse RemoveOldKeys(ApiCall call)
    {
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
            w.WriteString("request_id", r.RequestId);
            w.WriteString("at", WireJson.Time(r.At));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static ApiResponse ClockResponse(StytchClock clock) => ApiResponse.Plain(200, w =>
    {
        w.WriteString("now", clock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        w.WriteNumber("offset_seconds", clock.Offset.TotalSeconds);
    });

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
    }
}
