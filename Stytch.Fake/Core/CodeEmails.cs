namespace Stytch.Fake.Core;

/// <summary>An email that carries a one-time passcode, before it is sent: to whom, for which method, and what for.</summary>
/// <param name="EmailAddress">The recipient, lower case.</param>
/// <param name="MethodId">The email id the code authenticates.</param>
/// <param name="Kind">A login or a signup code.</param>
/// <param name="Locale">The locale asked for (already checked).</param>
internal sealed record CodeEmail(string EmailAddress, string MethodId, MessageKind Kind, string Locale)
{
    /// <summary>The login template asked for; empty or null for none.</summary>
    public string? LoginTemplateId { get; init; }
    /// <summary>The signup template asked for; empty or null for none.</summary>
    public string? SignupTemplateId { get; init; }
    /// <summary>The consumer user it is for, or null for a B2B member.</summary>
    public string? UserId { get; init; }
    /// <summary>The B2B organization it is for, or null for a consumer user.</summary>
    public string? OrganizationId { get; init; }
    /// <summary>The B2B member it is for, or null for a consumer user.</summary>
    public string? MemberId { get; init; }
}

/// <summary>Sending one-time passcodes by email, the same for every product that has them.</summary>
internal static class CodeEmails
{
    /// <summary>
    /// Issues a new code for <paramref name="key"/> that lives <paramref name="lifetime"/> from <paramref name="now"/>
    /// (replacing the one before it) and puts the email that carries it in the outbox; under the store's lock.
    /// </summary>
    public static OneTimeSecret SendCode(this ProjectStore store, SecretKey key, TimeSpan lifetime, CodeEmail email, DateTimeOffset now, RequestAttributes? attributes = null)
    {
        // The code before the message id: a seeded project draws them in this order.
        var code = store.Secrets.Issue(key, store.Ids.NewCode(), now, lifetime, attributes);
        store.Outbox.Add(new OutboxMessage
        {
            MessageId = store.Ids.New("message"),
            EmailAddress = email.EmailAddress,
            Code = code.Value,
            MethodId = email.MethodId,
            Kind = email.Kind,
            UserId = email.UserId,
            Locale = email.Locale,
            LoginTemplateId = NullIfEmpty(email.LoginTemplateId),
            SignupTemplateId = NullIfEmpty(email.SignupTemplateId),
            SentAt = now,
            ExpiresAt = code.ExpiresAt,
            OrganizationId = email.OrganizationId,
            MemberId = email.MemberId,
        });
        return code;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
