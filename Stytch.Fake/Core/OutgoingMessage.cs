namespace Stytch.Fake.Core;

/// <summary>
/// What every message the fake "sends" says, whatever it carries (a code or a link) and however it goes (email, SMS,
/// WhatsApp): to whom, for which method, what for, in which locale and template, and for which user or member.
/// </summary>
/// <param name="Channel">How it goes.</param>
/// <param name="Recipient">The email address (lower case) or, for SMS and WhatsApp, the phone number (E.164).</param>
/// <param name="MethodId">The email or phone id the code or token authenticates.</param>
/// <param name="Kind">What it is for.</param>
/// <param name="Locale">The locale asked for (already checked).</param>
internal abstract record OutgoingMessage(DeliveryChannel Channel, string Recipient, string MethodId, MessageKind Kind, string Locale)
{
    /// <summary>The login template asked for; empty or null for none.</summary>
    public string? LoginTemplateId { get; init; }
    /// <summary>The signup template asked for; empty or null for none.</summary>
    public string? SignupTemplateId { get; init; }
    /// <summary>The invite template asked for; empty or null for none.</summary>
    public string? InviteTemplateId { get; init; }
    /// <summary>The consumer user it is for, or null for a B2B member.</summary>
    public string? UserId { get; init; }
    /// <summary>The B2B organization it is for, or null for a consumer user.</summary>
    public string? OrganizationId { get; init; }
    /// <summary>The B2B member it is for, or null for a consumer user.</summary>
    public string? MemberId { get; init; }

    /// <summary>The outbox message for this one, sent at <paramref name="now"/>; the sender adds its code or token.</summary>
    public OutboxMessage ToMessage(string messageId, DateTimeOffset now, DateTimeOffset expiresAt) => new()
    {
        MessageId = messageId,
        Channel = Channel,
        EmailAddress = Channel == DeliveryChannel.Email ? Recipient : "",
        PhoneNumber = Channel == DeliveryChannel.Email ? "" : Recipient,
        MethodId = MethodId,
        Kind = Kind,
        UserId = UserId,
        Locale = Locale,
        LoginTemplateId = NullIfEmpty(LoginTemplateId),
        SignupTemplateId = NullIfEmpty(SignupTemplateId),
        InviteTemplateId = NullIfEmpty(InviteTemplateId),
        SentAt = now,
        ExpiresAt = expiresAt,
        OrganizationId = OrganizationId,
        MemberId = MemberId,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>A message by email (see <see cref="OutgoingMessage"/>).</summary>
/// <param name="EmailAddress">The recipient, lower case.</param>
/// <param name="MethodId">The email id the code or token authenticates.</param>
/// <param name="Kind">What it is for.</param>
/// <param name="Locale">The locale asked for (already checked).</param>
internal abstract record OutgoingEmail(string EmailAddress, string MethodId, MessageKind Kind, string Locale)
    : OutgoingMessage(DeliveryChannel.Email, EmailAddress, MethodId, Kind, Locale);
