namespace Stytch.Fake.Core;

/// <summary>An email that carries a one-time passcode, before it is sent (see <see cref="OutgoingEmail"/>).</summary>
internal sealed record CodeEmail(string EmailAddress, string MethodId, MessageKind Kind, string Locale)
    : OutgoingEmail(EmailAddress, MethodId, Kind, Locale);

/// <summary>An SMS or WhatsApp message that carries a one-time passcode, before it is sent (see <see cref="OutgoingMessage"/>).</summary>
/// <param name="Channel"><see cref="DeliveryChannel.Sms"/> or <see cref="DeliveryChannel.WhatsApp"/>.</param>
/// <param name="PhoneNumber">The recipient, E.164 (checked with <see cref="E164"/>).</param>
/// <param name="MethodId">The phone id (consumer) or member id (B2B MFA) the code authenticates.</param>
/// <param name="Kind">What it is for: login or signup, or <see cref="MessageKind.Mfa"/>.</param>
/// <param name="Locale">The locale asked for (already checked).</param>
internal sealed record CodeText(DeliveryChannel Channel, string PhoneNumber, string MethodId, MessageKind Kind, string Locale)
    : OutgoingMessage(Channel, PhoneNumber, MethodId, Kind, Locale);

/// <summary>Sending one-time passcodes (by email, SMS or WhatsApp), the same for every product that has them.</summary>
internal static class CodeMessages
{
    /// <summary>
    /// Issues a new code for <paramref name="key"/> that lives <paramref name="lifetime"/> from <paramref name="now"/>
    /// (replacing the one before it) and puts the message that carries it in the outbox; under the store's lock.
    /// <paramref name="payload"/> is what the product needs back from the code (see <see cref="OneTimeSecret.Payload"/>).
    /// </summary>
    public static OneTimeSecret SendCode(this ProjectStore store, SecretKey key, TimeSpan lifetime, OutgoingMessage message, DateTimeOffset now, RequestAttributes? attributes = null, object? payload = null)
    {
        // The code before the message id: a seeded project draws them in this order.
        var code = store.Secrets.Issue(key, store.Ids.NewCode(), now, lifetime, attributes, payload);
        store.Outbox.Add(message.ToMessage(store.Ids.New("message"), now, code.ExpiresAt) with { Code = code.Value });
        return code;
    }
}
