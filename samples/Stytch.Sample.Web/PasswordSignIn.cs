using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Stytch.Sample.Web.Stytch;

namespace Stytch.Sample.Web;

/// <summary>
/// Signing in with a password: create an account or sign in (<c>POST /password</c>), ask for a reset link
/// (<c>POST /password/forgot</c>), and choose a new password from that link (<c>POST /password/reset</c>; the link
/// itself lands on <c>GET /authenticate</c> with <c>stytch_token_type=reset_password</c>).
/// </summary>
internal static class PasswordSignIn
{
    /// <summary>The link's token type for a password reset (Stytch adds it to the reset redirect URL).</summary>
    public const string ResetTokenType = "reset_password";

    public static void MapPasswordSignIn(this WebApplication app)
    {
        app.MapPost("/password", async (
            [FromForm] string? email, [FromForm] string? password, [FromForm] string? intent,
            HttpContext context, IAntiforgery antiforgery, StytchClient stytch, IOptions<StytchOptions> options) =>
        {
            var forms = antiforgery.GetAndStoreTokens(context);
            email = email?.Trim();
            if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
            {
                return Pages.Home(forms, email, "Enter your email address and your password.", StatusCodes.Status422UnprocessableEntity);
            }

            var minutes = options.Value.SessionDurationMinutes;
            var auth = intent == "create"
                ? await stytch.CreatePasswordAsync(email, password, minutes, context.RequestAborted)
                : await stytch.AuthenticatePasswordAsync(email, password, minutes, context.RequestAborted);
            if (auth.IsSuccess)
            {
                SessionCookies.Write(context, auth.Value.SessionJwt, auth.Value.SessionToken);
                return Results.Redirect("/account");
            }

            var (status, message) = Friendly.For(auth.Error);
            return Pages.Home(forms, email, message, status);
        });

        app.MapPost("/password/forgot", async (
            [FromForm] string? email,
            HttpContext context, IAntiforgery antiforgery, StytchClient stytch, IOptions<StytchOptions> options) =>
        {
            var forms = antiforgery.GetAndStoreTokens(context);
            email = email?.Trim();
            if (string.IsNullOrEmpty(email))
            {
                return Pages.Home(forms, email, "Enter your email address.", StatusCodes.Status422UnprocessableEntity);
            }

            var sent = await stytch.StartPasswordResetAsync(email, options.Value.MagicLinkUrl, context.RequestAborted);

            // An unknown email gets the same page as a known one: the form does not tell who has an account.
            if (sent.IsSuccess || sent.Error.ErrorType == "email_not_found")
            {
                return Pages.CheckEmailForReset(forms, email);
            }

            var (status, message) = Friendly.For(sent.Error);
            return Pages.Home(forms, email, message, status);
        });

        app.MapPost("/password/reset", async (
            [FromForm] string? token, [FromForm] string? password,
            HttpContext context, IAntiforgery antiforgery, StytchClient stytch, IOptions<StytchOptions> options) =>
        {
            var forms = antiforgery.GetAndStoreTokens(context);
            if (string.IsNullOrEmpty(token))
            {
                return Pages.Home(forms, null, "That link is not valid. Ask for a new one.", StatusCodes.Status422UnprocessableEntity);
            }

            if (string.IsNullOrEmpty(password))
            {
                return Pages.NewPassword(forms, token, "Enter a new password.", StatusCodes.Status422UnprocessableEntity);
            }

            var reset = await stytch.ResetPasswordAsync(token, password, options.Value.SessionDurationMinutes, context.RequestAborted);
            if (reset.IsSuccess)
            {
                SessionCookies.Write(context, reset.Value.SessionJwt, reset.Value.SessionToken);
                return Results.Redirect("/account");
            }

            var (status, message) = Friendly.For(reset.Error);

            // A refused password leaves the link usable: ask again on the same page.
            return reset.Error.ErrorType == "weak_password"
                ? Pages.NewPassword(forms, token, message, status)
                : Pages.Home(forms, null, message, status);
        });
    }
}
