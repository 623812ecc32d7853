namespace Stytch.Fake.Products.Consumer.Sessions;

/// <summary>The answer to a successful <c>sessions/authenticate</c>.</summary>
/// <param name="Session">The session, with <c>last_accessed_at</c> (and maybe <c>expires_at</c>) moved.</param>
/// <param name="User">Its user.</param>
internal sealed record SessionAuthenticated(StytchSession Session, StytchUser User);
