using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.Mfa.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;

namespace Stytch.Fake.Products.B2B.Discovery.Wire;

/// <summary>
/// The B2B discovery endpoints: discovery email OTP and magic links (send a code or a link to any address, and turn
/// it into an intermediate session), and the organizations an intermediate or member session can reach.
/// </summary>
internal static class DiscoveryEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Post("b2b.otps.email.discovery.send", "/v1/b2b/otps/email/discovery/send", DiscoveryRequestJson.Default.DiscoveryOtpSendRequest, SendOtp),
        Endpoint.Post("b2b.otps.email.discovery.authenticate", "/v1/b2b/otps/email/discovery/authenticate", DiscoveryRequestJson.Default.DiscoveryOtpAuthenticateRequest, AuthenticateOtp),
        Endpoint.Post("b2b.magic_links.email.discovery.send", "/v1/b2b/magic_links/email/discovery/send", DiscoveryRequestJson.Default.DiscoveryLinkSendRequest, SendLink),
        Endpoint.Post("b2b.magic_links.discovery.authenticate", "/v1/b2b/magic_links/discovery/authenticate", DiscoveryRequestJson.Default.DiscoveryLinkAuthenticateRequest, AuthenticateLink),
        Endpoint.PostAsync("b2b.discovery.organizations.list", "/v1/b2b/discovery/organizations", DiscoveryRequestJson.Default.DiscoveryListRequest, ListAsync),
        Endpoint.PostAsync("b2b.discovery.organizations.create", "/v1/b2b/discovery/organizations/create", DiscoveryRequestJson.Default.DiscoveryCreateRequest, CreateAsync),
        Endpoint.PostAsync("b2b.discovery.intermediate_sessions.exchange", "/v1/b2b/discovery/intermediate_sessions/exchange", DiscoveryRequestJson.Default.DiscoveryExchangeRequest, ExchangeAsync),
    ];

    private static ApiResponse SendOtp(ApiCall call, DiscoveryOtpSendRequest request)
    {
        call.Project.B2BProducts.Discovery.SendOtp(new DiscoveryOtpSendCommand
        {
            EmailAddress = request.EmailAddress,
            LoginTemplateId = request.LoginTemplateId,
            Locale = request.Locale,
            DiscoveryExpirationMinutes = request.DiscoveryExpirationMinutes,
        });
        return ApiResponse.Ok(call.RequestId, _ => { });
    }

    private static ApiResponse AuthenticateOtp(ApiCall call, DiscoveryOtpAuthenticateRequest request)
    {
        var result = call.Project.B2BProducts.Discovery.AuthenticateOtp(request.EmailAddress, request.Code);
        return ApiResponse.Ok(call.RequestId, w => DiscoveryWire.WriteAuthenticated(w, result));
    }

    private static ApiResponse SendLink(ApiCall call, DiscoveryLinkSendRequest request)
    {
        call.Project.B2BProducts.Discovery.SendLink(new DiscoveryLinkSendCommand
        {
            EmailAddress = request.EmailAddress,
            DiscoveryRedirectUrl = request.DiscoveryRedirectUrl,
            PkceCodeChallenge = request.PkceCodeChallenge,
            LoginTemplateId = request.LoginTemplateId,
            Locale = request.Locale,
            DiscoveryExpirationMinutes = request.DiscoveryExpirationMinutes,
        });
        return ApiResponse.Ok(call.RequestId, _ => { });
    }

    private static ApiResponse AuthenticateLink(ApiCall call, DiscoveryLinkAuthenticateRequest request)
    {
        var result = call.Project.B2BProducts.Discovery.AuthenticateLink(request.DiscoveryMagicLinksToken, request.PkceCodeVerifier);
        return ApiResponse.Ok(call.RequestId, w => DiscoveryWire.WriteAuthenticated(w, result));
    }

    private static async ValueTask<ApiResponse> ExchangeAsync(ApiCall call, DiscoveryExchangeRequest request)
    {
        var login = call.Project.B2BProducts.Discovery.Exchange(new DiscoveryExchangeCommand
        {
            IntermediateSessionToken = request.IntermediateSessionToken,
            OrganizationId = request.OrganizationId,
            SessionDurationMinutes = request.SessionDurationMinutes,
            CustomClaims = ClaimsJson.Read(request.SessionCustomClaims),
            Locale = request.Locale,
        });
        return await B2BLoginWire.RespondWithoutOrganizationIdAsync(call, login).ConfigureAwait(false);
    }

    private static async ValueTask<ApiResponse> CreateAsync(ApiCall call, DiscoveryCreateRequest request)
    {
        var login = call.Project.B2BProducts.Discovery.CreateOrganization(new DiscoveryCreateCommand
        {
            IntermediateSessionToken = request.IntermediateSessionToken,
            Fields = OrganizationEndpoints.ReadFields(request),
            SessionDurationMinutes = request.SessionDurationMinutes,
            CustomClaims = ClaimsJson.Read(request.SessionCustomClaims),
        });
        return await B2BLoginWire.RespondWithoutOrganizationIdAsync(call, login).ConfigureAwait(false);
    }

    private static async ValueTask<ApiResponse> ListAsync(ApiCall call, DiscoveryListRequest request)
    {
        var (ist, token, jwt) = (request.IntermediateSessionToken, request.SessionToken, request.SessionJwt);
        var discovery = call.Project.B2BProducts.Discovery;
        // Checked before the JWT is read, so that more than one argument is refused whatever they hold.
        DiscoveryService.CheckListArguments(ist, token, jwt);
        var sessionId = string.IsNullOrEmpty(jwt) ? null : await call.Project.Jwts.ReadSessionIdAsync(jwt).ConfigureAwait(false);
        var result = discovery.List(ist, token, sessionId);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("email_address", result.EmailAddress);
            DiscoveryWire.WriteOrganizations(w, "discovered_organizations", result.Organizations);
            if (result.OrganizationIdHint is null)
            {
                w.WriteNull("organization_id_hint");
            }
            else
            {
                w.WriteString("organization_id_hint", result.OrganizationIdHint);
            }
        });
    }
}
