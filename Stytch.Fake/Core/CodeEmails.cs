namespace Stytch.Fake.Core;

/// <summary>An email that carries a one-time passcode, before it is sent (see <see cref="OutgoingEmail"/>).</summary>
internal sealed record CodeEmail(string EmailAddress, string MethodId, MessageKind Kind, string Locale)
    : OutgoingEmail(EmailAddress, MethodId, Kind, Locale);

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
        store.Outbox.Add(email.ToMessage(store.Ids.New("message"), now, code.ExpiresAt) with { Code = code.Value });
        return code;
    }
}
