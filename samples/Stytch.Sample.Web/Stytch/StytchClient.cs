using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stytch.Sample.Web.Stytch;

/// <summary>
/// The few Stytch calls the app makes, over a typed <see cref="HttpClient"/> whose base address and Basic
/// credentials come from <see cref="StytchOptions"/>. Every failure, including no answer at all, comes back
/// as a <see cref="StytchApiError"/>; nothing here throws for Stytch's sake.
/// </summary>
internal sealed class StytchClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary><c>POST /v1/otps/email/login_or_create</c>: emails a code, creating the user when new.</summary>
    public Task<StytchResult<LoginOrCreateResponse>> LoginOrCreateAsync(string email, CancellationToken cancellation) =>
        SendAsync<LoginOrCreateResponse>(HttpMethod.Post, "v1/otps/email/login_or_create", new { email }, cancellation);

    /// <summary><c>POST /v1/otps/authenticate</c>: checks the code and starts a session.</summary>
    public Task<StytchResult<AuthenticateResponse>> AuthenticateOtpAsync(
        string methodId, string code, int sessionDurationMinutes, CancellationToken cancellation) =>
        SendAsync<AuthenticateResponse>(HttpMethod.Post, "v1/otps/authenticate",
            new { method_id = methodId, code, session_duration_minutes = sessionDurationMinutes }, cancellation);

    /// <summary>
    /// <c>POST /v1/magic_links/email/login_or_create</c>: emails a sign-in link, creating the user when new. The link leads
    /// to <paramref name="redirectUrl"/> when given, else to the redirect URL the Stytch project has as its default.
    /// </summary>
    public Task<StytchResult<LoginOrCreateResponse>> SendMagicLinkAsync(string email, Uri? redirectUrl, CancellationToken cancellation) =>
        SendAsync<LoginOrCreateResponse>(HttpMethod.Post, "v1/magic_links/email/login_or_create",
            new { email, login_magic_link_url = redirectUrl?.AbsoluteUri, signup_magic_link_url = redirectUrl?.AbsoluteUri }, cancellation);

    /// <summary><c>POST /v1/magic_links/authenticate</c>: checks the link's token and starts a session.</summary>
    public Task<StytchResult<AuthenticateResponse>> AuthenticateMagicLinkAsync(string token, int sessionDurationMinutes, CancellationToken cancellation) =>
        SendAsync<AuthenticateResponse>(HttpMethod.Post, "v1/magic_links/authenticate",
            new { token, session_duration_minutes = sessionDurationMinutes }, cancellation);

    /// <summary><c>POST /v1/passwords</c>: a new user with this password, signed in.</summary>
    public Task<StytchResult<AuthenticateResponse>> CreatePasswordAsync(string email, string password, int sessionDurationMinutes, CancellationToken cancellation) =>
        SendAsync<AuthenticateResponse>(HttpMethod.Post, "v1/passwords",
            new { email, password, session_duration_minutes = sessionDurationMinutes }, cancellation);

    /// <summary><c>POST /v1/passwords/authenticate</c>: checks the email's password and starts a session.</summary>
    public Task<StytchResult<AuthenticateResponse>> AuthenticatePasswordAsync(string email, string password, int sessionDurationMinutes, CancellationToken cancellation) =>
        SendAsync<AuthenticateResponse>(HttpMethod.Post, "v1/passwords/authenticate",
            new { email, password, session_duration_minutes = sessionDurationMinutes }, cancellation);

    /// <summary>
    /// <c>POST /v1/passwords/email/reset/start</c>: emails a link to choose a new password, leading to
    /// <paramref name="redirectUrl"/> when given, else to the project's default reset-password redirect URL.
    /// </summary>
    public Task<StytchResult<JsonElement>> StartPasswordResetAsync(string email, Uri? redirectUrl, CancellationToken cancellation) =>
        SendAsync<JsonElement>(HttpMethod.Post, "v1/passwords/email/reset/start",
            new { email, reset_password_redirect_url = redirectUrl?.AbsoluteUri }, cancellation);

    /// <summary><c>POST /v1/passwords/email/reset</c>: sets the new password with the link's token and starts a session.</summary>
    public Task<StytchResult<AuthenticateResponse>> ResetPasswordAsync(string token, string password, int sessionDurationMinutes, CancellationToken cancellation) =>
        SendAsync<AuthenticateResponse>(HttpMethod.Post, "v1/passwords/email/reset",
            new { token, password, session_duration_minutes = sessionDurationMinutes }, cancellation);

    /// <summary><c>POST /v1/sessions/authenticate</c> with the session token: a live session and a fresh JWT.</summary>
    public Task<StytchResult<AuthenticateResponse>> AuthenticateSessionAsync(string sessionToken, CancellationToken cancellation) =>
        SendAsync<AuthenticateResponse>(HttpMethod.Post, "v1/sessions/authenticate", new { session_token = sessionToken }, cancellation);

    /// <summary><c>POST /v1/sessions/revoke</c> by session token.</summary>
    public Task<StytchResult<JsonElement>> RevokeSessionAsync(string sessionToken, CancellationToken cancellation) =>
        SendAsync<JsonElement>(HttpMethod.Post, "v1/sessions/revoke", new { session_token = sessionToken }, cancellation);

    /// <summary><c>GET /v1/sessions/jwks/{project_id}</c>: the raw JWKS document.</summary>
    public async Task<StytchResult<string>> GetJwksAsync(string projectId, CancellationToken cancellation)
    {
        var result = await SendAsync<JsonElement>(HttpMethod.Get, $"v1/sessions/jwks/{Uri.EscapeDataString(projectId)}", null, cancellation);
        return result.IsSuccess ? StytchResult<string>.Ok(result.Value.GetRawText()) : StytchResult<string>.Fail(result.Error);
    }

    private async Task<StytchResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellation);
            var text = await response.Content.ReadAsStringAsync(cancellation);
            if (!response.IsSuccessStatusCode)
            {
                return StytchResult<T>.Fail(StytchApiError.Parse((int)response.StatusCode, text));
            }

            return JsonSerializer.Deserialize<T>(text, Json) is { } value
                ? StytchResult<T>.Ok(value)
                : StytchResult<T>.Fail(StytchApiError.BadResponse);
        }
        catch (HttpRequestException)
        {
            return StytchResult<T>.Fail(StytchApiError.NoAnswer);
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return StytchResult<T>.Fail(StytchApiError.NoAnswer); // HttpClient.Timeout
        }
        catch (JsonException)
        {
            return StytchResult<T>.Fail(StytchApiError.BadResponse);
        }
    }
}

