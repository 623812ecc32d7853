namespace Stytch.Fake.Products.M2M;

/// <summary>
/// Secret rotation. Stytch: after <c>rotate/start</c> "both the client's client_secret and next_client_secret will be
/// valid"; <c>rotate</c> makes the next secret the client secret and the old one stops working; <c>rotate/cancel</c>
/// discards the next secret (Start/Rotate/Cancel Secret Rotation, stytch.com/docs/api/m2m-rotate-secret*).
/// </summary>
internal sealed partial class M2MClientService
{
    /// <summary><c>POST …/secrets/rotate/start</c>: the next secret is returned this once.</summary>
    public M2MClientWithSecret StartRotation(string clientId) => _store.Transact(() =>
    {
        var current = Resolve(clientId);
        if (current.NextSecretHash is not null)
        {
            throw new StytchException(StytchError.M2MClientAlreadyRotatingSecret);
        }

        var next = _store.Ids.NewToken();
        var client = current.Client with { NextClientSecretLastFour = M2MSecrets.LastFour(next) };
        Table.Replace(current, current with { Client = client, NextSecretHash = M2MSecrets.Hash(next) });
        return new M2MClientWithSecret(client, next);
    });

    /// <summary><c>POST …/secrets/rotate/cancel</c>: only the client secret stays valid.</summary>
    public StytchM2MClient CancelRotation(string clientId) => _store.Transact(() =>
    {
        var current = Rotating(clientId);
        var client = current.Client with { NextClientSecretLastFour = null };
        Table.Replace(current, current with { Client = client, NextSecretHash = null });
        return client;
    });

    /// <summary><c>POST …/secrets/rotate</c>: the next secret becomes the client secret; the old one stops working.</summary>
    public StytchM2MClient CompleteRotation(string clientId) => _store.Transact(() =>
    {
        var current = Rotating(clientId);
        var client = current.Client with
        {
            ClientSecretLastFour = current.Client.NextClientSecretLastFour!,
            NextClientSecretLastFour = null,
        };
        Table.Replace(current, new M2MClientRow(client, current.NextSecretHash!, NextSecretHash: null));
        return client;
    });

    private M2MClientRow Rotating(string clientId)
    {
        var current = Resolve(clientId);
        return current.NextSecretHash is null ? throw new StytchException(StytchError.M2MClientNotRotatingSecret) : current;
    }
}
