using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Stytch.Sample.Web;
using Stytch.Sample.Web.Stytch;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddStytchOptions();
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddHttpClient<StytchClient>((services, http) =>
{
    var stytch = services.GetRequiredService<IOptions<StytchOptions>>().Value;
    http.BaseAddress = stytch.BaseAddress;
    http.Timeout = TimeSpan.FromSeconds(stytch.TimeoutSeconds);
    http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
        "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{stytch.ProjectId}:{stytch.Secret}")));
});
builder.Services.AddSingleton<JwksCache>();
builder.Services.AddScoped<SessionGuard>();
builder.Services.AddAntiforgery();

var app = builder.Build();

// No stack traces and no bare error statuses: an exception (e.g. a form without its antiforgery token, which
// minimal APIs throw as BadHttpRequestException in Development) or an empty error status gets a plain page.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
    ExceptionHandler = context => ProblemFor(context.Response.StatusCode).ExecuteAsync(context),
});
app.UseStatusCodePages(context => ProblemFor(context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
app.UseAntiforgery();

app.MapGet("/", (HttpContext context, IAntiforgery antiforgery) =>
    Pages.Home(antiforgery.GetAndStoreTokens(context)));

app.MapPost("/login", async (
    [FromForm] string? email, [FromForm] string? method,
    HttpContext context, IAntiforgery antiforgery, StytchClient stytch, IOptions<StytchOptions> options) =>
{
    var forms = antiforgery.GetAndStoreTokens(context);
    email = email?.Trim();
    if (string.IsNullOrEmpty(email))
    {
        return Pages.Home(forms, email, "Enter your email address.", StatusCodes.Status422UnprocessableEntity);
    }

    // "Email me a link": a magic link that leads back to GET /authenticate; otherwise a code to type in.
    var link = method == "link";
    var sent = link
        ? await stytch.SendMagicLinkAsync(email, options.Value.MagicLinkUrl, context.RequestAborted)
        : await stytch.LoginOrCreateAsync(email, context.RequestAborted);
    if (sent.IsSuccess)
    {
        return link ? Pages.CheckEmail(forms, email) : Pages.EnterCode(forms, email, sent.Value.EmailId);
    }

    var (status, message) = Friendly.For(sent.Error);
    return Pages.Home(forms, email, message, status);
});

app.MapPost("/authenticate", async (
    [FromForm] string? email, [FromForm(Name = "email_id")] string? emailId, [FromForm] string? code,
    HttpContext context, IAntiforgery antiforgery, StytchClient stytch, IOptions<StytchOptions> options) =>
{
    var forms = antiforgery.GetAndStoreTokens(context);
    if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(emailId))
    {
        return Pages.Home(forms, email, "Please start again.", StatusCodes.Status422UnprocessableEntity);
    }

    var auth = await stytch.AuthenticateOtpAsync(emailId, code?.Trim() ?? "", options.Value.SessionDurationMinutes, context.RequestAborted);
    if (auth.IsSuccess)
    {
        SessionCookies.Write(context, auth.Value.SessionJwt, auth.Value.SessionToken);
        return Results.Redirect("/account");
    }

    var (status, message) = Friendly.For(auth.Error);
    return auth.Error.ErrorType switch
    {
        // The code is used up or too old: a new one has to be sent.
        "unable_to_auth_otp_code" or "invalid_method_id" => Pages.Home(forms, email, message, status),
        _ => Pages.EnterCode(forms, email, emailId, message, status),
    };
});

// Where a sign-in or password reset link leads: Stytch adds stytch_token_type and token to the redirect URL's query.
app.MapGet("/authenticate", async (
    [FromQuery(Name = "stytch_token_type")] string? tokenType, [FromQuery] string? token,
    HttpContext context, IAntiforgery antiforgery, StytchClient stytch, IOptions<StytchOptions> options) =>
{
    var forms = antiforgery.GetAndStoreTokens(context);
    if (tokenType == PasswordSignIn.ResetTokenType && !string.IsNullOrEmpty(token))
    {
        // A password reset link: the new password is chosen on a form that carries the token.
        return Pages.NewPassword(forms, token);
    }

    if (tokenType != "magic_links" || string.IsNullOrEmpty(token))
    {
        return Pages.Home(forms, null, "That link is not valid. Send yourself a new one.", StatusCodes.Status422UnprocessableEntity);
    }

    var auth = await stytch.AuthenticateMagicLinkAsync(token, options.Value.SessionDurationMinutes, context.RequestAborted);
    if (auth.IsSuccess)
    {
        SessionCookies.Write(context, auth.Value.SessionJwt, auth.Value.SessionToken);
        return Results.Redirect("/account");
    }

    var (status, message) = Friendly.For(auth.Error);
    return Pages.Home(forms, null, message, status);
});

app.MapPasswordSignIn();

app.MapGet("/account", async (HttpContext context, IAntiforgery antiforgery, SessionGuard guard) =>
    await guard.CheckAsync(context) switch
    {
        SessionCheck.SignedIn signedIn => Pages.Account(antiforgery.GetAndStoreTokens(context), signedIn.User),
        SessionCheck.Unavailable unavailable => Pages.Problem(Friendly.For(unavailable.Error)),
        _ => Results.Redirect("/"),
    });

app.MapPost("/logout", async (HttpContext context, StytchClient stytch, ILogger<StytchClient> logger) =>
{
    var (_, token) = SessionCookies.Read(context.Request);
    SessionCookies.Clear(context);
    if (token is not null)
    {
        var revoked = await stytch.RevokeSessionAsync(token, context.RequestAborted);
        if (!revoked.IsSuccess && revoked.Error.StatusCode != StatusCodes.Status404NotFound)
        {
            // The cookies are gone either way; the session itself then ends when it expires.
            Log.RevokeFailed(logger, revoked.Error.StatusCode, revoked.Error.ErrorType);
        }
    }

    return Results.Redirect("/");
});

await app.RunAsync();

static IResult ProblemFor(int status) => status switch
{
    StatusCodes.Status400BadRequest => Pages.Problem("That form has expired. Please start again.", status),
    StatusCodes.Status404NotFound => Pages.Problem("There is no such page.", status),
    >= 500 => Pages.Problem("Something went wrong on our side. Please try again.", status),
    _ => Pages.Problem("That did not work. Please start again.", status),
};
