namespace Stytch.Fake.Products.M2M;

/// <summary>
/// The rules of an M2M client's fields. Stytch names the error types (error-types.txt) but publishes no limits beyond
/// "the client_secret must be at least 8 characters long and pass entropy requirements" (Create M2M Client); the
/// lengths, character sets and the entropy rule here are inferred.
/// </summary>
internal static class M2MClientRules
{
    public const int MaxIdLength = 128;
    public const int MinSecretLength = 8;
    public const int MaxSecretLength = 256;
    // Inferred stand-in for Stytch's unpublished entropy check: rejects "aaaaaaaa" and "abababab".
    public const int MinDistinctSecretCharacters = 5;
    public const int MaxNameLength = 128;
    public const int MaxDescriptionLength = 1024;
    public const int MaxScopeLength = 128;
    public const int MaxScopes = 100;

    /// <summary>A custom client id: it is also a path segment, so only URL-unreserved characters.</summary>
    public static void CheckClientId(string clientId)
    {
        if (clientId.Length is 0 or > MaxIdLength || !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~'))
        {
            throw new StytchException(StytchError.M2MClientInvalidClientId);
        }
    }

    /// <summary>A custom client secret.</summary>
    public static void CheckSecret(string secret)
    {
        if (secret.Length > MaxSecretLength || secret.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new StytchException(StytchError.M2MClientInvalidClientSecret);
        }

        if (secret.Length < MinSecretLength || secret.Distinct().Count() < MinDistinctSecretCharacters)
        {
            throw new StytchException(StytchError.InsecureM2MClientSecret);
        }
    }

    /// <summary>The scopes as stored: each checked, duplicates dropped, in the order given.</summary>
    public static IReadOnlyList<string> Scopes(IReadOnlyList<string> scopes)
    {
        if (scopes.Any(s => s.Length is 0 or > MaxScopeLength || s.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            throw new StytchException(StytchError.InvalidM2MClientScope);
        }

        var distinct = scopes.Distinct(StringComparer.Ordinal).ToArray();
        return distinct.Length > MaxScopes ? throw new StytchException(StytchError.TooManyM2MClientScopes) : distinct;
    }

    public static void CheckName(string? name) => CheckText(name, MaxNameLength, StytchError.M2MClientInvalidClientName);

    public static void CheckDescription(string? description) => CheckText(description, MaxDescriptionLength, StytchError.M2MClientInvalidClientDescription);

    public static void CheckStatus(string? status)
    {
        if (status is not null and not M2MClientStatus.Active and not M2MClientStatus.Inactive)
        {
            throw new StytchException(StytchError.M2MClientInvalidStatus);
        }
    }

    private static void CheckText(string? text, int max, StytchError error)
    {
        if (text is not null && (text.Length > max || text.Any(char.IsControl)))
        {
            throw new StytchException(error);
        }
    }
}
