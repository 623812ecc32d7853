namespace Stytch.Fake;

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
internal sealed record AttributeMatchOptions(bool IpMatchRequired, bool UserAgentMatchRequired)
{
    /// <summary>No match required.</summary>
    public static AttributeMatchOptions None { get; } = new(false, false);
}
