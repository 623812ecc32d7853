using System.Text.Json;
using Stytch.Fake.Http;

namespace Stytch.Fake.Admin;

/// <summary>
/// Read-only back doors that list a project's state as Stytch renders each object: every user, every organization
/// with its members, every live session. The inbox page shows them; tests and scripts can read them too.
/// </summary>
internal static class StateEndpoints
{
    private const string Project = "/_fake/v1/projects/{project_id}";

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("admin.users.list", Project + "/users", ListUsers, Access.Admin),
        Endpoint.Get("admin.organizations.list", Project + "/organizations", ListOrganizations, Access.Admin),
        Endpoint.Get("admin.sessions.list", Project + "/sessions", ListSessions, Access.Admin),
    ];

    /// <summary><c>{"users":[…]}</c>: every user, oldest first, as Stytch's User object.</summary>
    private static ApiResponse ListUsers(ApiCall call)
    {
        var users = call.Project.Users;
        return ApiResponse.Plain(200, w =>
        {
            w.WritePropertyName("users");
            w.WriteStartArray();
            foreach (var user in users)
            {
                JsonSerializer.Serialize(w, WireUser.From(user), WireJsonContext.Default.WireUser);
            }

            w.WriteEndArray();
        });
    }

    /// <summary>
    /// <c>{"organizations":[{"organization":{…},"members":[…]}]}</c>: every organization, oldest first, each with its
    /// members (deleted ones too, with status <c>deleted</c>), oldest first; the shape the seed back door answers.
    /// </summary>
    private static ApiResponse ListOrganizations(ApiCall call)
    {
        var organizations = call.Project.Organizations;
        var members = call.Project.Members.ToLookup(m => m.OrganizationId, StringComparer.Ordinal);
        return ApiResponse.Plain(200, w =>
        {
            w.WritePropertyName("organizations");
            w.WriteStartArray();
            foreach (var organization in organizations)
            {
                w.WriteStartObject();
                B2BWire.WriteOrganization(w, "organization", organization);
                w.WritePropertyName("members");
                w.WriteStartArray();
                foreach (var member in members[organization.OrganizationId])
                {
                    JsonSerializer.Serialize(w, WireMember.From(member, organization), B2BWireJsonContext.Default.WireMember);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary>
    /// <c>{"sessions":[…],"member_sessions":[…]}</c>: the live consumer and member sessions on the project clock, oldest
    /// first, as Stytch's Session and MemberSession objects (which carry no tokens).
    /// </summary>
    private static ApiResponse ListSessions(ApiCall call)
    {
        var sessions = call.Project.State.ListLiveSessions();
        var memberSessions = call.Project.B2B.ListLiveSessions();
        return ApiResponse.Plain(200, w =>
        {
            w.WritePropertyName("sessions");
            w.WriteStartArray();
            foreach (var session in sessions)
            {
                JsonSerializer.Serialize(w, WireSession.From(session), WireJsonContext.Default.WireSession);
            }

            w.WriteEndArray();
            w.WritePropertyName("member_sessions");
            w.WriteStartArray();
            foreach (var session in memberSessions)
            {
                JsonSerializer.Serialize(w, WireMemberSession.From(session), B2BWireJsonContext.Default.WireMemberSession);
            }

            w.WriteEndArray();
        });
    }
}
