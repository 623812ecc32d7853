namespace Stytch.Fake.Core;

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
