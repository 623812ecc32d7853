namespace Stytch.Fake.Engine;

/// <summary>
/// The <c>attributes</c> a request carried (Stytch's <c>api_attribute_v1_Attributes</c>): recorded on the code a send
/// issues and on the session an authenticate starts, and compared when an authenticate asks for a match.
/// </summary>
/// <param name="IpAddress">The end user's IP address, or empty.</param>
/// <param name="UserAgent">The end user's user agent, or empty.</param>
public sealed record RequestAttributes(string IpAddress, string UserAgent)
{
    /// <summary>No attributes: both empty, as Stytch renders a session that was given none.</summary>
    public static RequestAttributes None { get; } = new("", "");

    /// <summary>True when neither attribute is set.</summary>
    public bool IsEmpty => IpAddress.Length == 0 && UserAgent.Length == 0;
}

/// <summary>The <c>options</c> of <c>otps/authenticate</c> (Stytch's <c>api_magic_v1_Options</c>).</summary>
/// <param name="IpMatchRequired">The authenticate call's IP address must be the one the code was sent with.</param>
/// <param name="UserAgentMatchRequired">The authenticate call's user agent must be the one the code was sent with.</param>
public sealed record AttributeMatchOptions(bool IpMatchRequired, bool UserAgentMatchRequired)
{
    /// <summary>No match required.</summary>
    public static AttributeMatchOptions None { get; } = new(false, false);
}

/// <summary>The check behind <c>options.ip_match_required</c> and <c>options.user_agent_match_required</c>.</summary>
/// <remarks>
/// Stytch: the endpoint "verifies that the code is valid, hasn't expired or been previously used, and any optional
/// security settings such as IP match or user agent match are satisfied", and a failed match is 401
/// <c>attribute_mismatch</c> (stytch.com/docs/api/errors/401). Inferred: the values are compared exactly, an
/// attribute the send did not record matches only an authenticate that sends none either, a refused call leaves the
/// code usable (the right device can still use it), and the sandbox code, whose send records nothing, is not checked.
/// </remarks>
internal static class AttributeMatch
{
    public static void Check(RequestAttributes recorded, RequestAttributes presented, AttributeMatchOptions options)
    {
        if ((options.IpMatchRequired && !string.Equals(recorded.IpAddress, presented.IpAddress, StringComparison.Ordinal))
            || (options.UserAgentMatchRequired && !string.Equals(recorded.UserAgent, presented.UserAgent, StringComparison.Ordinal)))
        {
            throw new StytchException(StytchError.AttributeMismatch);
        }
    }
}
