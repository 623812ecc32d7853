namespace Stytch.Fake;

public sealed partial record StytchError
{
    // Consumer users (/v1/users): the types are Stytch's (error-types.txt); statuses and wording are inferred (I)
    // unless the reference's error catalogue confirms them.

    /// <summary>400 (I): the phone number is already on a user of the project.</summary>
    public static readonly StytchError DuplicatePhoneNumber = new("duplicate_phone_number", 400, "A user with the specified phone number already exists for this project.");
    /// <summary>400 (I): the <c>external_id</c> is already another user's.</summary>
    public static readonly StytchError DuplicateUserExternalId = new("duplicate_user_external_id", 400, "A user with the specified external_id already exists for this project.");
    /// <summary>400 (I): the <c>email_id</c> of <c>DELETE /v1/users/emails/{email_id}</c> is not an email id.</summary>
    public static readonly StytchError InvalidEmailId = new("invalid_email_id", 400, "email_id format is invalid.");
    /// <summary>
    /// 404 (I): no user has a phone number with this <c>phone_id</c>, or <c>otps/sms/send</c> or
    /// <c>otps/whatsapp/send</c> names a number no user has. The type is Stytch's (error-types.txt), the wording the
    /// official Android SDK's (stytch-android strings.xml); the status is inferred from its email twin email_not_found.
    /// </summary>
    public static readonly StytchError PhoneNumberNotFound = new("phone_number_not_found", 404, "Phone Number could not be found.");
    /// <summary>400 (I): metadata would hold more than 20 top-level keys (the limit of stytch.com/docs/api/metadata).</summary>
    public static readonly StytchError MetadataTooManyKeys = new("metadata_too_many_keys", 400, "Metadata objects may contain a maximum of 20 top-level keys.");
    /// <summary>400 (I): metadata would be larger than 4 KB (the limit of stytch.com/docs/api/metadata).</summary>
    public static readonly StytchError MetadataTooLarge = new("metadata_too_large", 400, "Metadata objects cannot exceed 4KB in size.");
}
