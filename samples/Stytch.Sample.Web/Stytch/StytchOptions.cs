namespace Stytch.Sample.Web.Stytch;

/// <summary>The "Stytch" configuration section: where Stytch is and which project to use.</summary>
internal sealed class StytchOptions
{
    public const string Section = "Stytch";

    /// <summary>The API base URL: <c>https://test.stytch.com/</c> for test projects, <c>https://api.stytch.com/</c> for live ones.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The project id (Basic auth user name).</summary>
    public string ProjectId { get; set; } = "";

    /// <summary>The project secret (Basic auth password).</summary>
    public string Secret { get; set; } = "";

    /// <summary>
    /// Where sign-in and password reset links lead: this app's <c>/authenticate</c> page, as the Stytch project lists it
    /// among its login, signup and reset-password redirect URLs. Null to use the project's defaults.
    /// </summary>
    public Uri? MagicLinkUrl { get; set; }

    /// <summary>How long a login lasts.</summary>
    public int SessionDurationMinutes { get; set; } = 60;

    /// <summary>How long a call to Stytch may take before the app reports Stytch as unavailable.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    public bool IsComplete =>
        BaseUrl is { IsAbsoluteUri: true }
        && !string.IsNullOrWhiteSpace(ProjectId)
        && !string.IsNullOrWhiteSpace(Secret)
        && SessionDurationMinutes is >= 5 and <= 527040
        && TimeoutSeconds >= 1;

    /// <summary>The base URL with a trailing slash, so that relative paths such as <c>v1/…</c> append to it.</summary>
    public Uri BaseAddress =>
        BaseUrl is null ? throw new InvalidOperationException("Stytch:BaseUrl is not set.")
        : BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl
        : new Uri(BaseUrl.AbsoluteUri + "/");
}
