using Stytch.Fake.Http;
using Stytch.Fake.Tokens;

namespace Stytch.Fake.Products.M2M.Wire;

/// <summary>
/// <c>POST /v1/public/{project_id}/oauth2/token</c>, the client-credentials token endpoint the SDKs' <c>m2m.token</c>
/// calls. It is not in Stytch's OpenAPI spec; its shapes are from the docs (Get Access Token) and the SDKs. It takes no
/// project secret: the project comes from the path and the client authenticates itself. Its errors are OAuth's
/// <c>{status_code, request_id, error, error_description, error_uri}</c> (<see cref="ApiResponse.OAuthError"/>).
/// </summary>
internal static class M2MTokenEndpoint
{
    public const string Path = "/v1/public/{project_id}/oauth2/token";

    public static Endpoint Token() =>
        new("m2m.token", "POST", new Route(Path), BodyFields: null, Handle, Access.ClientCredentials) { OAuthErrors = true };

    private static async ValueTask<ApiResponse> Handle(ApiCall call)
    {
        var (request, fromHeader) = M2MTokenRequestReader.Read(call);
        M2MGrant grant;
        try
        {
            grant = call.Project.M2MClients.Grant(request);
        }
        catch (StytchException e) when (fromHeader && e.Error.ErrorType == StytchError.OAuthInvalidClient.ErrorType)
        {
            // RFC 6749 section 5.2: a client that authenticated in the Authorization header gets 401 invalid_client.
            throw new StytchException(e.Error with { StatusCode = 401 });
        }

        var token = await M2MAccessTokens.MintAsync(call.Project, grant).ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("access_token", token);
            w.WriteString("token_type", "bearer");
            w.WriteNumber("expires_in", (int)M2MAccessTokens.Lifetime.TotalSeconds);
        });
    }
}
