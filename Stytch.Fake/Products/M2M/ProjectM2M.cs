using Stytch.Fake.Products.M2M;

namespace Stytch.Fake;

/// <summary>A project's M2M clients, read and made in process, without HTTP: <c>project.M2M</c>.</summary>
public sealed class ProjectM2M
{
    private readonly M2MClientService _clients;

    internal ProjectM2M(M2MClientService clients) => _clients = clients;

    /// <summary>Every M2M client of the project, oldest first.</summary>
    public IReadOnlyList<StytchM2MClient> All => _clients.List();

    /// <summary>The client with this id.</summary>
    /// <exception cref="StytchException">No such client (<c>m2m_client_not_found</c>).</exception>
    public StytchM2MClient Get(string clientId) => _clients.Get(clientId);

    /// <summary>
    /// Creates a client as <c>POST /v1/m2m/clients</c> does, with <paramref name="scopes"/> and any other
    /// <paramref name="fields"/>; the secret is in the result, and nowhere else afterwards.
    /// </summary>
    /// <exception cref="StytchException">A field breaks Stytch's rules (for instance <c>duplicate_m2m_client_id</c>).</exception>
    public M2MClientWithSecret Create(IReadOnlyList<string> scopes, M2MClientFields? fields = null) =>
        _clients.Create((fields ?? new M2MClientFields()) with { Scopes = scopes });
}
