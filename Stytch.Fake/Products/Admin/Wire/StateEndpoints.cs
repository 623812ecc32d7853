using System.Text.Json;
using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;
using Stytch.Fake.Products.B2B.Sessions.Wire;
using Stytch.Fake.Products.Consumer.Sessions.Wire;
using Stytch.Fake.Products.Consumer.Users.Wire;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>
/// Read-only back doors that list a project's state as Stytch renders each object: every user, every organization
/// with its members, every live session. The inbox page shows them; tests and scripts can read them too.
/// </summary>
internal static class StateEndpoints
{
    private const string Project = AdminEndpoints.Project;

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("admin.users.list", Project + "/users", ListUsers, Access.Admin),
        Endpoint.Get("admin.organizations.list", Project + "/organizations", ListOrganizations, Access.Admin),
        Endpoint.Get("admin.sessions.list", Project + "/sessions", ListSessions, Access.Admin),
    ];

    /// <summary><c>"users":[…]</c>, each as Stytch's User object.</summary>
    public static void WriteUsers(Utf8JsonWriter w, IEnumerable<StytchUser> users) =>
        UserWire.WriteArray(w, "users", users);

    /// <summary>
    /// <c>"organizations":[{"organization":{…},"members":[…]}]</c>: each organization with its members, as Stytch's
    /// Organization and Member objects; what this list and the seed back door answer.
    /// </summary>
    public static void WriteOrganizations(Utf8JsonWriter w, IEnumerable<(StytchOrganization Organization, IEnumerable<StytchMember> Members)> organizations)
    {
        w.WritePropertyName("organizations");
        w.WriteStartArray();
        foreach (var (organization, members) in organizations)
        {
            w.WriteStartObject();
            OrganizationWire.Write(w, "organization", organization);
            WireJson.WriteArray(w, "members", members.Select(m => WireMember.From(m, organization)), MemberWireJson.Default.WireMember);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary><c>{"users":[…]}</c>: every user, oldest first, as Stytch's User object.</summary>
    private static ApiResponse ListUsers(ApiCall call)
    {
        var users = call.Project.ConsumerProducts.Users.List();
        return ApiResponse.Plain(200, w => WriteUsers(w, users));
    }

    /// <summary>
    /// <c>{"organizations":[{"organization":{…},"members":[…]}]}</c>: every organization, oldest first, each with its
    /// members (deleted ones too, with status <c>deleted</c>), oldest first; the shape the seed back door answers.
    /// </summary>
    private static ApiResponse ListOrganizations(ApiCall call)
    {
        var organizations = call.Project.B2BProducts.Organizations.List();
        var members = call.Project.B2BProducts.Members.List().ToLookup(m => m.OrganizationId, StringComparer.Ordinal);
        return ApiResponse.Plain(200, w =>
            WriteOrganizations(w, organizations.Select(o => (o, members[o.OrganizationId]))));
    }

    /// <summary>
    /// <c>{"sessions":[…],"member_sessions":[…]}</c>: the live consumer and member sessions on the project clock, oldest
    /// first, as Stytch's Session and MemberSession objects (which carry no tokens).
    /// </summary>
    private static ApiResponse ListSessions(ApiCall call)
    {
        var sessions = call.Project.ConsumerProducts.Sessions.ListLive();
        var memberSessions = call.Project.B2BProducts.Sessions.ListLive();
        return ApiResponse.Plain(200, w =>
        {
            SessionWire.WriteArray(w, "sessions", sessions);
            MemberSessionWire.WriteArray(w, "member_sessions", memberSessions);
        });
    }
}
