using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.EmailOtp;
using Stytch.Fake.Products.B2B.Members;

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

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Post("b2b.otps.email.login_or_signup", "/v1/b2b/otps/email/login_or_signup", B2BRequestJson.Default.B2BOtpEmailLoginOrSignupRequest, LoginOrSignup),
        Endpoint.PostAsync("b2b.otps.email.authenticate", "/v1/b2b/otps/email/authenticate", B2BRequestJson.Default.B2BOtpEmailAuthenticateRequest, AuthenticateOtp),
        Endpoint.Post("b2b.organizations.create", Organizations, B2BRequestJson.Default.OrganizationCreateRequest, CreateOrganization),
        Endpoint.Post("b2b.organizations.search", Organizations + "/search", B2BRequestJson.Default.OrganizationSearchRequest, SearchOrganizations),
        Endpoint.Get("b2b.organizations.get", Organization, GetOrganization),
        Endpoint.Put("b2b.organizations.update", Organization, B2BRequestJson.Default.OrganizationUpdateRequest, UpdateOrganization),
        Endpoint.Delete("b2b.organizations.delete", Organization, DeleteOrganization),
        Endpoint.Post("b2b.organizations.members.create", Organization + "/members", B2BRequestJson.Default.MemberCreateRequest, CreateMember),
        Endpoint.Get("b2b.organizations.members.get", Organization + "/member", GetMember),
        Endpoint.Post("b2b.organizations.members.search", Organizations + "/members/search", B2BRequestJson.Default.MemberSearchRequest, SearchMembers),
        Endpoint.Put("b2b.organizations.members.update", Organization + "/members/{member_id}", B2BRequestJson.Default.MemberUpdateRequest, UpdateMember),
        Endpoint.Delete("b2b.organizations.members.delete", Organization + "/members/{member_id}", DeleteMember),
        Endpoint.PostAsync("b2b.sessions.authenticate", "/v1/b2b/sessions/authenticate", B2BRequestJson.Default.MemberSessionAuthenticateRequest, AuthenticateSession),
        Endpoint.PostAsync("b2b.sessions.revoke", "/v1/b2b/sessions/revoke", B2BRequestJson.Default.MemberSessionRevokeRequest, RevokeSession),
    ];

    // ---- email OTP --------------------------------------------------------------------------------

    private static ApiResponse LoginOrSignup(ApiCall call, B2BOtpEmailLoginOrSignupRequest request)
    {
        var sent = call.Project.B2B.EmailOtp.LoginOrSignup(request.OrganizationId, request.EmailAddress, new LoginOrSignupOptions
        {
            LoginExpirationMinutes = request.LoginExpirationMinutes,
            SignupExpirationMinutes = request.SignupExpirationMinutes,
            Locale = request.Locale,
            LoginTemplateId = request.LoginTemplateId,
            SignupTemplateId = request.SignupTemplateId,
        });
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", sent.Member.MemberId);
            w.WriteBoolean("member_created", sent.MemberCreated);
            B2BWire.WriteMember(w, "member", sent.Member, sent.Organization);
            B2BWire.WriteOrganization(w, "organization", sent.Organization);
        });
    }

    private static async ValueTask<ApiResponse> AuthenticateOtp(ApiCall call, B2BOtpEmailAuthenticateRequest request)
    {
        var (sessionToken, sessionJwt) = (request.SessionToken, request.SessionJwt);
        var command = new B2BOtpAuthenticateCommand
        {
            OrganizationId = request.OrganizationId,
            EmailAddress = request.EmailAddress,
            Code = request.Code,
            SessionDurationMinutes = request.SessionDurationMinutes,
            IntermediateSessionToken = request.IntermediateSessionToken,
            Locale = request.Locale,
            CustomClaims = ClaimsJson.Read(request.SessionCustomClaims),
            SessionToken = sessionToken,
            SessionId = string.IsNullOrEmpty(sessionJwt) || !string.IsNullOrEmpty(sessionToken)
                ? null
                : await call.Project.Jwts.ReadSessionIdAsync(sessionJwt).ConfigureAwait(false),
        };
        var result = call.Project.B2B.EmailOtp.Authenticate(command);
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

    private static OrganizationFields ReadOrganizationFields(IOrganizationBody request) => new()
    {
        OrganizationName = request.OrganizationName,
        OrganizationSlug = request.OrganizationSlug,
        OrganizationLogoUrl = request.OrganizationLogoUrl,
        OrganizationExternalId = request.OrganizationExternalId,
        TrustedMetadata = request.TrustedMetadata?.GetRawText(),
        SsoJitProvisioning = request.SsoJitProvisioning,
        EmailAllowedDomains = request.EmailAllowedDomains,
        EmailJitProvisioning = request.EmailJitProvisioning,
        EmailInvites = request.EmailInvites,
        AuthMethods = request.AuthMethods,
        AllowedAuthMethods = request.AllowedAuthMethods,
        MfaPolicy = request.MfaPolicy,
        MfaMethods = request.MfaMethods,
        AllowedMfaMethods = request.AllowedMfaMethods,
        RbacEmailImplicitRoleAssignments = B2BBodyReaders.ReadRoleAssignments(request.RbacEmailImplicitRoleAssignments),
        OauthTenantJitProvisioning = request.OauthTenantJitProvisioning,
        AllowedOauthTenants = request.AllowedOauthTenants?.GetRawText(),
        ClaimedEmailDomains = request.ClaimedEmailDomains,
        FirstPartyConnectedAppsAllowedType = request.FirstPartyConnectedAppsAllowedType,
        AllowedFirstPartyConnectedApps = request.AllowedFirstPartyConnectedApps,
        ThirdPartyConnectedAppsAllowedType = request.ThirdPartyConnectedAppsAllowedType,
        AllowedThirdPartyConnectedApps = request.AllowedThirdPartyConnectedApps,
    };

    private static ApiResponse OrganizationResponse(ApiCall call, StytchOrganization organization) =>
        ApiResponse.Ok(call.RequestId, w => B2BWire.WriteOrganization(w, "organization", organization));

    private static ApiResponse CreateOrganization(ApiCall call, OrganizationCreateRequest request) =>
        OrganizationResponse(call, call.Project.B2B.Organizations.Create(ReadOrganizationFields(request)));

    private static ApiResponse GetOrganization(ApiCall call) =>
        OrganizationResponse(call, call.Project.B2B.Organizations.Get(call.PathValues["organization_id"]));

    private static ApiResponse UpdateOrganization(ApiCall call, OrganizationUpdateRequest request) =>
        OrganizationResponse(call, call.Project.B2B.Organizations.Update(call.PathValues["organization_id"], ReadOrganizationFields(request) with
        {
            SsoJitProvisioningAllowedConnections = request.SsoJitProvisioningAllowedConnections,
            SsoDefaultConnectionId = request.SsoDefaultConnectionId,
        }));

    private static ApiResponse DeleteOrganization(ApiCall call)
    {
        var id = call.Project.B2B.Organizations.Delete(call.PathValues["organization_id"]);
        return ApiResponse.Ok(call.RequestId, w => w.WriteString("organization_id", id));
    }

    private static ApiResponse SearchOrganizations(ApiCall call, OrganizationSearchRequest request)
    {
        var page = call.Project.B2B.Organizations.Search(B2BBodyReaders.ReadSearch(request));
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

    private static MemberFields ReadMemberFields(IMemberBody request) => new()
    {
        EmailAddress = request.EmailAddress,
        Name = request.Name,
        TrustedMetadata = request.TrustedMetadata?.GetRawText(),
        UntrustedMetadata = request.UntrustedMetadata?.GetRawText(),
        IsBreakglass = request.IsBreakglass,
        MfaPhoneNumber = request.MfaPhoneNumber,
        MfaEnrolled = request.MfaEnrolled,
        Roles = request.Roles,
        ExternalId = request.ExternalId,
    };

    private static ApiResponse MemberResponse(ApiCall call, StytchMember member, StytchOrganization organization) =>
        ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", member.MemberId);
            B2BWire.WriteMember(w, "member", member, organization);
            B2BWire.WriteOrganization(w, "organization", organization);
        });

    private static ApiResponse CreateMember(ApiCall call, MemberCreateRequest request)
    {
        var pending = request.CreateMemberAsPending ?? false;
        var (member, organization) = call.Project.B2B.Members.Create(
            call.PathValues["organization_id"], ReadMemberFields(request), pending ? "pending" : "active");
        return MemberResponse(call, member, organization);
    }

    private static ApiResponse GetMember(ApiCall call)
    {
        var (member, organization) = call.Project.B2B.Members.Get(call.PathValues["organization_id"], call.Query("member_id"), call.Query("email_address"));
        return MemberResponse(call, member, organization);
    }

    private static ApiResponse UpdateMember(ApiCall call, MemberUpdateRequest request)
    {
        var fields = ReadMemberFields(request) with { DefaultMfaMethod = request.DefaultMfaMethod, UnlinkEmail = request.UnlinkEmail };
        var (member, organization) = call.Project.B2B.Members.Update(call.PathValues["organization_id"], call.PathValues["member_id"], fields);
        return MemberResponse(call, member, organization);
    }

    private static ApiResponse DeleteMember(ApiCall call)
    {
        var id = call.Project.B2B.Members.Delete(call.PathValues["organization_id"], call.PathValues["member_id"]);
        return ApiResponse.Ok(call.RequestId, w => w.WriteString("member_id", id));
    }

    private static ApiResponse SearchMembers(ApiCall call, MemberSearchRequest request)
    {
        var page = call.Project.B2B.Members.Search(request.OrganizationIds, B2BBodyReaders.ReadSearch(request));
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

    private static async ValueTask<ApiResponse> AuthenticateSession(ApiCall call, MemberSessionAuthenticateRequest request)
    {
        var claims = ClaimsJson.Read(request.SessionCustomClaims);
        var check = B2BBodyReaders.ReadAuthorizationCheck(request.AuthorizationCheck);
        var (token, sessionId, duration) = await SessionArguments.ResolveAsync(call, request.SessionToken, request.SessionJwt, request.SessionDurationMinutes).ConfigureAwait(false);
        var result = call.Project.B2B.Sessions.Authenticate(token, sessionId, duration, check, claims);
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

    private static async ValueTask<ApiResponse> RevokeSession(ApiCall call, MemberSessionRevokeRequest request)
    {
        var (id, token, jwt, memberId) = (request.MemberSessionId, request.SessionToken, request.SessionJwt, request.MemberId);
        SessionArguments.CheckRevokeArguments(id, token, jwt, memberId);
        if (!string.IsNullOrEmpty(memberId))
        {
            call.Project.B2B.Sessions.RevokeAllOf(memberId);
        }
        else
        {
            var sessionId = string.IsNullOrEmpty(jwt) ? id : await call.Project.Jwts.ReadSessionIdAsync(jwt).ConfigureAwait(false);
            call.Project.B2B.Sessions.Revoke(token, sessionId);
        }

        return ApiResponse.Ok(call.RequestId, _ => { });
    }
}
