// The README's "JWTs and the fake clock" example, compiled and run as it stands. ReadmeTests checks the two stay identical.
#pragma warning disable CA1050 // The README shows the class without a namespace, as a user would paste it.
// README:jwt-clock:begin
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NUnit.Framework;
using Stytch.Fake.NUnit;

public class SessionJwtClockTests : StytchFakeTest
{
    [Test]
    public async Task SessionJwt_ClockAdvancedPastItsFiveMinutes_IsExpiredOnTheProjectClock()
    {
        using var http = Stytch.CreateClient();
        var sent = await http.PostAsJsonAsync("v1/otps/email/login_or_create", new { email = "grace@example.com" });
        var emailId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email_id").GetString();
        var code = Stytch.Outbox.LatestFor("grace@example.com").Code;
        var auth = await http.PostAsJsonAsync("v1/otps/authenticate", new { method_id = emailId, code, session_duration_minutes = 60 });
        var jwt = (await auth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("session_jwt").GetString();
        var jwks = await http.GetStringAsync($"v1/sessions/jwks/{Stytch.ProjectId}");

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = $"stytch.com/{Stytch.ProjectId}",
            ValidAudience = Stytch.ProjectId,
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
            // IdentityModel checks exp and nbf on the wall clock: check them on the project's clock instead.
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = Stytch.Clock.GetUtcNow().UtcDateTime;
                return expires > now && !(notBefore > now);
            },
        };
        var handler = new JsonWebTokenHandler();
        var fresh = await handler.ValidateTokenAsync(jwt, parameters);
        Stytch.Clock.Advance(TimeSpan.FromMinutes(6));
        var stale = await handler.ValidateTokenAsync(jwt, parameters);

        Assert.That(fresh.IsValid, Is.True);
        Assert.That(stale.Exception, Is.InstanceOf<SecurityTokenInvalidLifetimeException>());
    }
}
// README:jwt-clock:end
