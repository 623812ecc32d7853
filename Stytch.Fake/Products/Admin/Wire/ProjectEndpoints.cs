using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>The project back doors: list, create, read and reset the projects a server holds.</summary>
internal static class ProjectEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("admin.projects.list", "/_fake/v1/projects", List, Access.Admin),
        Endpoint.Post("admin.projects.create", "/_fake/v1/projects", AdminRequestJson.Default.CreateProjectRequest, Create, Access.Admin),
        Endpoint.Get("admin.projects.get", AdminEndpoints.Project, Get, Access.Admin),
        Endpoint.Post("admin.projects.reset", AdminEndpoints.Project + "/reset", [], Reset, Access.Admin),
    ];

    /// <summary>The fields every back door that answers with a project writes: <c>project_id</c>, <c>secret</c>, <c>strict_fields</c>.</summary>
    public static void WriteFields(Utf8JsonWriter w, StytchFakeProject project)
    {
        w.WriteString("project_id", project.ProjectId);
        w.WriteString("secret", project.Secret);
        w.WriteBoolean("strict_fields", project.StrictFields);
        w.WriteString("public_token", project.PublicToken);
        OriginEndpoints.WriteFields(w, project.Origins);
    }

    /// <summary><c>{"projects":[…],"total":N,"next_cursor":…}</c>: a page of the projects, by id (<see cref="BackDoorPaging"/>).</summary>
    private static ApiResponse List(ApiCall call)
    {
        var (offset, limit) = BackDoorPaging.Of(call);
        var page = Page.Of(call.Registry.All.OrderBy(p => p.ProjectId, StringComparer.Ordinal), offset, limit);
        return ApiResponse.Plain(200, w =>
        {
            w.WritePropertyName("projects");
            w.WriteStartArray();
            foreach (var project in page.Items)
            {
                w.WriteStartObject();
                WriteFields(w, project);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            BackDoorPaging.WriteCursor(w, page);
        });
    }

    private static ApiResponse Create(ApiCall call, CreateProjectRequest request)
    {
        StytchFakeProject project;
        try
        {
            project = call.Registry.Add(new StytchProjectOptions
            {
                ProjectId = request.ProjectId,
                Secret = request.Secret,
                Seed = request.Seed,
                Live = request.Live ?? false,
                StrictFields = request.StrictFields ?? false,
                PublicToken = request.PublicToken,
                AllowedOrigins = request.AllowedOrigins,
                AllowLoopbackOrigins = request.AllowLoopbackOrigins ?? true,
            });
        }
        catch (ArgumentException e)
        {
            // The project's own checks: a malformed project_id, secret, public_token or origin, or an id already taken.
            throw AdminEndpoints.InvalidArgument(e);
        }

        return ApiResponse.Plain(201, w => WriteFields(w, project));
    }

    private static ApiResponse Get(ApiCall call) => ApiResponse.Plain(200, w => WriteFields(w, call.Project));

    // The project is reset even when a timer the clock fired on the way back threw: 200, with the errors listed.
    private static ApiResponse Reset(ApiCall call)
    {
        var errors = call.Project.ResetCollectingErrors();
        return ApiResponse.Plain(200, w =>
        {
            WriteFields(w, call.Project);
            ClockEndpoints.WriteTimerErrors(w, errors);
        });
    }
}
