using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Mfa.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;

namespace Stytch.Fake.Products.B2B.MagicLinks.Wire;

/// <summary>The B2B email magic link endpoints: send a login, signup or invite link to a member, and log in with its token.</summary>
internal static class B2BMagicLinkEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Post("b2b.magic_links.email.login_or_signup", "/v1/b2b/magic_links/email/login_or_signup", B2BMagicLinkRequestJson.Default.B2BLinkLoginOrSignupRequest, LoginOrSignup),
        Endpoint.Post("b2b.magic_links.email.invite", "/v1/b2b/magic_links/email/invite", B2BMagicLinkRequestJson.Default.B2BLinkInviteRequest, Invite),
        Endpoint.PostAsync("b2b.magic_links.authenticate", "/v1/b2b/magic_links/authenticate", B2BMagicLinkRequestJson.Default.B2BLinkAuthenticateRequest, Authenticate),
    ];

    private static ApiResponse LoginOrSignup(ApiCall call, B2BLinkLoginOrSignupRequest request)
    {
        var sent = call.Project.B2BProducts.MagicLinks.LoginOrSignup(new B2BLinkLoginOrSignupCommand
        {
            OrganizationId = request.OrganizationId,
            EmailAddress = request.EmailAddress,
            LoginRedirectUrl = request.LoginRedirectUrl,
            SignupRedirectUrl = request.SignupRedirectUrl,
            PkceCodeChallenge = request.PkceCodeChallenge,
            LoginTemplateId = request.LoginTemplateId,
            SignupTemplateId = request.SignupTemplateId,
            Locale = request.Locale,
            LoginExpirationMinutes = request.LoginExpirationMinutes,
            SignupExpirationMinutes = request.SignupExpirationMinutes,
        });
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", sent.Member.MemberId);
            w.WriteBoolean("member_created", sent.MemberCreated);
            MemberWire.Write(w, "member", sent.Member, sent.Organization);
            OrganizationWire.Write(w, "organization", sent.Organization);
        });
    }

    private static ApiResponse Invite(ApiCall call, B2BLinkInviteRequest request)
    {
        var sent = call.Project.B2BProducts.MagicLinks.Invite(new B2BLinkInviteCommand
        {
            OrganizationId = request.OrganizationId,
            EmailAddress = request.EmailAddress,
            InviteRedirectUrl = request.InviteRedirectUrl,
            InvitedByMemberId = request.InvitedByMemberId,
            Fields = new MemberFields
            {
                Name = request.Name,
                TrustedMetadata = request.TrustedMetadata?.GetRawText(),
                UntrustedMetadata = request.UntrustedMetadata?.GetRawText(),
                Roles = request.Roles,
            },
            InviteTemplateId = request.InviteTemplateId,
            Locale = request.Locale,
            InviteExpirationMinutes = request.InviteExpirationMinutes,
        });
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", sent.Member.MemberId);
            MemberWire.Write(w, "member", sent.Member, sent.Organization);
            OrganizationWire.Write(w, "organization", sent.Organization);
        });
    }

    private static async ValueTask<ApiResponse> Authenticate(ApiCall call, B2BLinkAuthenticateRequest request)
    {
        var (sessionToken, sessionJwt) = (request.SessionToken, request.SessionJwt);
        // The spec: "This endpoint will error if both session_token and session_jwt are provided."
        if (!string.IsNullOrEmpty(sessionToken) && !string.IsNullOrEmpty(sessionJwt))
        {
            throw new StytchException(StytchError.TooManySessionArguments);
        }

        var command = new B2BLinkAuthenticateCommand
        {
            MagicLinksToken = request.MagicLinksToken,
            PkceCodeVerifier = request.PkceCodeVerifier,
            SessionDurationMinutes = request.SessionDurationMinutes,
            IntermediateSessionToken = request.IntermediateSessionToken,
            Locale = request.Locale,
            CustomClaims = ClaimsJson.Read(request.SessionCustomClaims),
            SessionToken = sessionToken,
            SessionId = string.IsNullOrEmpty(sessionJwt) ? null : await call.Project.Jwts.ReadSessionIdAsync(sessionJwt).ConfigureAwait(false),
        };
        var result = call.Project.B2BProducts.MagicLinks.Authenticate(command);
        return await B2BLoginWire.RespondAsync(call, result.Login, w =>
        {
            w.WriteString("method_id", result.MethodId);
            w.WriteBoolean("reset_sessions", false);
        }).ConfigureAwait(false);
    }
}
