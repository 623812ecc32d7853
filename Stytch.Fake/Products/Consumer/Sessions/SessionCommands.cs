using Stytch.Fake.Products.Rbac;

namespace Stytch.Fake.Products.Consumer.Sessions;

/// <summary>The answer to a successful <c>sessions/authenticate</c>.</summary>
/// <param name="Session">The session, with <c>last_accessed_at</c> (and maybe <c>expires_at</c>) moved.</param>
/// <param name="User">Its user.</param>
/// <param name="Verdict">The authorization verdict, when a check was asked for.</param>
internal sealed record SessionAuthenticated(StytchSession Session, StytchUser User, AuthorizationVerdict? Verdict = null);

/// <summary>The consumer <c>authorization_check</c> of <c>sessions/authenticate</c>.</summary>
/// <param name="ResourceId">The resource, e.g. <c>documents</c>.</param>
/// <param name="Action">The action, e.g. <c>read</c>.</param>
internal sealed record ConsumerAuthorizationCheck(string ResourceId, string Action);
