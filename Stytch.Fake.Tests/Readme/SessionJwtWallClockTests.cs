using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Stytch.Fake.NUnit;

namespace Stytch.Fake.Tests.Readme;

/// <summary>
/// Why the README's JWT example hands the validator the project's clock: validated on the wall clock, a JWT the
/// project clock has already expired still passes, so a test of "the session JWT has expired" would pass for the
/// wrong reason, and a JWT issued after <c>Clock.Advance</c> would be refused as not yet valid.
/// </summary>
public sealed class SessionJwtWallClockTests : StytchFakeTest
{
    [Test]
    public async Task ValidateToken_WallClockAfterProjectClockAdvance_StillAcceptsTheExpiredJwt()
    {
        var (jwt, parameters) = await SignInAsync("grace@example.com");

        Stytch.Clock.Advance(TimeSpan.FromMinutes(6));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, parameters);

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
    }

    [Test]
    public async Task ValidateToken_WallClockForJwtIssuedAfterAdvance_RefusesItAsNotYetValid()
    {
        Stytch.Clock.Advance(TimeSpan.FromHours(1));
        var (jwt, parameters) = await SignInAsync("grace@example.com");

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, parameters);

        Assert.That(result.Exception, Is.InstanceOf<SecurityTokenNotYetValidException>());
    }

    // As the README example, but without TimeProvider: lifetimes are checked on the wall clock.
    private async Task<(string Jwt, TokenValidationParameters Parameters)> SignInAsync(string email)
    {
        using var http = Stytch.CreateClient();
        var sent = await http.PostAsJsonAsync("v1/otps/email/login_or_create", new { email });
        var emailId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email_id").GetString();
        var code = Stytch.Outbox.LatestFor(email).Code;
        var auth = await http.PostAsJsonAsync("v1/otps/authenticate", new { method_id = emailId, code, session_duration_minutes = 120 });
        var jwt = (await auth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("session_jwt").GetString()!;
        var jwks = await http.GetStringAsync($"v1/sessions/jwks/{Stytch.ProjectId}");
        return (jwt, new TokenValidationParameters
        {
            ValidIssuer = $"stytch.com/{Stytch.ProjectId}",
            ValidAudience = Stytch.ProjectId,
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
            ClockSkew = TimeSpan.Zero,
        });
    }
}
