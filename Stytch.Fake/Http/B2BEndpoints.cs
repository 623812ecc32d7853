using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B;

namespace Stytch.Fake.Http;

/// <summary>
/// The B2B endpoints: organizations, members, email OTP and member sessions, one entry per endpoint. The
/// <c>X-Stytch-Member-Session</c> / <c>X-Stytch-Member-SessionJWT</c> headers are accepted and ignored: every call
/// acts with the project's full rights.
/// </summary>
internal static class B2BEndpoints
{
    private const string Organizations = "/v1/b2b/organizations";
    private const string Organization = Organizations + "/{organization_id}";

    private static readonly string[] OrganizationCreateFields =
    [
        "organization_name", "organization_slug", "organization_logo_url", "trusted_metadata", "organization_external_id",
        "sso_jit_provisioning", "email_allowed_domains", "email_jit_provisioning", "email_invites", "auth_methods",
        "allowed_auth_methods", "mfa_policy", "rbac_email_implicit_role_assignments", "mfa_methods", "allowed_mfa_methods",
        "oauth_tenant_jit_provisioning", "allowed_oauth_tenants", "claimed_email_domains",
        "first_party_connected_apps_allowed_type", "allowed_first_party_connected_apps",
        "third_party_connected_apps_allowed_type", "allowed_third_party_connected_apps",
    ];

    private static readonly string[] OrganizationUpdateFields =
        [.. OrganizationCreateFields, "sso_default_connection_id", "sso_jit_provisioning_allowed_connections"];

    private static readonly string[] MemberCreateFields =
    [
        "email_address", "name", "trusted_metadata", "untrusted_metadata", "create_member_as_pending", "is_breakglass",
        "mfa_phone_number", "mfa_enrolled", "roles", "external_id",
    ];

