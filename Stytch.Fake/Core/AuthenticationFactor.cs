namespace Stytch.Fake;

/// <summary>
/// How a factor was proved: the kinds of Stytch's <c>authentication_factors</c> the fake knows. Each kind fixes the
/// factor's Stytch <c>type</c> and <c>delivery_method</c> (see <see cref="AuthenticationFactor"/>).
/// </summary>
public enum FactorKind
{
    /// <summary>A one-time passcode sent by email: <c>otp</c> / <c>email</c>.</summary>
    EmailOtp,
    /// <summary>A one-time passcode sent by SMS: <c>otp</c> / <c>sms</c>.</summary>
    SmsOtp,
    /// <summary>A one-time passcode sent by WhatsApp: <c>otp</c> / <c>whatsapp</c>.</summary>
    WhatsAppOtp,
    /// <summary>An email magic link: <c>magic_link</c> / <c>email</c>.</summary>
    MagicLink,
    /// <summary>A password: <c>password</c> / <c>knowledge</c>.</summary>
    Password,
    /// <summary>An authenticator app code: <c>totp</c> / <c>authenticator_app</c>.</summary>
    Totp,
    /// <summary>A TOTP recovery code: <c>recovery_codes</c> / <c>recovery_code</c>.</summary>
    RecoveryCode,
    /// <summary>An OAuth login: <c>oauth</c> / <c>oauth_&lt;provider&gt;</c>.</summary>
    OAuth,
    /// <summary>An embeddable magic link (<c>POST /v1/magic_links</c>), sent by the app itself: <c>magic_link</c> / <c>embedded</c>.</summary>
    EmbeddedMagicLink,
}

/// <summary>The email address a factor was for (Stytch's <c>email_factor</c>).</summary>
/// <param name="EmailId">The <c>email-test-…</c> id of the address.</param>
/// <param name="EmailAddress">The address, lower case.</param>
public sealed record FactorEmail(string EmailId, string EmailAddress);

/// <summary>The phone number a factor was for (Stytch's <c>phone_number_factor</c>).</summary>
/// <param name="PhoneId">The <c>phone-number-test-…</c> id of the number.</param>
/// <param name="PhoneNumber">The number, E.164.</param>
public sealed record FactorPhone(string PhoneId, string PhoneNumber);

/// <summary>
/// How a session was authenticated: one entry of <c>authentication_factors</c>. Its <see cref="Kind"/> gives Stytch's
/// <see cref="Type"/> and <see cref="DeliveryMethod"/>; it names the email or the phone it proved.
/// </summary>
public sealed record AuthenticationFactor
{
    private AuthenticationFactor(FactorKind kind, FactorEmail? email, FactorPhone? phone, string provider, DateTimeOffset at)
    {
        Kind = kind;
        Email = email;
        Phone = phone;
        Provider = provider;
        CreatedAt = at;
        LastAuthenticatedAt = at;
    }

    /// <summary>The kind of factor.</summary>
    public FactorKind Kind { get; }

    /// <summary>The email address it was for, for email OTP and magic links; else null.</summary>
    public FactorEmail? Email { get; }

    /// <summary>The phone number it was for, for SMS and WhatsApp OTP; else null.</summary>
    public FactorPhone? Phone { get; }

    /// <summary>The OAuth provider (<c>google</c>, …) of an <see cref="FactorKind.OAuth"/> factor; else empty.</summary>
    public string Provider { get; }

    /// <summary>When the factor was first added to the session.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the factor was last authenticated.</summary>
    public DateTimeOffset LastAuthenticatedAt { get; init; }

    /// <summary>Stytch's factor type, e.g. <c>otp</c>.</summary>
    public string Type => TypeOf(Kind);

    /// <summary>Stytch's delivery method, e.g. <c>email</c>.</summary>
    public string DeliveryMethod => DeliveryMethodOf(Kind, Provider);

    /// <summary>An email OTP factor for the address, authenticated at <paramref name="at"/>.</summary>
    public static AuthenticationFactor EmailOtp(string emailId, string emailAddress, DateTimeOffset at) =>
        new(FactorKind.EmailOtp, new FactorEmail(emailId, emailAddress), null, "", at);

    /// <summary>
    /// The factor of <paramref name="kind"/> (and <paramref name="provider"/>, for OAuth) for an email or a phone, as a
    /// stored session names it; null when the kind needs what is missing.
    /// </summary>
    internal static AuthenticationFactor? Of(FactorKind kind, FactorEmail? email, FactorPhone? phone, string provider, DateTimeOffset createdAt, DateTimeOffset lastAuthenticatedAt)
    {
        var fits = kind switch
        {
            FactorKind.EmailOtp or FactorKind.MagicLink or FactorKind.EmbeddedMagicLink => email is not null && phone is null,
            FactorKind.SmsOtp or FactorKind.WhatsAppOtp => phone is not null && email is null,
            FactorKind.OAuth => provider.Length > 0,
            _ => true,
        };
        return fits ? new(kind, email, phone, kind == FactorKind.OAuth ? provider : "", createdAt) { LastAuthenticatedAt = lastAuthenticatedAt } : null;
    }

    /// <summary>True when both are the same factor: same kind, for the same email, phone and provider.</summary>
    internal bool IsSameFactorAs(AuthenticationFactor other) =>
        Kind == other.Kind && Email?.EmailId == other.Email?.EmailId && Phone?.PhoneId == other.Phone?.PhoneId && Provider == other.Provider;

    /// <summary>The kind (and OAuth provider) whose Stytch type and delivery method these are; false for none.</summary>
    internal static bool TryParseKind(string type, string deliveryMethod, out FactorKind kind, out string provider)
    {
        const string OAuthPrefix = "oauth_";
        provider = type == "oauth" && deliveryMethod.StartsWith(OAuthPrefix, StringComparison.Ordinal) ? deliveryMethod[OAuthPrefix.Length..] : "";
        foreach (var candidate in Enum.GetValues<FactorKind>())
        {
            if (TypeOf(candidate) == type && DeliveryMethodOf(candidate, provider) == deliveryMethod && (candidate != FactorKind.OAuth || provider.Length > 0))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    private static string TypeOf(FactorKind kind) => kind switch
    {
        FactorKind.EmailOtp or FactorKind.SmsOtp or FactorKind.WhatsAppOtp => "otp",
        FactorKind.MagicLink or FactorKind.EmbeddedMagicLink => "magic_link",
        FactorKind.Password => "password",
        FactorKind.Totp => "totp",
        FactorKind.RecoveryCode => "recovery_codes",
        _ => "oauth",
    };

    private static string DeliveryMethodOf(FactorKind kind, string provider) => kind switch
    {
        FactorKind.EmailOtp or FactorKind.MagicLink => "email",
        FactorKind.SmsOtp => "sms",
        FactorKind.WhatsAppOtp => "whatsapp",
        FactorKind.Password => "knowledge",
        FactorKind.Totp => "authenticator_app",
        FactorKind.RecoveryCode => "recovery_code",
        FactorKind.EmbeddedMagicLink => "embedded",
        _ => "oauth_" + provider,
    };
}
