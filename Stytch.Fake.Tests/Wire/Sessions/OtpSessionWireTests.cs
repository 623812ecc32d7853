using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary><c>POST /v1/otps/authenticate</c> with <c>session_duration_minutes</c>: the session it starts or extends.</summary>
public sealed class OtpSessionWireTests : SessionWireTest
{
    [Test]
    public async Task OtpAuthenticate_WithSessionDuration_ReturnsSessionTokenOf44UrlSafeChars()
    {
        var login = await Harness.LoginAsync();

        Assert.That(login.SessionToken, Does.Match(SessionHarness.SessionToken()));
    }

    [Test]
    public async Task OtpAuthenticate_WithSessionDuration_ReturnsCompactSessionJwt()
    {
        var login = await Harness.LoginAsync();

        Assert.That(login.SessionJwt.Split('.'), Has.Length.EqualTo(3).And.All.Not.Empty);
    }

    [Test]
    public async Task OtpAuthenticate_WithSessionDuration_SessionIdIsSessionTestUuid()
    {
        var login = await Harness.LoginAsync();

        Assert.That(login.SessionId, Does.Match(SessionHarness.SessionId()));
    }

    [Test]
    public async Task OtpAuthenticate_WithSessionDuration_SessionBelongsToAuthenticatedUser()
    {
        var login = await Harness.LoginAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(login.Session["user_id"]?.GetValue<string>(), Is.EqualTo(login.UserId));
            Assert.That(login.Response.Json["user"]?["user_id"]?.GetValue<string>(), Is.EqualTo(login.UserId));
        }
    }

    [Test]
    public async Task OtpAuthenticate_WithSessionDuration_SessionTimesAreRfc3339UtcAndNeverNull()
    {
        var login = await Harness.LoginAsync();

        using (Assert.EnterMultipleScope())
        {
            foreach (var field in new[] { "started_at", "last_accessed_at", "expires_at" })
            {
                Assert.That(login.Session[field]?.GetValue<string>(), Does.Match(SessionHarness.Rfc3339Utc()), field);
            }
        }
    }

    [Test]
    public async Task OtpAuthenticate_WithSessionDuration_StartedAtAndLastAccessedAtAreNow()
    {
        var login = await Harness.LoginAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(SessionHarness.Time(login.Session["started_at"]), Is.EqualTo(SessionHarness.Start));
            Assert.That(SessionHarness.Time(login.Session["last_accessed_at"]), Is.EqualTo(SessionHarness.Start));
        }
    }

    [TestCase(5)]
    [TestCase(90)]
    [TestCase(527_040)]
    public async Task OtpAuthenticate_WithSessionDuration_ExpiresAtIsStartedAtPlusDuration(int minutes)
    {
        var login = await Harness.LoginAsync(minutes: minutes);

        Assert.That(login.ExpiresAt - SessionHarness.Time(login.Session["started_at"]), Is.EqualTo(TimeSpan.FromMinutes(minutes)));
    }

    [Test]
    public async Task OtpAuthenticate_WithSessionDuration_HasOneEmailOtpFactor()
    {
        var login = await Harness.LoginAsync("ada@example.com");

        var factors = login.Session["authentication_factors"]!.AsArray();
        Assert.That(factors, Has.Count.EqualTo(1));
        var factor = factors[0]!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(factor["type"]?.GetValue<string>(), Is.EqualTo("otp"));
            Assert.That(factor["delivery_method"]?.GetValue<string>(), Is.EqualTo("email"));
            Assert.That(factor["email_factor"]?["email_id"]?.GetValue<string>(), Is.EqualTo(login.EmailId));
            Assert.That(factor["email_factor"]?["email_address"]?.GetValue<string>(), Is.EqualTo("ada@example.com"));
            Assert.That(SessionHarness.Time(factor["created_at"]), Is.EqualTo(SessionHarness.Start));
            Assert.That(SessionHarness.Time(factor["updated_at"]), Is.EqualTo(SessionHarness.Start));
            Assert.That(SessionHarness.Time(factor["last_authenticated_at"]), Is.EqualTo(SessionHarness.Start));
        }
    }

    [Test]
    public async Task OtpAuthenticate_WithSessionDuration_RolesAreStytchUser()
    {
        var login = await Harness.LoginAsync();

        Assert.That(login.Session["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "stytch_user" }));
    }

    [Test]
    public async Task OtpAuthenticate_WithoutSessionDuration_ReturnsNoSession()
    {
        var response = await Harness.AuthenticateOtpAsync("ada@example.com", new Dictionary<string, object?>());

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var json = response.Json;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json["session"], Is.Null);
            Assert.That(json["session_token"]?.GetValue<string>(), Is.Empty);
            Assert.That(json["session_jwt"]?.GetValue<string>(), Is.Empty);
        }
    }

    [Test]
    public async Task OtpAuthenticate_WithoutSessionDuration_ListsNoSession()
    {
        var response = await Harness.AuthenticateOtpAsync("ada@example.com", new Dictionary<string, object?>());

        var list = await Harness.ListSessionsAsync(response["user_id"]!);
        Assert.That(list.Json["sessions"]!.AsArray(), Is.Empty);
    }

    [TestCase(4)]
    [TestCase(0)]
    [TestCase(527_041)]
    public async Task OtpAuthenticate_SessionDurationOutOfRange_Returns400InvalidSessionDurationMinutes(int minutes)
    {
        var response = await Harness.AuthenticateOtpAsync("ada@example.com", new Dictionary<string, object?> { ["session_duration_minutes"] = minutes });

        SessionHarness.AssertError(response, 400, "invalid_session_duration_minutes");
    }

    [Test]
    public async Task OtpAuthenticate_WithExistingSessionToken_ExtendsThatSession()
    {
        var first = await Harness.LoginAsync();

        var second = LoggedIn.From(await Harness.AuthenticateOtpAsync("ada@example.com", new Dictionary<string, object?>
        {
            ["session_token"] = first.SessionToken,
            ["session_duration_minutes"] = 60,
        }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.SessionId, Is.EqualTo(first.SessionId));
            Assert.That(second.SessionToken, Is.EqualTo(first.SessionToken));
        }
    }

    [Test]
    public async Task OtpAuthenticate_WithExistingSessionToken_DoesNotStartSecondSession()
    {
        var first = await Harness.LoginAsync();
        await Harness.AuthenticateOtpAsync("ada@example.com", new Dictionary<string, object?>
        {
            ["session_token"] = first.SessionToken,
            ["session_duration_minutes"] = 60,
        });

        var list = await Harness.ListSessionsAsync(first.UserId);

        Assert.That(list.Json["sessions"]!.AsArray().Select(s => s!["session_id"]!.GetValue<string>()), Is.EqualTo(new[] { first.SessionId }));
    }

    [Test]
    public async Task OtpAuthenticate_WithExistingSessionJwt_ExtendsThatSession()
    {
        var first = await Harness.LoginAsync();

        var second = LoggedIn.From(await Harness.AuthenticateOtpAsync("ada@example.com", new Dictionary<string, object?>
        {
            ["session_jwt"] = first.SessionJwt,
            ["session_duration_minutes"] = 60,
        }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.SessionId, Is.EqualTo(first.SessionId));
            Assert.That(second.SessionToken, Is.EqualTo(first.SessionToken));
        }
    }

    [Test]
    public async Task OtpAuthenticate_WithExistingSessionJwt_DoesNotStartSecondSession()
    {
        var first = await Harness.LoginAsync();
        await Harness.AuthenticateOtpAsync("ada@example.com", new Dictionary<string, object?>
        {
            ["session_jwt"] = first.SessionJwt,
            ["session_duration_minutes"] = 60,
        });

        var list = await Harness.ListSessionsAsync(first.UserId);

        Assert.That(list.Json["sessions"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task OtpAuthenticate_WithExistingSessionToken_ExpiresAtMovesToNowPlusNewDuration()
    {
        var first = await Harness.LoginAsync(minutes: 30);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(10));

        var second = LoggedIn.From(await Harness.AuthenticateOtpAsync("ada@example.com", new Dictionary<string, object?>
        {
            ["session_token"] = first.SessionToken,
            ["session_duration_minutes"] = 120,
        }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.ExpiresAt, Is.EqualTo(SessionHarness.Start.AddMinutes(10 + 120)));
            Assert.That(SessionHarness.Time(second.Session["started_at"]), Is.EqualTo(SessionHarness.Start));
            Assert.That(SessionHarness.Time(second.Session["last_accessed_at"]), Is.EqualTo(SessionHarness.Start.AddMinutes(10)));
        }
    }

    [Test]
    public async Task OtpAuthenticate_WithExistingSessionToken_KeepsOneEmailFactorWithNewAuthenticationTime()
    {
        var first = await Harness.LoginAsync();
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(10));

        var second = LoggedIn.From(await Harness.AuthenticateOtpAsync("ada@example.com", new Dictionary<string, object?>
        {
            ["session_token"] = first.SessionToken,
            ["session_duration_minutes"] = 60,
        }));

        var factors = second.Session["authentication_factors"]!.AsArray();
        Assert.That(factors, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SessionHarness.Time(factors[0]!["created_at"]), Is.EqualTo(SessionHarness.Start));
            Assert.That(SessionHarness.Time(factors[0]!["last_authenticated_at"]), Is.EqualTo(SessionHarness.Start.AddMinutes(10)));
        }
    }

    [Test]
    public async Task OtpAuthenticate_WithRevokedSessionToken_Returns404SessionNotFound()
    {
        var first = await Harness.LoginAsync();
        await Harness.RevokeAsync(new { session_id = first.SessionId });

        var response = await Harness.AuthenticateOtpAsync("ada@example.com", new Dictionary<string, object?>
        {
            ["session_token"] = first.SessionToken,
            ["session_duration_minutes"] = 60,
        });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task OtpAuthenticate_WithAnotherUsersSessionToken_Returns404SessionNotFound()
    {
        var ada = await Harness.LoginAsync("ada@example.com");

        var response = await Harness.AuthenticateOtpAsync("bob@example.com", new Dictionary<string, object?>
        {
            ["session_token"] = ada.SessionToken,
            ["session_duration_minutes"] = 60,
        });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task OtpAuthenticate_WithMalformedSessionToken_Returns400InvalidSessionToken()
    {
        var response = await Harness.AuthenticateOtpAsync("ada@example.com", new Dictionary<string, object?>
        {
            ["session_token"] = "abc",
            ["session_duration_minutes"] = 60,
        });

        SessionHarness.AssertError(response, 400, "invalid_session_token");
    }

    [Test]
    public async Task OtpAuthenticate_WithGarbageSessionJwt_Returns400UnableToParseSessionJwt()
    {
        var response = await Harness.AuthenticateOtpAsync("ada@example.com", new Dictionary<string, object?>
        {
            ["session_jwt"] = "not.a.jwt",
            ["session_duration_minutes"] = 60,
        });

        SessionHarness.AssertError(response, 400, "unable_to_parse_session_jwt");
    }

    [Test]
    public async Task OtpAuthenticate_SessionDurationOutOfRange_LeavesCodeUsable()
    {
        var (emailId, code) = await Harness.SendCodeAsync("ada@example.com");
        await Harness.Client.PostAsync("/v1/otps/authenticate", new { method_id = emailId, code, session_duration_minutes = 4 });

        var retry = await Harness.Client.PostAsync("/v1/otps/authenticate", new { method_id = emailId, code, session_duration_minutes = 60 });

        Assert.That(retry.Status, Is.EqualTo(200), retry.Text);
    }

    [Test]
    public async Task OtpAuthenticate_WithRevokedSessionToken_LeavesCodeUsable()
    {
        var first = await Harness.LoginAsync("ada@example.com");
        await Harness.RevokeAsync(new { session_id = first.SessionId });
        var (emailId, code) = await Harness.SendCodeAsync("ada@example.com");
        await Harness.Client.PostAsync("/v1/otps/authenticate", new { method_id = emailId, code, session_token = first.SessionToken });

        var retry = await Harness.Client.PostAsync("/v1/otps/authenticate", new { method_id = emailId, code, session_duration_minutes = 60 });

        Assert.That(retry.Status, Is.EqualTo(200), retry.Text);
    }

    [Test]
    public async Task OtpAuthenticate_WithAnotherUsersSessionToken_LeavesCodeUsable()
    {
        var ada = await Harness.LoginAsync("ada@example.com");
        var (emailId, code) = await Harness.SendCodeAsync("bob@example.com");
        await Harness.Client.PostAsync("/v1/otps/authenticate", new { method_id = emailId, code, session_token = ada.SessionToken });

        var retry = await Harness.Client.PostAsync("/v1/otps/authenticate", new { method_id = emailId, code, session_duration_minutes = 60 });

        Assert.That(retry.Status, Is.EqualTo(200), retry.Text);
    }

    [Test]
    public async Task OtpAuthenticate_WithAnotherUsersSessionToken_LeavesThatSessionUnchanged()
    {
        var ada = await Harness.LoginAsync("ada@example.com", minutes: 30);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(5));
        await Harness.AuthenticateOtpAsync("bob@example.com", new Dictionary<string, object?>
        {
            ["session_token"] = ada.SessionToken,
            ["session_duration_minutes"] = 600,
        });

        var session = Harness.Stytch.DefaultProject.Sessions.Of(ada.UserId).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.ExpiresAt, Is.EqualTo(ada.ExpiresAt));
            Assert.That(session.AuthenticationFactors.Select(f => f.Email?.EmailAddress), Is.EqualTo(new[] { "ada@example.com" }));
        }
    }

    [Test]
    public async Task OtpAuthenticate_SessionInResponse_EqualsSessionInList()
    {
        var login = await Harness.LoginAsync();

        var list = await Harness.ListSessionsAsync(login.UserId);

        Assert.That(JsonNode.DeepEquals(list.Json["sessions"]![0], login.Session), Is.True, list.Text);
    }
}
