using Stytch.Fake.Core;

namespace Stytch.Fake.Products.M2M;

/// <summary>
/// M2M clients (<c>/v1/m2m/clients</c>) in the project's store: create, get, update, delete, search (M2MClientSearch.cs),
/// secret rotation (M2MSecretRotation.cs) and the client-credentials grant (M2MTokenGrant.cs). Every operation
/// validates first and changes state only when it succeeds, in one transaction of the store.
/// </summary>
internal sealed partial class M2MClientService
{
    private readonly ProjectStore _store;

    public M2MClientService(ProjectStore store)
    {
        _store = store;
        Table = store.Part<M2MClientTable>();
    }

    /// <summary>The clients and their secret hashes; only touch under the store's lock.</summary>
    internal M2MClientTable Table { get; }

    /// <summary><c>POST /v1/m2m/clients</c>: the secret is returned this once, and kept only as a hash.</summary>
    public M2MClientWithSecret Create(M2MClientFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        // The spec's api_m2m_v1_m2m_clients_CreateRequest requires scopes; an empty array is a client with none.
        var scopes = M2MClientRules.Scopes(fields.Scopes ?? throw Validate.BadRequest("scopes is required: send an array of scopes, empty for none."));
        if (fields.ClientId is { } customId)
        {
            M2MClientRules.CheckClientId(customId);
        }

        if (fields.ClientSecret is { } customSecret)
        {
            M2MClientRules.CheckSecret(customSecret);
        }

        M2MClientRules.CheckName(fields.ClientName);
        M2MClientRules.CheckDescription(fields.ClientDescription);
        return _store.Transact(() =>
        {
            if (fields.ClientId is { } id && Table.ById(id) is not null)
            {
                throw new StytchException(StytchError.DuplicateM2MClientId);
            }

            var secret = fields.ClientSecret ?? _store.Ids.NewToken();
            var client = new StytchM2MClient
            {
                ClientId = fields.ClientId ?? _store.Ids.New("m2m-client"),
                ClientName = fields.ClientName ?? "",
                ClientDescription = fields.ClientDescription ?? "",
                Scopes = scopes,
                ClientSecretLastFour = M2MSecrets.LastFour(secret),
                TrustedMetadata = fields.TrustedMetadata ?? "{}",
            };
            Table.Add(new M2MClientRow(client, M2MSecrets.Hash(secret), NextSecretHash: null));
            return new M2MClientWithSecret(client, secret);
        });
    }

    /// <summary><c>GET /v1/m2m/clients/{client_id}</c>.</summary>
    public StytchM2MClient Get(string clientId) => _store.Transact(() => Resolve(clientId).Client);

    /// <summary>Every client, oldest first.</summary>
    public IReadOnlyList<StytchM2MClient> List() => _store.Transact(() => Table.All.Select(r => r.Client).ToArray());

    /// <summary><c>PUT /v1/m2m/clients/{client_id}</c>: only the given fields change.</summary>
    public StytchM2MClient Update(string clientId, M2MClientFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var scopes = fields.Scopes is { } given ? M2MClientRules.Scopes(given) : null;
        M2MClientRules.CheckName(fields.ClientName);
        M2MClientRules.CheckDescription(fields.ClientDescription);
        M2MClientRules.CheckStatus(fields.Status);
        return _store.Transact(() =>
        {
            var current = Resolve(clientId);
            var client = current.Client with
            {
                ClientName = fields.ClientName ?? current.Client.ClientName,
                ClientDescription = fields.ClientDescription ?? current.Client.ClientDescription,
                Status = fields.Status ?? current.Client.Status,
                Scopes = scopes ?? current.Client.Scopes,
                TrustedMetadata = fields.TrustedMetadata ?? current.Client.TrustedMetadata,
            };
            Table.Replace(current, current with { Client = client });
            return client;
        });
    }

    /// <summary>
    /// <c>DELETE /v1/m2m/clients/{client_id}</c>. Tokens already issued stay valid until they expire, as Stytch says:
    /// they are JWTs verified against the JWKS alone.
    /// </summary>
    public string Delete(string clientId) => _store.Transact(() =>
    {
        var row = Resolve(clientId);
        Table.Remove(row);
        return row.Client.ClientId;
    });

    /// <summary>Every client with its secret hashes, oldest first, for a snapshot; under the store's lock.</summary>
    public IReadOnlyList<M2MClientRow> Export() => Table.All.ToArray();

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when <paramref name="rows"/> cannot be loaded (duplicate ids, a secret
    /// hash not of the stored form, a status or scope the rules refuse); changes nothing.
    /// </summary>
    public static void Check(IReadOnlyList<M2MClientRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Select(r => r.Client.ClientId).Distinct(StringComparer.Ordinal).Count() != rows.Count
            || rows.Any(r => !M2MSecrets.IsHash(r.SecretHash) || (r.NextSecretHash is not null && !M2MSecrets.IsHash(r.NextSecretHash))
                || (r.NextSecretHash is null) != (r.Client.NextClientSecretLastFour is null)
                || r.Client.Status is not M2MClientStatus.Active and not M2MClientStatus.Inactive))
        {
            throw new ArgumentException("The snapshot's M2M clients are inconsistent: duplicate client ids, a secret hash not of the form sha256:<base64>, a next secret without its last four, or a status other than active and inactive.", nameof(rows));
        }
    }

    /// <summary>Adds a snapshot's clients to an empty store; the caller has run <see cref="Check"/> and holds the lock.</summary>
    public void Load(IEnumerable<M2MClientRow> rows)
    {
        foreach (var row in rows)
        {
            Table.Add(row);
        }
    }

    /// <summary>The client with this id; under the store's lock.</summary>
    /// <exception cref="StytchException"><c>m2m_client_not_found</c>.</exception>
    private M2MClientRow Resolve(string clientId) =>
        Table.ById(clientId) ?? throw new StytchException(StytchError.M2MClientNotFound);
}
