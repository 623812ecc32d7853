using Stytch.Fake.Core;
using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.EmailOtp.Wire;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;
using Stytch.Fake.Products.B2B.Sessions.Wire;

namespace Stytch.Fake.Tests.Binding;

// The B2B endpoints' field reads, as their handlers made them before the request records, in their order.
public sealed partial class RequestBinderSamenessTests
{
    private static readonly string[] OrganizationCreateFields =
    [
        "organization_name", "organization_slug", "organization_logo_url", "trusted_metadata", "organization_external_id",
        "sso_jit_provisioning", "email_allowed_domains", "email_jit_provisioning", "email_invites", "auth_methods",
        "allowed_auth_methods", "mfa_policy", "rbac_email_implicit_role_assignments", "mfa_methods", "allowed_mfa_methods",
        "oauth_tenant_jit_provisioning", "allowed_oauth_tenants", "claimed_email_domains",
        "first_party_connected_apps_allowed_type", "allowed_first_party_connected_apps",
        "third_party_connected_apps_allowed_type", "allowed_third_party_connected_apps",
    ];

    private static IEnumerable<Sameness> B2BReadings()
    {
        const string Org = "\"organization-test-1\"";
        yield return Case("b2b.otps.email.login_or_signup",
            ["organization_id", "email_address", "login_template_id", "signup_template_id", "locale", "login_expiration_minutes", "signup_expiration_minutes"],
            [("organization_id", Org), ("email_address", Email)],
            body => Values(body.String("organization_id"), body.String("email_address"), body.Int("login_expiration_minutes"), body.Int("signup_expiration_minutes"),
                body.String("locale"), body.String("login_template_id"), body.String("signup_template_id")),
            B2BEmailOtpRequestJson.Default.B2BOtpEmailLoginOrSignupRequest,
            r => Values(r.OrganizationId, r.EmailAddress, r.LoginExpirationMinutes, r.SignupExpirationMinutes, r.Locale, r.LoginTemplateId, r.SignupTemplateId));

        yield return Case("b2b.otps.email.authenticate",
            ["organization_id", "email_address", "code", "session_token", "session_jwt", "intermediate_session_token",
             "session_duration_minutes", "session_custom_claims", "locale", "telemetry_id"],
            [("organization_id", Org), ("email_address", Email), ("code", "\"123456\"")],
            body => Values(Claims(body), body.String("telemetry_id"), body.String("session_token"), body.String("session_jwt"),
                body.String("organization_id"), body.String("email_address"), body.String("code"), body.Int("session_duration_minutes"),
                body.String("intermediate_session_token"), body.String("locale")),
            B2BEmailOtpRequestJson.Default.B2BOtpEmailAuthenticateRequest,
            r => Values(ClaimsJson.Read(r.SessionCustomClaims), r.TelemetryId, r.SessionToken, r.SessionJwt, r.OrganizationId, r.EmailAddress,
                r.Code, r.SessionDurationMinutes, r.IntermediateSessionToken, r.Locale));

        // The old create handler also read the two update-only SSO fields, which it listed as ignored: the corpus sends
        // only allowed fields (and "nope"), and the record ignores them for good (OrganizationWireTests covers it).
        yield return Case("b2b.organizations.create", OrganizationCreateFields, [("organization_name", "\"Acme\"")],
            body => OrganizationFields(body, update: false),
            OrganizationRequestJson.Default.OrganizationCreateRequest,
            r => Values(OrganizationFields(r), null, null));

        yield return Case("b2b.organizations.update",
            [.. OrganizationCreateFields, "sso_default_connection_id", "sso_jit_provisioning_allowed_connections"],
            [("organization_name", "\"Acme\"")],
            body => OrganizationFields(body, update: true),
            OrganizationRequestJson.Default.OrganizationUpdateRequest,
            r => Values(OrganizationFields(r), r.SsoJitProvisioningAllowedConnections, r.SsoDefaultConnectionId));

        yield return Case("b2b.organizations.search", ["cursor", "limit", "query"], [("limit", "10")],
            body => Values(OldSearch(body)),
            OrganizationRequestJson.Default.OrganizationSearchRequest,
            r => Values(SearchJson.ReadSearch(r)));

        yield return Case("b2b.organizations.members.create",
            ["email_address", "name", "trusted_metadata", "untrusted_metadata", "create_member_as_pending", "is_breakglass",
             "mfa_phone_number", "mfa_enrolled", "roles", "external_id"],
            [("email_address", Email)],
            body => Values(body.Bool("create_member_as_pending") ?? false, MemberFields(body)),
            MemberRequestJson.Default.MemberCreateRequest,
            r => Values(r.CreateMemberAsPending ?? false, MemberFields(r)));

        yield return Case("b2b.organizations.members.update",
            ["name", "trusted_metadata", "untrusted_metadata", "is_breakglass", "mfa_phone_number", "mfa_enrolled", "roles",
             "preserve_existing_sessions", "default_mfa_method", "email_address", "external_id", "unlink_email"],
            [("name", "\"Ada\"")],
            body => Values(body.Bool("preserve_existing_sessions"), MemberFields(body), body.String("default_mfa_method"), body.Bool("unlink_email")),
            MemberRequestJson.Default.MemberUpdateRequest,
            r => Values(r.PreserveExistingSessions, MemberFields(r), r.DefaultMfaMethod, r.UnlinkEmail));

        yield return Case("b2b.organizations.members.search", ["organization_ids", "cursor", "limit", "query"],
            [("organization_ids", "[" + Org + "]")],
            body => Values(body.StringArray("organization_ids"), OldSearch(body)),
            MemberRequestJson.Default.MemberSearchRequest,
            r => Values(r.OrganizationIds, SearchJson.ReadSearch(r)));

        yield return Case("b2b.sessions.authenticate",
            ["session_token", "session_jwt", "session_duration_minutes", "session_custom_claims", "authorization_check"],
            [("session_token", "\"token\"")],
            body => Values(Claims(body), AuthorizationCheckJson.Read(body.Element("authorization_check"), body.Fields),
                body.String("session_token"), body.String("session_jwt"), body.Int("session_duration_minutes")),
            MemberSessionRequestJson.Default.MemberSessionAuthenticateRequest,
            r => Values(ClaimsJson.Read(r.SessionCustomClaims), AuthorizationCheckJson.Read(r.AuthorizationCheck),
                r.SessionToken, r.SessionJwt, r.SessionDurationMinutes));

        yield return Case("b2b.sessions.revoke", ["member_session_id", "session_token", "session_jwt", "member_id"],
            [("member_session_id", "\"member-session-test-1\"")],
            body => Values(body.String("member_session_id"), body.String("session_token"), body.String("session_jwt"), body.String("member_id")),
            MemberSessionRequestJson.Default.MemberSessionRevokeRequest,
            r => Values(r.MemberSessionId, r.SessionToken, r.SessionJwt, r.MemberId));
    }

