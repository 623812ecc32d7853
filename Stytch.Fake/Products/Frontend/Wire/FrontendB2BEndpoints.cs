using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Discovery.Wire;
using Stytch.Fake.Products.B2B.EmailOtp.Wire;
using Stytch.Fake.Products.B2B.MagicLinks.Wire;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;
using Stytch.Fake.Products.B2B.Passwords.Wire;
using Stytch.Fake.Products.B2B.Sessions.Wire;
using Stytch.Fake.Products.B2B.SmsOtp.Wire;
using Stytch.Fake.Products.B2B.Totps.Wire;

namespace Stytch.Fake.Products.Frontend.Wire;

/// <summary>
/// The B2B client's calls under <c>/sdk/v1/b2b</c> (<c>StytchB2BClient</c>, <c>StytchB2BUIClient</c>), each the backend
/// endpoint of the same name. The SDK keeps the intermediate session token in a cookie and sends it in the body, as the
/// backend takes it; the member session is the Basic password after login.
/// </summary>
internal static class FrontendB2BEndpoints
{
    public static IEnumerable<Endpoint> All()
    {
        List<Endpoint> backend =
        [
            .. B2BEmailOtpEndpoints.All(), .. B2BMagicLinkEndpoints.All(), .. DiscoveryEndpoints.All(), .. MemberSessionEndpoints.All(),
            .. B2BPasswordEndpoints.All(), .. B2BPasswordDiscoveryEndpoints.All(), .. B2BSmsOtpEndpoints.All(), .. B2BTotpEndpoints.All(),
            .. OrganizationEndpoints.All(), .. MemberEndpoints.All(),
        ];
        Endpoint Reuse(string name, string path, FrontendBody? body = null) =>
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(backend, name), "/b2b" + path, body);

        return
        [
            Reuse("b2b.otps.email.login_or_signup", "/otps/email/login_or_signup"),
            Reuse("b2b.otps.email.authenticate", "/otps/email/authenticate"),
            Reuse("b2b.otps.email.discovery.send", "/otps/email/discovery/send"),
            Reuse("b2b.otps.email.discovery.authenticate", "/otps/email/discovery/authenticate"),
            Reuse("b2b.magic_links.email.login_or_signup", "/magic_links/email/login_or_signup"),
            Reuse("b2b.magic_links.authenticate", "/magic_links/authenticate"),
            Reuse("b2b.magic_links.email.discovery.send", "/magic_links/email/discovery/send"),
            Reuse("b2b.magic_links.discovery.authenticate", "/magic_links/discovery/authenticate"),
            // Before an intermediate session exists, a logged-in member lists and creates with their session.
            Reuse("b2b.discovery.organizations.list", "/discovery/organizations", FrontendBody.WithSessionIfLoggedIn),
            Reuse("b2b.discovery.organizations.create", "/discovery/organizations/create"),
            Reuse("b2b.discovery.intermediate_sessions.exchange", "/discovery/intermediate_sessions/exchange"),
            Reuse(StytchEndpoints.B2B.SessionAuthenticate, "/sessions/authenticate", FrontendBody.OfSession),
            Reuse(StytchEndpoints.B2B.SessionRevoke, "/sessions/revoke", FrontendBody.OfSession),
            Reuse(StytchEndpoints.B2B.PasswordAuthenticate, "/passwords/authenticate"),
            Reuse(StytchEndpoints.B2B.PasswordStrengthCheck, "/passwords/strength_check"),
            Reuse(StytchEndpoints.B2B.PasswordEmailResetStart, "/passwords/email/reset/start"),
            Reuse(StytchEndpoints.B2B.PasswordEmailReset, "/passwords/email/reset"),
            Reuse("b2b.passwords.existing_password.reset", "/passwords/existing_password/reset"),
            Reuse("b2b.passwords.session.reset", "/passwords/session/reset", FrontendBody.OfSession),
            // The SDK's discovery reset paths leave out the backend's "email/".
            Reuse("b2b.passwords.discovery.email.reset.start", "/passwords/discovery/reset/start"),
            Reuse("b2b.passwords.discovery.email.reset", "/passwords/discovery/reset"),
            Reuse("b2b.passwords.discovery.authenticate", "/passwords/discovery/authenticate"),
            Reuse(StytchEndpoints.B2B.OtpSmsSend, "/otps/sms/send"),
            Reuse(StytchEndpoints.B2B.OtpSmsAuthenticate, "/otps/sms/authenticate"),
            Reuse(StytchEndpoints.B2B.TotpCreate, "/totp"),
            Reuse(StytchEndpoints.B2B.TotpAuthenticate, "/totp/authenticate"),
            // The logged-in member's organization and member record: the backend's gets, named by the member session.
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(backend, "b2b.organizations.get"), "/b2b/organizations/me",
                pathValues: call => new Dictionary<string, string>(StringComparer.Ordinal) { ["organization_id"] = SessionMember(call).OrganizationId }),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(backend, "b2b.organizations.members.get"), "/b2b/organizations/members/me",
                pathValues: call => new Dictionary<string, string>(StringComparer.Ordinal) { ["organization_id"] = SessionMember(call).OrganizationId },
                query: call => new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["member_id"] = [SessionMember(call).MemberId] }),
        ];
    }

    /// <summary>The member of the logged-in member session (the Basic password); <c>session_not_found</c> before login.</summary>
    private static StytchMember SessionMember(ApiCall call)
    {
        var token = FrontendCalls.SessionToken(call) ?? throw new StytchException(StytchError.SessionNotFound);
        return call.Project.B2BProducts.Sessions.Authenticate(token, null, null, null).Member;
    }
}
