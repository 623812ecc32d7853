namespace Stytch.Fake;

public sealed partial record StytchError
{
    // The member session exchange's errors. The type is in error-types.txt; Stytch documents no status or message for
    // it, so both are inferred (I).

    /// <summary>400 (I): a session exchange whose session holds no factor that carries over to another organization (e.g. a password only).</summary>
    public static readonly StytchError InsufficientFactorsForSessionExchange = new("insufficient_factors_for_session_exchange", 400, "The session has no factor that can be transferred to another organization (email magic link, email OTP, OAuth or SMS OTP).");
}
