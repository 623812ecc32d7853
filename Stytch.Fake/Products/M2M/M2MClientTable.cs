using Stytch.Fake.Core;

namespace Stytch.Fake.Products.M2M;

/// <summary>A client with the hashes of its secret and of its next secret while a rotation is under way.</summary>
/// <param name="Client">The client.</param>
/// <param name="SecretHash">The hash of the client secret (see <see cref="M2MSecrets"/>).</param>
/// <param name="NextSecretHash">The hash of the next secret during a rotation, else null.</param>
internal sealed record M2MClientRow(StytchM2MClient Client, string SecretHash, string? NextSecretHash);

/// <summary>The M2M clients of a project, oldest first, by client id; only touched under the store's lock.</summary>
internal sealed class M2MClientTable : IStorePart
{
    private readonly IndexedTable<M2MClientRow> _rows = new(r => r.Client.ClientId);

    /// <summary>Every client, oldest first.</summary>
    public IEnumerable<M2MClientRow> All => _rows.All;

    public M2MClientRow? ById(string clientId) => _rows.ById(clientId);

    public void Add(M2MClientRow row) => _rows.Add(row);

    /// <summary>Puts <paramref name="updated"/> in the place of <paramref name="current"/> (the same id).</summary>
    public void Replace(M2MClientRow current, M2MClientRow updated) => _rows.Replace(current, updated);

    public void Remove(M2MClientRow row) => _rows.Remove(row);

    public void Clear() => _rows.Clear();
}