    private static readonly string[] MemberUpdateFields =
    [
        "name", "trusted_metadata", "untrusted_metadata", "is_breakglass", "mfa_phone_number", "mfa_enrolled", "roles",
        "preserve_existing_sessions", "default_mfa_method", "email_address", "external_id", "unlink_email",
    ];

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Post("b2b.otps.email.login_or_signup", "/v1/b2b/otps/email/login_or_signup",
            ["organization_id", "email_address", "login_template_id", "signup_template_id", "locale", "login_expiration_minutes", "signup_expiration_minutes"],
            LoginOrSignup),
        Endpoint.PostAsync("b2b.otps.email.authenticate", "/v1/b2b/otps/email/authenticate",
            ["organization_id", "email_address", "code", "session_token", "session_jwt", "intermediate_session_token",
             "session_duration_minutes", "session_custom_claims", "locale", "telemetry_id"],
            AuthenticateOtp),
        Endpoint.Post("b2b.organizations.create", Organizations, OrganizationCreateFields, CreateOrganization),
        Endpoint.Post("b2b.organizations.search", Organizations + "/search", ["cursor", "limit", "query"], SearchOrganizations),
        Endpoint.Get("b2b.organizations.get", Organization, GetOrganization),
        Endpoint.Put("b2b.organizations.update", Organization, OrganizationUpdateFields, UpdateOrganization),
        Endpoint.Delete("b2b.organizations.delete", Organization, DeleteOrganization),
        Endpoint.Post("b2b.organizations.members.create", Organization + "/members", MemberCreateFields, CreateMember),
        Endpoint.Get("b2b.organizations.members.get", Organization + "/member", GetMember),
        Endpoint.Post("b2b.organizations.members.search", Organizations + "/members/search",
            ["organization_ids", "cursor", "limit", "query"], SearchMembers),
        Endpoint.Put("b2b.organizations.members.update", Organization + "/members/{member_id}", MemberUpdateFields, UpdateMember),
        Endpoint.Delete("b2b.organizations.members.delete", Organization + "/members/{member_id}", DeleteMember),
        Endpoint.PostAsync("b2b.sessions.authenticate", "/v1/b2b/sessions/authenticate",
            ["session_token", "session_jwt", "session_duration_minutes", "session_custom_claims", "authorization_check"],
            AuthenticateSession),
        Endpoint.PostAsync("b2b.sessions.revoke", "/v1/b2b/sessions/revoke",
            ["member_session_id", "session_token", "session_jwt", "member_id"], RevokeSession),
        Endpoint.GetAsync("b2b.sessions.jwks", "/v1/b2b/sessions/jwks/{project_id}", ConsumerEndpoints.Jwks, Access.PathProject),
    ];

    // ---- email OTP --------------------------------------------------------------------------------

    private static ApiResponse LoginOrSignup(ApiCall call)
    {
        var body = call.Json;
        var sent = call.Project.B2B.LoginOrSignup(body.String("organization_id"), body.String("email_address"), new LoginOrSignupOptions
        {
            LoginExpirationMinutes = body.Int("login_expiration_minutes"),
            SignupExpirationMinutes = body.Int("signup_expiration_minutes"),
            Locale = body.String("locale"),
            LoginTemplateId = body.String("login_template_id"),
            SignupTemplateId = body.String("signup_template_id"),
        });
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", sent.Member.MemberId);
            w.WriteBoolean("member_created", sent.MemberCreated);
            B2BWire.WriteMember(w, "member", sent.Member, sent.Organization);
            B2BWire.WriteOrganization(w, "organization", sent.Organization);
        });
    }

    private static async ValueTask<ApiResponse> AuthenticateOtp(ApiCall call)
    {
        var body = call.Json;
        var claims = ClaimsJson.Read(body);
        _ = body.String("telemetry_id");
        var sessionToken = body.String("session_token");
        var sessionJwt = body.String("session_jwt");
        var command = new B2BOtpAuthenticateCommand
        {
            OrganizationId = body.String("organization_id"),
            EmailAddress = body.String("email_address"),
            Code = body.String("code"),
            SessionDurationMinutes = body.Int("session_duration_minutes"),
            IntermediateSessionToken = body.String("intermediate_session_token"),
            Locale = body.String("locale"),
            CustomClaims = claims,
            SessionToken = sessionToken,
            SessionId = string.IsNullOrEmpty(sessionJwt) || !string.IsNullOrEmpty(sessionToken)
                ? null
                : await call.Project.Jwts.ReadSessionIdAsync(sessionJwt).ConfigureAwait(false),
        };
        var result = call.Project.B2B.Authenticate(command);
        var jwt = await call.Project.Jwts.MintAsync(result.Session).ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", result.Member.MemberId);
            w.WriteString("method_id", result.MethodId);
            w.WriteString("organization_id", result.Organization.OrganizationId);
            B2BWire.WriteMember(w, "member", result.Member, result.Organization);
            w.WriteString("session_token", result.Session.SessionToken);
            w.WriteString("session_jwt", jwt);
            B2BWire.WriteOrganization(w, "organization", result.Organization);
            // The fake never asks for MFA or another primary factor: the member is fully authenticated.
            w.WriteString("intermediate_session_token", "");
            w.WriteBoolean("member_authenticated", true);
            B2BWire.WriteMemberSession(w, result.Session);
            w.WriteNull("mfa_required");
            w.WriteNull("primary_required");
        });
    }

    // ---- organizations ----------------------------------------------------------------------------

    private static OrganizationFields ReadOrganizationFields(JsonBody body) => new()
    {
        OrganizationName = body.String("organization_name"),
        OrganizationSlug = body.String("organization_slug"),
        OrganizationLogoUrl = body.String("organization_logo_url"),
        OrganizationExternalId = body.String("organization_external_id"),
        TrustedMetadata = body.ObjectText("trusted_metadata"),
        SsoJitProvisioning = body.String("sso_jit_provisioning"),
        SsoJitProvisioningAllowedConnections = body.StringArray("sso_jit_provisioning_allowed_connections"),
        SsoDefaultConnectionId = body.String("sso_default_connection_id"),
        EmailAllowedDomains = body.StringArray("email_allowed_domains"),
        EmailJitProvisioning = body.String("email_jit_provisioning"),
        EmailInvites = body.String("email_invites"),
        AuthMethods = body.String("auth_methods"),
        AllowedAuthMethods = body.StringArray("allowed_auth_methods"),
        MfaPolicy = body.String("mfa_policy"),
        MfaMethods = body.String("mfa_methods"),
        AllowedMfaMethods = body.StringArray("allowed_mfa_methods"),
        RbacEmailImplicitRoleAssignments = B2BBodyReaders.ReadRoleAssignments(body),
        OauthTenantJitProvisioning = body.String("oauth_tenant_jit_provisioning"),
        AllowedOauthTenants = body.ObjectText("allowed_oauth_tenants"),
        ClaimedEmailDomains = body.StringArray("claimed_email_domains"),
        FirstPartyConnectedAppsAllowedType = body.String("first_party_connected_apps_allowed_type"),
        AllowedFirstPartyConnectedApps = body.StringArray("allowed_first_party_connected_apps"),
        ThirdPartyConnectedAppsAllowedType = body.String("third_party_connected_apps_allowed_type"),
        AllowedThirdPartyConnectedApps = body.StringArray("allowed_third_party_connected_apps"),
    };

    private static ApiResponse OrganizationResponse(ApiCall call, StytchOrganization organization) =>
        ApiResponse.Ok(call.RequestId, w => B2BWire.WriteOrganization(w, "organization", organization));

    private static ApiResponse CreateOrganization(ApiCall call) =>
        OrganizationResponse(call, call.Project.B2B.CreateOrganization(ReadOrganizationFields(call.Json)));

    private static ApiResponse GetOrganization(ApiCall call) =>
        OrganizationResponse(call, call.Project.B2B.GetOrganization(call.PathValues["organization_id"]));

    private static ApiResponse UpdateOrganization(ApiCall call) =>
        OrganizationResponse(call, call.Project.B2B.UpdateOrganization(call.PathValues["organization_id"], ReadOrganizationFields(call.Json)));

    private static ApiResponse DeleteOrganization(ApiCall call)
    {
        var id = call.Project.B2B.DeleteOrganization(call.PathValues["organization_id"]);
        return ApiResponse.Ok(call.RequestId, w => w.WriteString("organization_id", id));
    }

    private static ApiResponse SearchOrganizations(ApiCall call)
    {
        var page = call.Project.B2B.SearchOrganizations(B2BBodyReaders.ReadSearch(call.Json));
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WritePropertyName("organizations");
            w.WriteStartArray();
            foreach (var organization in page.Organizations)
            {
                JsonSerializer.Serialize(w, WireOrganization.From(organization), B2BWireJsonContext.Default.WireOrganization);
            }

            w.WriteEndArray();
            B2BWire.WriteResultsMetadata(w, page.Total, page.NextCursor);
        });
    }

    // ---- members ----------------------------------------------------------------------------------

    private static MemberFields ReadMemberFields(JsonBody body, bool update) => new()
    {
        EmailAddress = body.String("email_address"),
        Name = body.String("name"),
        TrustedMetadata = body.ObjectText("trusted_metadata"),
        UntrustedMetadata = body.ObjectText("untrusted_metadata"),
        IsBreakglass = body.Bool("is_breakglass"),
        MfaPhoneNumber = body.String("mfa_phone_number"),
        MfaEnrolled = body.Bool("mfa_enrolled"),
        Roles = body.StringArray("roles"),
        ExternalId = body.String("external_id"),
        DefaultMfaMethod = update ? body.String("default_mfa_method") : null,
        UnlinkEmail = update ? body.Bool("unlink_email") : null,
    };

    private static ApiResponse MemberResponse(ApiCall call, StytchMember member, StytchOrganization organization) =>
        ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", member.MemberId);
            B2BWire.WriteMember(w, "member", member, organization);
            B2BWire.WriteOrganization(w, "organization", organization);
        });

    private static ApiResponse CreateMember(ApiCall call)
    {
        var body = call.Json;
        var pending = body.Bool("create_member_as_pending") ?? false;
        var (member, organization) = call.Project.B2B.CreateMember(
            call.PathValues["organization_id"], ReadMemberFields(body, update: false), pending ? "pending" : "active");
        return MemberResponse(call, member, organization);
    }

    private static ApiResponse GetMember(ApiCall call)
    {
        var (member, organization) = call.Project.B2B.GetMember(call.PathValues["organization_id"], call.Query("member_id"), call.Query("email_address"));
        return MemberResponse(call, member, organization);
    }

    private static ApiResponse UpdateMember(ApiCall call)
    {
        _ = call.Json.Bool("preserve_existing_sessions");
        var (member, organization) = call.Project.B2B.UpdateMember(
            call.PathValues["organization_id"], call.PathValues["member_id"], ReadMemberFields(call.Json, update: true));
        return MemberResponse(call, member, organization);
    }

    private static ApiResponse DeleteMember(ApiCall call)
    {
        var id = call.Project.B2B.DeleteMember(call.PathValues["organization_id"], call.PathValues["member_id"]);
        return ApiResponse.Ok(call.RequestId, w => w.WriteString("member_id", id));
    }

    private static ApiResponse SearchMembers(ApiCall call)
    {
        var body = call.Json;
        var page = call.Project.B2B.SearchMembers(body.StringArray("organization_ids"), B2BBodyReaders.ReadSearch(body));
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WritePropertyName("members");
            w.WriteStartArray();
            foreach (var member in page.Members)
            {
                JsonSerializer.Serialize(w, WireMember.From(member, page.Organizations[member.OrganizationId]), B2BWireJsonContext.Default.WireMember);
            }

            w.WriteEndArray();
            B2BWire.WriteResultsMetadata(w, page.Total, page.NextCursor);
            w.WritePropertyName("organizations");
            w.WriteStartObject();
            foreach (var (id, organization) in page.Organizations)
            {
                B2BWire.WriteOrganization(w, id, organization);
            }

            w.WriteEndObject();
        });
    }

    // ---- sessions ---------------------------------------------------------------------------------

    private static async ValueTask<ApiResponse> AuthenticateSession(ApiCall call)
    {
        var body = call.Json;
        var claims = ClaimsJson.Read(body);
        var check = B2BBodyReaders.ReadAuthorizationCheck(body);
        var (token, sessionId, duration) = await SessionArguments.ReadAsync(call).ConfigureAwait(false);
        var result = call.Project.B2B.AuthenticateSession(token, sessionId, duration, check, claims);
        var newJwt = await call.Project.Jwts.MintAsync(result.Session).ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            B2BWire.WriteMemberSession(w, result.Session);
            w.WriteString("session_token", result.Session.SessionToken);
            w.WriteString("session_jwt", newJwt);
            B2BWire.WriteMember(w, "member", result.Member, result.Organization);
            B2BWire.WriteOrganization(w, "organization", result.Organization);
            if (result.Verdict is { } verdict)
            {
                w.WritePropertyName("verdict");
                JsonSerializer.Serialize(w, new WireVerdict(verdict.Authorized, [.. verdict.GrantingRoles]), B2BWireJsonContext.Default.WireVerdict);
            }
        });
    }

    private static async ValueTask<ApiResponse> RevokeSession(ApiCall call)
    {
        var body = call.Json;
        var id = body.String("member_session_id");
        var token = body.String("session_token");
        var jwt = body.String("session_jwt");
        var memberId = body.String("member_id");
        var given = new[] { id, token, jwt, memberId }.Count(v => !string.IsNullOrEmpty(v));
        if (given > 1)
        {
            throw new StytchException(StytchError.TooManySessionRevokeArguments);
        }

        if (given == 0)
        {
            throw new StytchException(StytchError.NoSessionRevokeArguments);
        }

        if (!string.IsNullOrEmpty(memberId))
        {
            call.Project.B2B.RevokeMemberSessions(memberId);
        }
        else
        {
            var sessionId = string.IsNullOrEmpty(jwt) ? id : await call.Project.Jwts.ReadSessionIdAsync(jwt).ConfigureAwait(false);
            call.Project.B2B.RevokeSession(token, sessionId);
        }

        return ApiResponse.Ok(call.RequestId, _ => { });
    }
}
