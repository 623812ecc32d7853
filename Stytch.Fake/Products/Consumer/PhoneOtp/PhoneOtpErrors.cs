namespace Stytch.Fake;

public sealed partial record StytchError
{
    // Consumer phone OTP (/v1/otps/sms/*, /v1/otps/whatsapp/*): the type is Stytch's (error-types.txt) and the wording
    // the official Android SDK's (stytch-android strings.xml); the status is inferred (I) from its email twin
    // email_not_found.

    /// <summary>404 (I): <c>otps/sms/send</c> or <c>otps/whatsapp/send</c> for a number no user has.</summary>
    public static readonly StytchError PhoneNumberNotFound = new("phone_number_not_found", 404, "Phone Number could not be found.");
}
