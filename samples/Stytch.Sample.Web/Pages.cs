using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Stytch.Sample.Web.Stytch;

namespace Stytch.Sample.Web;

/// <summary>
/// The app's HTML, rendered on the server. Every value that comes from the user or from Stytch goes
/// through <see cref="HtmlEncoder"/>; the only raw strings are the literals below.
/// </summary>
internal static class Pages
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static IResult Home(AntiforgeryTokenSet forms, string? email = null, string? message = null, int status = 200) =>
        Render("Sign in", status, $"""
            <h1>Sign in</h1>
            {Alert(message)}
            <form method="post" action="/login">
              {Antiforgery(forms)}
              <label for="email">Email</label>
              <input id="email" name="email" type="email" autocomplete="email" required value="{E(email)}">
              <button type="submit" name="method" value="code">Email me a code</button>
              <button type="submit" name="method" value="link">Email me a link</button>
            </form>
            <h2>Or use a password</h2>
            <form method="post" action="/password">
              {Antiforgery(forms)}
              <label for="password-email">Email</label>
              <input id="password-email" name="email" type="email" autocomplete="email" required value="{E(email)}">
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit" name="intent" value="sign-in">Sign in with password</button>
              <button type="submit" name="intent" value="create">Create account</button>
            </form>
            <form method="post" action="/password/forgot">
              {Antiforgery(forms)}
              <label for="forgot-email">Email</label>
              <input id="forgot-email" name="email" type="email" autocomplete="email" required value="{E(email)}">
              <button type="submit">Forgot your password?</button>
            </form>
            """);

    public static IResult CheckEmailForReset(AntiforgeryTokenSet forms, string email) =>
        Render("Check your email", 200, $"""
            <h1>Check your email</h1>
            <p>If there is an account for <strong>{E(email)}</strong>, we emailed it a link to choose a new password.</p>
            <form method="post" action="/password/forgot">
              {Antiforgery(forms)}
              <input type="hidden" name="email" value="{E(email)}">
              <button type="submit">Send a new link</button>
            </form>
            """);

    public static IResult NewPassword(AntiforgeryTokenSet forms, string token, string? message = null, int status = 200) =>
        Render("Choose a new password", status, $"""
            <h1>Choose a new password</h1>
            {Alert(message)}
            <form method="post" action="/password/reset">
              {Antiforgery(forms)}
              <input type="hidden" name="token" value="{E(token)}">
              <label for="new-password">New password</label>
              <input id="new-password" name="password" type="password" autocomplete="new-password" required>
              <button type="submit">Save and sign in</button>
            </form>
            """);

    public static IResult CheckEmail(AntiforgeryTokenSet forms, string email) =>
        Render("Check your email", 200, $"""
            <h1>Check your email</h1>
            <p>We emailed a sign-in link to <strong>{E(email)}</strong>. Open it on this device to sign in.</p>
            <form method="post" action="/login">
              {Antiforgery(forms)}
              <input type="hidden" name="email" value="{E(email)}">
              <input type="hidden" name="method" value="link">
              <button type="submit">Send a new link</button>
            </form>
            """);

    public static IResult EnterCode(AntiforgeryTokenSet forms, string email, string emailId, string? message = null, int status = 200) =>
        Render("Enter your code", status, $$"""
            <h1>Enter your code</h1>
            <p>We emailed a 6-digit code to <strong>{{E(email)}}</strong>.</p>
            {{Alert(message)}}
            <form method="post" action="/authenticate">
              {{Antiforgery(forms)}}
              <input type="hidden" name="email" value="{{E(email)}}">
              <input type="hidden" name="email_id" value="{{E(emailId)}}">
              <label for="code">Code</label>
              <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required>
              <button type="submit">Sign in</button>
            </form>
            <form method="post" action="/login">
              {{Antiforgery(forms)}}
              <input type="hidden" name="email" value="{{E(email)}}">
              <button type="submit">Send a new code</button>
            </form>
            """);

    public static IResult Account(AntiforgeryTokenSet forms, SignedInUser user) =>
        Render("Your account", 200, $"""
            <h1>Your account</h1>
            <dl>
              <dt>Email</dt><dd id="email">{E(user.Email ?? "(unknown)")}</dd>
              <dt>User id</dt><dd id="user-id">{E(user.UserId)}</dd>
              <dt>Session expires</dt><dd id="session-expires">{E(user.SessionExpiresAt?.ToString("u", CultureInfo.InvariantCulture) ?? "(unknown)")}</dd>
            </dl>
            <form method="post" action="/logout">
              {Antiforgery(forms)}
              <button type="submit">Sign out</button>
            </form>
            """);

    public static IResult Problem((int Status, string Message) problem) => Problem(problem.Message, problem.Status);

    public static IResult Problem(string message, int status) =>
        Render("Sorry", status, $"""
            <h1>Sorry</h1>
            {Alert(message)}
            <p><a href="/">Back to the start</a></p>
            """);

    private static string E(string? value) => Encoder.Encode(value ?? "");

    private static string Alert(string? message) =>
        message is null ? "" : $"""<p class="alert" role="alert">{E(message)}</p>""";

    private static string Antiforgery(AntiforgeryTokenSet forms) =>
        $"""<input type="hidden" name="{E(forms.FormFieldName)}" value="{E(forms.RequestToken)}">""";

    private static IResult Render(string title, int status, string body)
    {
        var html = new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append(" · Stytch sample</title>\n</head>\n<body>\n<main>\n")
            .Append(body)
            .Append("\n</main>\n</body>\n</html>\n")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
