using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>
/// <c>POST /_fake/v1/projects/{project_id}/seed</c>: the same seeding as <see cref="StytchSeeder.Apply"/>, from
/// <c>{"organizations":[{"organization_name"?, "organization_slug"?, "email_jit_provisioning"?, "email_allowed_domains"?,
/// "members":[{"email_address", "name"?, "status"?}]}], "users":[{"email" (or "phone_number"), "phone_number"?, "status"?}]}</c>. All or nothing; answers
/// 201 with the created organizations (each with its members) and users as Stytch renders them.
/// </summary>
internal static class SeedEndpoint
{
    private static readonly string[] OrganizationKeys =
        ["organization_name", "organization_slug", "email_jit_provisioning", "email_allowed_domains", "members"];

    private static readonly string[] MemberKeys = ["email_address", "name", "status"];
    private static readonly string[] UserKeys = ["email", "status", "phone_number"];

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Post("admin.seed", AdminEndpoints.Project + "/seed", AdminRequestJson.Default.SeedRequest, Seed, Access.Admin),
    ];

    /// <summary>What <paramref name="request"/> asks to seed: its items read in order, each with its own messages.</summary>
    internal static SeedSpec Read(SeedRequest request) => new(
        Items(request.Organizations, "organizations", OrganizationKeys, ReadOrganization),
        Items(request.Users, "users", UserKeys, ReadUser));

    // A user needs an email or a phone number, as POST /v1/users does.
    private static UserSpec ReadUser(JsonElement u)
    {
        var phone = Text(u, "users", "phone_number");
        return new UserSpec(Text(u, "users", "email", required: phone is null), Text(u, "users", "status")) { PhoneNumber = phone };
    }

    private static ApiResponse Seed(ApiCall call, SeedRequest request)
    {
        var result = call.Project.Seed.Apply(Read(request));
        return ApiResponse.Plain(201, w =>
        {
            StateEndpoints.WriteOrganizations(w, result.Organizations.Select(o => (o.Organization, o.Members.AsEnumerable())));
            StateEndpoints.WriteUsers(w, result.Users);
        });
    }

    private static OrganizationSpec ReadOrganization(JsonElement o) => new()
    {
        OrganizationName = Text(o, "organizations", "organization_name"),
        OrganizationSlug = Text(o, "organizations", "organization_slug"),
        EmailJitProvisioning = Text(o, "organizations", "email_jit_provisioning"),
        EmailAllowedDomains = o.TryGetProperty("email_allowed_domains", out var domains) && domains.ValueKind != JsonValueKind.Null
            ? domains.ValueKind == JsonValueKind.Array && domains.EnumerateArray().All(d => d.ValueKind == JsonValueKind.String)
                ? domains.EnumerateArray().Select(d => d.GetString()!).ToArray()
                : throw Validate.BadRequest("organizations[].email_allowed_domains must be an array of strings.")
            : null,
        Members = Items(o.TryGetProperty("members", out var members) ? members : null, "organizations[].members", MemberKeys,
            m => new MemberSpec(
                Text(m, "organizations[].members", "email_address", required: true),
                Text(m, "organizations[].members", "name"),
                Text(m, "organizations[].members", "status"))),
    };

    /// <summary>The items of the array <paramref name="label"/>, each an object naming only <paramref name="keys"/>.</summary>
    private static T[] Items<T>(JsonElement? array, string label, string[] keys, Func<JsonElement, T> read)
    {
        if (array is not { } a || a.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (a.ValueKind != JsonValueKind.Array)
        {
            throw Validate.BadRequest($"{label} must be an array of objects.");
        }

        return a.EnumerateArray().Select(item =>
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Validate.BadRequest($"Each of {label} must be an object.");
            }

            var unknown = item.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !keys.Contains(n));
            return unknown is null
                ? read(item)
                : throw Validate.BadRequest($"Unknown field '{unknown}' in {label}: each takes only {string.Join(", ", keys)}.");
        }).ToArray();
    }

    private static string? Text(JsonElement item, string label, string name, bool required = false)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Validate.BadRequest($"{label}[].{name} is required.") : null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Validate.BadRequest($"{label}[].{name} must be a string.");
    }

}
