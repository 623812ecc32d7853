namespace Stytch.Fake.Core;

/// <summary>Which secret: what it is for (<c>email_otp</c>, <c>b2b.email_otp</c>, …) and whom it is for.</summary>
/// <param name="Purpose">The kind of secret; keys of different purposes never meet.</param>
/// <param name="Subject">Whom it authenticates within the purpose, e.g. an email id.</param>
internal readonly record struct SecretKey(string Purpose, string Subject);

/// <summary>One issued secret.</summary>
/// <param name="Value">The code or token.</param>
/// <param name="ExpiresAt">When it stops working, on the project clock.</param>
/// <param name="Used">Whether it was consumed.</param>
/// <param name="Attributes">The attributes of the request that issued it.</param>
internal sealed record OneTimeSecret(string Value, DateTimeOffset ExpiresAt, bool Used, RequestAttributes Attributes)
{
    /// <summary>
    /// What the issuing product needs back when the secret is used (a link's user, kind and PKCE challenge), as its own
    /// record; null for a plain code. Keys of a purpose always carry the same payload type.
    /// </summary>
    public object? Payload { get; init; }
}

/// <summary>What <see cref="OneTimeSecrets.Consume"/> found; the product maps it to its own Stytch error.</summary>
internal enum SecretUse
{
    /// <summary>The secret was valid and is now used.</summary>
    Consumed,
    /// <summary>No secret for the key, or a different value.</summary>
    Unknown,
    /// <summary>The secret was already used or has expired.</summary>
    Spent,
}

/// <summary>Maps a <see cref="SecretUse"/> to the product's errors.</summary>
internal static class SecretUses
{
    /// <summary>Throws <paramref name="unknown"/> or <paramref name="spent"/> unless the secret was consumed.</summary>
    public static void ThrowUnlessConsumed(this SecretUse use, StytchError unknown, StytchError spent)
    {
        if (use != SecretUse.Consumed)
        {
            throw new StytchException(use == SecretUse.Unknown ? unknown : spent);
        }
    }
}

/// <summary>
/// Codes and tokens that work once (email OTP codes today; magic-link, reset and intermediate session tokens later).
/// Only the newest secret per key is kept, so a new issue invalidates the old one; a used secret is kept, marked
/// used, so that a retry reads as "already used". Not thread-safe: run it under the store's lock.
/// </summary>
internal sealed class OneTimeSecrets
{
    private readonly Dictionary<SecretKey, OneTimeSecret> _secrets = [];

    /// <summary>Issues <paramref name="value"/> for <paramref name="key"/> from <paramref name="now"/> for <paramref name="lifetime"/>, replacing any earlier one.</summary>
    public OneTimeSecret Issue(SecretKey key, string value, DateTimeOffset now, TimeSpan lifetime, RequestAttributes? attributes = null, object? payload = null)
    {
        var secret = new OneTimeSecret(value, now + lifetime, Used: false, attributes ?? RequestAttributes.None) { Payload = payload };
        _secrets[key] = secret;
        return secret;
    }

    /// <summary>
    /// Uses the secret of <paramref name="key"/> if it is <paramref name="value"/>, unused and not expired at
    /// <paramref name="now"/>. <paramref name="verify"/> may refuse it (by throwing) before it is used: it then stays usable.
    /// </summary>
    public SecretUse Consume(SecretKey key, string value, DateTimeOffset now, Action<OneTimeSecret>? verify = null)
    {
        if (!_secrets.TryGetValue(key, out var secret) || !string.Equals(secret.Value, value, StringComparison.Ordinal))
        {
            return SecretUse.Unknown;
        }

        if (secret.Used || now >= secret.ExpiresAt)
        {
            return SecretUse.Spent;
        }

        verify?.Invoke(secret);
        _secrets[key] = secret with { Used = true };
        return SecretUse.Consumed;
    }

    /// <summary>The secret of <paramref name="key"/>, used or not, expired or not, or null (to read its payload before consuming it).</summary>
    public OneTimeSecret? Find(SecretKey key) => _secrets.GetValueOrDefault(key);

    /// <summary>Forgets the secret of <paramref name="key"/>, if any.</summary>
    public void Remove(SecretKey key) => _secrets.Remove(key);

    /// <summary>Forgets every secret whose key matches (an organization's codes, a deleted user's codes of any purpose).</summary>
    public void RemoveWhere(Func<SecretKey, bool> match)
    {
        foreach (var key in _secrets.Keys.Where(match).ToArray())
        {
            _secrets.Remove(key);
        }
    }

    /// <summary>Every secret of <paramref name="purpose"/>, by subject (for snapshots).</summary>
    public IReadOnlyList<(string Subject, OneTimeSecret Secret)> Of(string purpose) =>
        _secrets.Where(p => p.Key.Purpose == purpose).Select(p => (p.Key.Subject, p.Value)).ToArray();

    /// <summary>Puts back a secret as a snapshot holds it.</summary>
    public void Load(SecretKey key, OneTimeSecret secret) => _secrets[key] = secret;

    public void Clear() => _secrets.Clear();
}
