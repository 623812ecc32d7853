namespace Stytch.Fake;

public sealed partial record StytchError
{
    /// <summary>408, back door: a wait on the outbox saw no matching message before its <c>timeout_ms</c> (this fake's own type).</summary>
    public static readonly StytchError OutboxWaitTimeout = new("outbox_wait_timeout", 408, "No matching message arrived in the outbox before timeout_ms.");

    // A type of Stytch's (error-types.txt), for a caller that went away before the answer; 499 as the type says,
    // message inferred (I). Nobody reads it but the request log.

    /// <summary>499: the client closed the connection before the answer (a long poll given up).</summary>
    public static readonly StytchError ClientClosedRequest = new("client_closed_request", 499, "The client closed the request before it was answered.");
}
