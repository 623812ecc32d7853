using Microsoft.IdentityModel.Tokens;

namespace Stytch.Sample.Web.Stytch;

/// <summary>
/// The project's JWKS, fetched from Stytch on first use and kept for an hour. A JWT signed with a key the
/// cache does not know triggers one early refetch (Stytch rotated its keys), at most every 30 seconds so a
/// stream of forged key ids cannot turn into a stream of calls to Stytch.
/// </summary>
internal sealed class JwksCache(TimeProvider time) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinRefetchInterval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<SecurityKey>? _keys;
    private DateTimeOffset _fetchedAt;

    /// <summary>The signing keys, or null when there are none and Stytch cannot be reached.</summary>
    /// <param name="stytch">Fetches the JWKS when needed.</param>
    /// <param name="projectId">The project whose keys to fetch.</param>
    /// <param name="unknownKey">True when a token named a key the cached set lacks.</param>
    /// <param name="cancellation">Cancels the fetch.</param>
    public async Task<IReadOnlyList<SecurityKey>?> GetKeysAsync(StytchClient stytch, string projectId, bool unknownKey, CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation);
        try
        {
            var age = time.GetUtcNow() - _fetchedAt;
            var fresh = _keys is not null && age < MaxAge && !(unknownKey && age >= MinRefetchInterval);
            if (fresh)
            {
                return _keys;
            }

            var jwks = await stytch.GetJwksAsync(projectId, cancellation);
            if (jwks.IsSuccess && Parse(jwks.Value) is { } keys)
            {
                _keys = keys;
                _fetchedAt = time.GetUtcNow();
            }

            // On failure, keep using the keys we had: they were good an hour ago.
            return _keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static IReadOnlyList<SecurityKey>? Parse(string json)
    {
        try
        {
            return [.. new JsonWebKeySet(json).GetSigningKeys()];
        }
        catch (ArgumentException)
        {
            return null; // not a JWKS: treated like no answer
        }
    }
}
