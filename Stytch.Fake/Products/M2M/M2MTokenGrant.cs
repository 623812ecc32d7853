namespace Stytch.Fake.Products.M2M;

/// <summary>A token request's parameters, wherever they came from (form or JSON body, or Basic auth for the credentials).</summary>
/// <param name="ClientId">The client id, or null when none was sent.</param>
/// <param name="ClientSecret">The client secret, or null when none was sent.</param>
/// <param name="GrantType">The <c>grant_type</c>, or null.</param>
/// <param name="Scope">The space-separated <c>scope</c>, or null.</param>
internal sealed record M2MTokenRequest(string? ClientId, string? ClientSecret, string? GrantType, string? Scope);

/// <summary>What the token endpoint grants: the client and the scopes its access token carries.</summary>
/// <param name="ClientId">The client, the token's <c>sub</c>.</param>
/// <param name="Scopes">The granted scopes, the token's space-separated <c>scope</c>.</param>
internal sealed record M2MGrant(string ClientId, IReadOnlyList<string> Scopes);

/// <summary>
/// The client-credentials grant of <c>POST /v1/public/{project_id}/oauth2/token</c>, an RFC 6749 section 4.4 token
/// endpoint (Get Access Token, stytch.com/docs/api/get-m2m-token). Its errors are RFC 6749 section 5.2's. The order of
/// the checks is inferred: a request without <c>grant_type</c> first, then client authentication, then the grant type,
/// then the scopes.
/// </summary>
internal sealed partial class M2MClientService
{
    public const string ClientCredentials = "client_credentials";

    /// <summary>
    /// Authenticates the client and grants the requested scopes: all of the client's when <c>scope</c> is omitted or
    /// empty ("If omitted, all scopes assigned to the client will be returned", stytch-node TokenRequest), otherwise
    /// exactly those requested, which must all be the client's. Both secrets work during a rotation; an inactive client
    /// is refused as an unauthenticated one (inferred: Stytch authenticates the endpoint "via the client_id and
    /// client_secret of an active M2M Client").
    /// </summary>
    public M2MGrant Grant(M2MTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.GrantType))
        {
            throw new StytchException(StytchError.OAuthInvalidRequest);
        }

        return _store.Transact(() =>
        {
            var row = request.ClientId is { Length: > 0 } id ? Table.ById(id) : null;
            if (row is null || request.ClientSecret is not { Length: > 0 } secret
                || !(M2MSecrets.Matches(secret, row.SecretHash) || M2MSecrets.Matches(secret, row.NextSecretHash))
                || row.Client.Status != M2MClientStatus.Active)
            {
                throw new StytchException(StytchError.OAuthInvalidClient);
            }

            if (request.GrantType != ClientCredentials)
            {
                throw new StytchException(StytchError.OAuthUnsupportedGrantType);
            }

            var requested = (request.Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
            if (requested.Length == 0)
            {
                return new M2MGrant(row.Client.ClientId, row.Client.Scopes);
            }

            return requested.All(row.Client.Scopes.Contains)
                ? new M2MGrant(row.Client.ClientId, requested)
                : throw new StytchException(StytchError.OAuthInvalidScope);
        });
    }
}
