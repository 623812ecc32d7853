using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Jwks.Wire;

/// <summary>
/// The JWKS endpoints: the project's public signing keys, at Stytch's consumer and B2B paths, which publish the same
/// keys. The project comes from the path; Basic auth is optional (see <see cref="Access.PathProject"/>).
/// </summary>
internal static class JwksEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.GetAsync("sessions.jwks", "/v1/sessions/jwks/{project_id}", Jwks, Access.PathProject),
        Endpoint.GetAsync("b2b.sessions.jwks", "/v1/b2b/sessions/jwks/{project_id}", Jwks, Access.PathProject),
    ];

    /// <summary><c>{"keys":[…]}</c>: every key the project signs with or has signed with and not removed.</summary>
    private static async ValueTask<ApiResponse> Jwks(ApiCall call)
    {
        var keys = await call.Project.Jwts.JwksAsync().ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w => WireJson.WriteArray(w, "keys", keys, WireJsonContext.Default.WireJwk));
    }
}
