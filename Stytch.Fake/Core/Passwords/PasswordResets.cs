namespace Stytch.Fake.Core;

/// <summary>What a password reset token names, kept as its one-time secret's payload.</summary>
/// <param name="SubjectId">The user or member whose password it resets.</param>
/// <param name="EmailId">The email id it was sent to.</param>
/// <param name="CodeChallenge">The PKCE challenge it was issued with, or null.</param>
internal sealed record PasswordResetPayload(string SubjectId, string EmailId, string? CodeChallenge);

/// <summary>
/// Password reset links, the same for every audience: a token under the audience's purpose in the store's one-time
/// secrets, sent through the outbox with kind <c>password_reset</c> and a link on the project's <c>reset_password</c>
/// redirect URL (<c>stytch_token_type=reset_password</c>). Lifetimes: 30 minutes by default, 5..10080
/// (the spec's <c>reset_password_expiration_minutes</c>). A token works once.
/// </summary>
internal static class PasswordResets
{
    /// <summary>The link's <c>stytch_token_type</c>.</summary>
    public const string TokenType = "reset_password";

    /// <summary>The default lifetime in minutes.</summary>
    public const int DefaultMinutes = 30;

    /// <summary>Checks a requested lifetime (null: the default) and answers it in minutes.</summary>
    /// <exception cref="StytchException"><c>invalid_expiration</c> outside 5..10080.</exception>
    public static int Minutes(int? requested) => Validate.Range(requested, 5, 10_080, DefaultMinutes, StytchError.InvalidExpiration);

    /// <summary>
    /// Resolves the reset URL (<paramref name="requestedUrl"/> or the project's default), then issues a token under
    /// <paramref name="purpose"/> and puts the email in the outbox. The URL is checked before anything changes.
    /// <paramref name="email"/> is completed with the URL and the token type.
    /// </summary>
    public static OneTimeSecret SendReset(
        this ProjectStore store, string purpose, string? requestedUrl, int minutes, Func<string, LinkEmail> email,
        PasswordResetPayload payload, RequestAttributes attributes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(email);
        var url = store.RedirectUrls.Resolve(RedirectUrlType.ResetPassword, requestedUrl, RedirectUrlFields.ResetPassword);
        return store.SendLink(purpose, TimeSpan.FromMinutes(minutes), email(url), now, attributes, payload);
    }

    /// <summary>The payload of the reset token <paramref name="token"/>, used or not, or null when there is none.</summary>
    public static PasswordResetPayload? FindReset(this ProjectStore store, string purpose, string token)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Secrets.Find(new SecretKey(purpose, token))?.Payload as PasswordResetPayload;
    }

    /// <summary>
    /// Uses the reset token: throws <c>unable_to_auth_password_reset_token</c> when it is unknown, used or expired.
    /// <paramref name="verify"/> (PKCE, attributes, the new password's strength) runs first and may refuse by throwing:
    /// the token then stays usable.
    /// </summary>
    public static PasswordResetPayload ConsumeReset(this ProjectStore store, string purpose, string token, DateTimeOffset now, Action<OneTimeSecret, PasswordResetPayload>? verify = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var key = new SecretKey(purpose, token);
        var payload = store.FindReset(purpose, token) ?? throw new StytchException(StytchError.UnableToAuthPasswordResetToken);
        store.Secrets.Consume(key, token, now, secret => verify?.Invoke(secret, payload))
            .ThrowUnlessConsumed(StytchError.UnableToAuthPasswordResetToken, StytchError.UnableToAuthPasswordResetToken);
        return payload;
    }

    /// <summary>Every reset token of <paramref name="purpose"/> (for snapshots).</summary>
    public static IReadOnlyList<(string Token, OneTimeSecret Secret, PasswordResetPayload Payload)> ResetsOf(this ProjectStore store, string purpose)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Secrets.Of(purpose)
            .Where(p => p.Secret.Payload is PasswordResetPayload)
            .Select(p => (p.Subject, p.Secret, (PasswordResetPayload)p.Secret.Payload!))
            .ToArray();
    }

    /// <summary>Forgets every reset token of <paramref name="subjectId"/> under <paramref name="purpose"/> (a deleted user, a completed reset).</summary>
    public static void ForgetResets(this ProjectStore store, string purpose, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var (token, _, _) in store.ResetsOf(purpose).Where(r => r.Payload.SubjectId == subjectId))
        {
            store.Secrets.Remove(new SecretKey(purpose, token));
        }
    }

    /// <summary>
    /// Throws <c>session_too_old_to_reset_password</c> unless one of <paramref name="factors"/> is a password, email magic
    /// link or email OTP authenticated within the last 5 minutes before <paramref name="now"/> (the spec's
    /// <c>/v1/passwords/session/reset</c>).
    /// </summary>
    public static void CheckRecentFactor(IEnumerable<AuthenticationFactor> factors, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var recent = factors.Any(f => f.Kind is FactorKind.Password or FactorKind.MagicLink or FactorKind.EmailOtp
            && now - f.LastAuthenticatedAt <= TimeSpan.FromMinutes(5));
        if (!recent)
        {
            throw new StytchException(StytchError.SessionTooOldToResetPassword);
        }
    }
}