    /// <summary>The old organization read: every setting in order, the two SSO ones in the middle for an update.</summary>
    private static string OrganizationFields(JsonBody body, bool update)
    {
        var head = Values(body.String("organization_name"), body.String("organization_slug"), body.String("organization_logo_url"),
            body.String("organization_external_id"), body.ObjectText("trusted_metadata"), body.String("sso_jit_provisioning"));
        var sso = update ? (body.StringArray("sso_jit_provisioning_allowed_connections"), body.String("sso_default_connection_id")) : (null, null);
        var tail = Values(body.StringArray("email_allowed_domains"), body.String("email_jit_provisioning"), body.String("email_invites"),
            body.String("auth_methods"), body.StringArray("allowed_auth_methods"), body.String("mfa_policy"), body.String("mfa_methods"),
            body.StringArray("allowed_mfa_methods"), RoleAssignmentsJson.Read(body.Element("rbac_email_implicit_role_assignments"), body.Fields),
            body.String("oauth_tenant_jit_provisioning"), body.ObjectText("allowed_oauth_tenants"), body.StringArray("claimed_email_domains"),
            body.String("first_party_connected_apps_allowed_type"), body.StringArray("allowed_first_party_connected_apps"),
            body.String("third_party_connected_apps_allowed_type"), body.StringArray("allowed_third_party_connected_apps"));
        return Values(head, tail, sso.Item1, sso.Item2);
    }

    private static string OrganizationFields(IOrganizationBody r) => Values(
        Values(r.OrganizationName, r.OrganizationSlug, r.OrganizationLogoUrl, r.OrganizationExternalId, r.TrustedMetadata, r.SsoJitProvisioning),
        Values(r.EmailAllowedDomains, r.EmailJitProvisioning, r.EmailInvites, r.AuthMethods, r.AllowedAuthMethods, r.MfaPolicy, r.MfaMethods,
            r.AllowedMfaMethods, RoleAssignmentsJson.Read(r.RbacEmailImplicitRoleAssignments), r.OauthTenantJitProvisioning,
            r.AllowedOauthTenants, r.ClaimedEmailDomains, r.FirstPartyConnectedAppsAllowedType, r.AllowedFirstPartyConnectedApps,
            r.ThirdPartyConnectedAppsAllowedType, r.AllowedThirdPartyConnectedApps));

    private static string MemberFields(JsonBody body) => Values(
        body.String("email_address"), body.String("name"), body.ObjectText("trusted_metadata"), body.ObjectText("untrusted_metadata"),
        body.Bool("is_breakglass"), body.String("mfa_phone_number"), body.Bool("mfa_enrolled"), body.StringArray("roles"), body.String("external_id"));

    private static string MemberFields(IMemberBody r) => Values(
        r.EmailAddress, r.Name, r.TrustedMetadata, r.UntrustedMetadata, r.IsBreakglass, r.MfaPhoneNumber, r.MfaEnrolled, r.Roles, r.ExternalId);

    /// <summary>The old search read: <c>cursor</c>, <c>limit</c>, then <c>query</c>.</summary>
    private static SearchRequest OldSearch(JsonBody body)
    {
        var cursor = body.String("cursor");
        var limit = body.Int("limit");
        return SearchJson.ReadQuery(body.Element("query"), body.Fields) is { } query
            ? new SearchRequest { Operator = query.Operator, Operands = query.Operands, Cursor = cursor, Limit = limit }
            : new SearchRequest { Cursor = cursor, Limit = limit };
    }
}