/// <summary>A Stytch error: the envelope's status, <c>error_type</c> and message, or a made-up type when Stytch did not answer.</summary>
internal sealed record StytchApiError(int StatusCode, string ErrorType, string Message)
{
    /// <summary>The connection failed or timed out.</summary>
    public static readonly StytchApiError NoAnswer = new(0, "no_answer", "Stytch did not answer.");

    /// <summary>Stytch answered 2xx with a body the app could not read.</summary>
    public static readonly StytchApiError BadResponse = new(0, "bad_response", "Stytch answered with an unreadable body.");

    /// <summary>Stytch asks us to slow down.</summary>
    public bool IsRateLimited => StatusCode == 429;

    /// <summary>Stytch is down, answered 5xx, or did not answer: not the user's fault, worth a retry.</summary>
    public bool IsUnavailable => StatusCode is 0 or >= 500;

    public static StytchApiError Parse(int status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("error_type", out var type) && type.ValueKind == JsonValueKind.String)
            {
                var message = root.TryGetProperty("error_message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return new StytchApiError(status, type.GetString()!, message ?? "");
            }
        }
        catch (JsonException)
        {
            // Not Stytch's envelope (e.g. a proxy's HTML error page): described by the status alone below.
        }

        return new StytchApiError(status, $"http_{status}", "");
    }
}

/// <summary>Either Stytch's answer or the error it gave.</summary>
internal sealed class StytchResult<T>
{
    private StytchResult(T? value, StytchApiError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public StytchApiError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static StytchResult<T> Ok(T value) => new(value, null);

    public static StytchResult<T> Fail(StytchApiError error) => new(default, error);
}

internal sealed record LoginOrCreateResponse(string UserId, string EmailId, bool UserCreated);

/// <summary>The answer of <c>otps/authenticate</c> and of <c>sessions/authenticate</c>: the user and the session.</summary>
internal sealed record AuthenticateResponse(string SessionToken, string SessionJwt, StytchUser User, StytchSession? Session);

internal sealed record StytchUser(string UserId, IReadOnlyList<StytchEmail> Emails)
{
    public string? PrimaryEmail => Emails.Count > 0 ? Emails[0].Email : null;
}

internal sealed record StytchEmail(string EmailId, string Email);

internal sealed record StytchSession(string SessionId, string UserId, DateTimeOffset ExpiresAt);
