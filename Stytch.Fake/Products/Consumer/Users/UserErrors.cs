namespace Stytch.Fake;

public sealed partial record StytchError
{
    // Consumer users (/v1/users): the types are Stytch's (error-types.txt); statuses and wording are inferred (I)
    // unless the reference's error catalogue confirms them.

    /// <summary>400 (I): the phone number is already on a user of the project.</summary>
    public static readonly StytchError DuplicatePhoneNumber = new("duplicate_phone_number", 400, "A user with the specified phone number already exists for this project.");
    /// <summary>400 (I): the <c>external_id</c> is already another user's.</summary>
    public static readonly StytchError DuplicateUserExternalId = new("duplicate_user_external_id", 400, "A user with the specified external_id already exists for this project.");
}
