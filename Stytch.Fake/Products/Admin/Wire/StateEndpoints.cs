using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;
using Stytch.Fake.Products.B2B.Sessions.Wire;
using Stytch.Fake.Products.Consumer.Sessions.Wire;
using Stytch.Fake.Products.Consumer.Users.Wire;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>
/// Read-only back doors that list a project's state as Stytch renders each object, a page at a time
/// (<see cref="BackDoorPaging"/>): the users, the organizations with their members, the live sessions. The inbox page
/// shows the first page of each; tests and scripts can read them too.
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

    /// <summary><c>{"users":[…],"total":N,"next_cursor":…}</c>: a page of the users, oldest first, as Stytch's User object.</summary>
    private static ApiResponse ListUsers(ApiCall call)
    {
        var (offset, limit) = BackDoorPaging.Of(call);
        var page = call.Project.ConsumerProducts.Users.Page(offset, limit);
        return ApiResponse.Plain(200, w =>
        {
            WriteUsers(w, page.Items);
            BackDoorPaging.WriteCursor(w, page);
        });
    }

    /// <summary>
    /// <c>{"organizations":[{"organization":{…},"members":[…]}],"total":N,"next_cursor":…}</c>: a page of the
    /// organizations, oldest first, each with all its members (deleted ones too, with status <c>deleted</c>), oldest
    /// first; the shape the seed back door answers.
    /// </summary>
    private static ApiResponse ListOrganizations(ApiCall call)
    {
        var (offset, limit) = BackDoorPaging.Of(call);
        var page = call.Project.B2BProducts.Organizations.Page(offset, limit);
        var ids = page.Items.Select(o => o.OrganizationId).ToHashSet(StringComparer.Ordinal);
        var members = call.Project.B2BProducts.Members.Of(ids).ToLookup(m => m.OrganizationId, StringComparer.Ordinal);
        return ApiResponse.Plain(200, w =>
        {
            WriteOrganizations(w, page.Items.Select(o => (o, members[o.OrganizationId])));
            BackDoorPaging.WriteCursor(w, page);
        });
    }

    /// <summary>
    /// <c>{"sessions":[…],"member_sessions":[…],"total":N,"next_cursor":…}</c>: the live consumer and member sessions
    /// on the project clock, oldest first, as Stytch's Session and MemberSession objects (which carry no tokens). The
    /// page applies to each list alike (the same offset and limit); <c>total</c> is the longer list's length.
    /// </summary>
    private static ApiResponse ListSessions(ApiCall call)
    {
        var (offset, limit) = BackDoorPaging.Of(call);
        var sessions = Page.Of(call.Project.ConsumerProducts.Sessions.ListLive(), offset, limit);
        var memberSessions = Page.Of(call.Project.B2BProducts.Sessions.ListLive(), offset, limit);
        return ApiResponse.Plain(200, w =>
        {
            SessionWire.WriteArray(w, "sessions", sessions.Items);
            MemberSessionWire.WriteArray(w, "member_sessions", memberSessions.Items);
            BackDoorPaging.WriteCursor(w, Math.Max(sessions.Total, memberSessions.Total), sessions.NextOffset ?? memberSessions.NextOffset);
        });
    }
}
