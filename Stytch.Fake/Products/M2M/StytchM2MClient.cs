namespace Stytch.Fake;

// An M2M client as the engine holds it (Stytch's M2MClient object). Its secrets are never kept: only their hashes, in
// the client table, beside this record (see M2MSecrets).

/// <summary>A machine-to-machine client: the OAuth client-credentials identity of a service (Stytch's <c>M2MClient</c>).</summary>
public sealed record StytchM2MClient
{
    /// <summary>The <c>m2m-client-test-…</c> id, or the one given when it was created.</summary>
    public required string ClientId { get; init; }
    /// <summary>A human-readable name, or empty.</summary>
    public string ClientName { get; init; } = "";
    /// <summary>A human-readable description, or empty.</summary>
    public string ClientDescription { get; init; } = "";
    /// <summary><c>active</c> (default) or <c>inactive</c>; an inactive client gets no access tokens.</summary>
    public string Status { get; init; } = M2MClientStatus.Active;
    /// <summary>The scopes the client may request, in the order given.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];
    /// <summary>The last four characters of the client secret.</summary>
    public required string ClientSecretLastFour { get; init; }
    /// <summary>The last four characters of the next secret while a rotation is under way, else null.</summary>
    public string? NextClientSecretLastFour { get; init; }
    /// <summary>The trusted metadata as JSON object text.</summary>
    public string TrustedMetadata { get; init; } = "{}";
}

/// <summary>A client with a secret shown this once: the created client and its secret, or a rotation's next secret.</summary>
/// <param name="Client">The client as stored.</param>
/// <param name="Secret">The secret in clear: Stytch shows it in this response only, and keeps its hash.</param>
public sealed record M2MClientWithSecret(StytchM2MClient Client, string Secret);

/// <summary>
/// M2M client fields to create or update with; null means "not given" (a create takes Stytch's default, an update keeps
/// the current value).
/// </summary>
public sealed record M2MClientFields
{
    /// <summary>Create only: a custom client id to import an existing client; generated when null.</summary>
    public string? ClientId { get; init; }
    /// <summary>Create only: a custom secret to import an existing client (at least 8 characters); generated when null.</summary>
    public string? ClientSecret { get; init; }
    /// <summary>See <see cref="StytchM2MClient.ClientName"/>.</summary>
    public string? ClientName { get; init; }
    /// <summary>See <see cref="StytchM2MClient.ClientDescription"/>.</summary>
    public string? ClientDescription { get; init; }
    /// <summary>Update only: see <see cref="StytchM2MClient.Status"/>.</summary>
    public string? Status { get; init; }
    /// <summary>See <see cref="StytchM2MClient.Scopes"/>.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }
    /// <summary>JSON object text, already checked to be an object.</summary>
    public string? TrustedMetadata { get; init; }
}

/// <summary>The two statuses of an M2M client.</summary>
internal static class M2MClientStatus
{
    public const string Active = "active";
    public const string Inactive = "inactive";
}
