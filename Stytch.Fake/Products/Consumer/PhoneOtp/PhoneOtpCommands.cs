using Stytch.Fake.Core;

namespace Stytch.Fake.Products.Consumer.PhoneOtp;

/// <summary>Options of the SMS and WhatsApp <c>login_or_create</c> and <c>send</c>.</summary>
internal sealed record PhoneOtpOptions
{
    /// <summary>Minutes the code lives, 1..10; default 2.</summary>
    public int? ExpirationMinutes { get; init; }
    /// <summary><c>en</c>, <c>es</c>, <c>fr</c> or <c>pt-br</c>; default <c>en</c>.</summary>
    public string? Locale { get; init; }
    /// <summary>login_or_create only: create a new user as <c>pending</c> instead of <c>active</c>.</summary>
    public bool CreateUserAsPending { get; init; }
    /// <summary>The request's attributes, recorded on the code for <see cref="AttributeMatchOptions"/>.</summary>
    public RequestAttributes Attributes { get; init; } = RequestAttributes.None;
    /// <summary>send only: the user (id or external id) to add the number to.</summary>
    public string? UserId { get; init; }
    /// <summary>send only: the session whose user the number is added to.</summary>
    public string? SessionToken { get; init; }
    /// <summary>send only: the session (resolved from a session JWT) whose user the number is added to.</summary>
    public string? SessionId { get; init; }

    /// <summary>True when the send names a user to add the number to.</summary>
    public bool TargetsUser => !string.IsNullOrEmpty(UserId) || !string.IsNullOrEmpty(SessionToken) || !string.IsNullOrEmpty(SessionId);
}

/// <summary>The answer to a successful phone send or login_or_create.</summary>
/// <param name="UserId">The user the code was sent to.</param>
/// <param name="PhoneId">The phone id to authenticate the code with.</param>
/// <param name="UserCreated">True when login_or_create created the user.</param>
internal sealed record PhoneOtpSent(string UserId, string PhoneId, bool UserCreated);

/// <summary>What a phone code remembers besides its value: the channel it went by, which names its factor.</summary>
/// <param name="Channel"><see cref="DeliveryChannel.Sms"/> or <see cref="DeliveryChannel.WhatsApp"/>.</param>
internal sealed record PhoneCodePayload(DeliveryChannel Channel);
