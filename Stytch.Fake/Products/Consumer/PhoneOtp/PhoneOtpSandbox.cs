namespace Stytch.Fake.Products.Consumer.PhoneOtp;

/// <summary>
/// The phone sandbox of Stytch's test environment (stytch.com/docs/guides/testing/sandbox-values): codes "sent" to
/// <see cref="PhoneNumber"/> by SMS or WhatsApp go nowhere, and <see cref="Sandbox.Code"/> authenticates the phone id
/// the send answered. A live project has none.
/// </summary>
/// <remarks>
/// Inferred: Stytch documents the number and the code but not the ids a send answers. The fake answers the consumer
/// sandbox user (the one of <c>sandbox@stytch.com</c>) and, as its phone id, the example phone id of Stytch's OTP docs.
/// </remarks>
internal static class PhoneOtpSandbox
{
    /// <summary>Stytch's sandbox number; not a real number, so it is matched before the E.164 check.</summary>
    public const string PhoneNumber = "+10000000000";

    /// <summary>The phone id the sandbox number answers.</summary>
    public const string PhoneId = "phone-number-test-d5a3b680-e8a3-40c0-b815-ab79986666d0";
}
