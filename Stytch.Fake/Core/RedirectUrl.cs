namespace Stytch.Fake;

/// <summary>What a redirect URL is for, as Stytch's dashboard types them.</summary>
public enum RedirectUrlType
{
    /// <summary>Where an existing user or member lands from a login link.</summary>
    Login,
    /// <summary>Where a new user or member lands from a signup link.</summary>
    Signup,
    /// <summary>Where an invited user or member lands.</summary>
    Invite,
    /// <summary>Where a B2B discovery login lands.</summary>
    Discovery,
    /// <summary>Where a password reset link lands.</summary>
    ResetPassword,
}

/// <summary>One redirect URL a project allows: the exact URL, its type, and whether it is that type's default.</summary>
/// <param name="Url">The absolute URL, matched exactly (path and query included), as Stytch does.</param>
/// <param name="Type">What it is for.</param>
/// <param name="IsDefault">Used when a request names no URL of this type; at most one per type.</param>
public sealed record RedirectUrl(string Url, RedirectUrlType Type, bool IsDefault = false);
