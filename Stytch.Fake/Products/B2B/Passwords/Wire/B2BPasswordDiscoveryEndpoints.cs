using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Discovery.Wire;

namespace Stytch.Fake.Products.B2B.Passwords.Wire;

/// <summary>The cross-organization password endpoints: discovery authenticate and the discovery reset by email.</summary>
internal static class B2BPasswordDiscoveryEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Post("b2b.passwords.discovery.authenticate", "/v1/b2b/passwords/discovery/authenticate", B2BPasswordRequestJson.Default.B2BPasswordDiscoveryAuthenticateRequest, Authenticate),
        Endpoint.Post("b2b.passwords.discovery.email.reset.start", "/v1/b2b/passwords/discovery/email/reset/start", B2BPasswordRequestJson.Default.B2BPasswordDiscoveryResetStartRequest, ResetStart),
        Endpoint.Post("b2b.passwords.discovery.email.reset", "/v1/b2b/passwords/discovery/email/reset", B2BPasswordRequestJson.Default.B2BPasswordDiscoveryResetRequest, Reset),
    ];

    private static ApiResponse Authenticate(ApiCall call, B2BPasswordDiscoveryAuthenticateRequest request)
    {
        var result = call.Project.B2BProducts.Passwords.DiscoveryAuthenticate(request.EmailAddress, request.Password);
        return ApiResponse.Ok(call.RequestId, w => DiscoveryWire.WriteAuthenticated(w, result));
    }

    private static ApiResponse ResetStart(ApiCall call, B2BPasswordDiscoveryResetStartRequest request)
    {
        call.Project.B2BProducts.Passwords.DiscoveryResetStart(new B2BDiscoveryResetStartCommand
        {
            EmailAddress = request.EmailAddress,
            ResetPasswordRedirectUrl = request.ResetPasswordRedirectUrl,
            DiscoveryRedirectUrl = request.DiscoveryRedirectUrl,
            ResetPasswordExpirationMinutes = request.ResetPasswordExpirationMinutes,
            PkceCodeChallenge = request.PkceCodeChallenge,
            Locale = request.Locale,
        });
        return ApiResponse.Ok(call.RequestId, _ => { });
    }

    private static ApiResponse Reset(ApiCall call, B2BPasswordDiscoveryResetRequest request)
    {
        var result = call.Project.B2BProducts.Passwords.DiscoveryResetByEmail(request.PasswordResetToken, request.Password, request.PkceCodeVerifier);
        return ApiResponse.Ok(call.RequestId, w => DiscoveryWire.WriteAuthenticated(w, result));
    }
}
