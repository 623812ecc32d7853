using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Stytch.Fake.Tests.Server;
using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.NodeSdk;

/// <summary>
/// Stytch's official Node SDK (npm <c>stytch</c>, pinned in package.json) against the standalone server:
/// consumer.mjs runs the email OTP and magic-link logins, session and user calls once, b2b.mjs the B2B organization, member,
/// email OTP and member session calls (each against a server of its own, side by side), and each prints what the
/// SDK returned or threw; each test checks one of those steps (the B2B ones are in NodeSdkTests.B2B.cs). Needs
/// node on PATH and <c>npm ci</c> in this folder; without them every test fails (never skips) and says so.
/// </summary>
public sealed partial class NodeSdkTests
{
    private const string PinnedVersion = "14.2.0";
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(90);

    private ScriptRun _consumer = ScriptRun.NotRun;
    private ScriptRun _b2b = ScriptRun.NotRun;

    private static string Folder =>
        Path.Combine(WireShapes.RepoRoot()?.FullName ?? throw new InvalidOperationException(
            "The Node SDK tests run from the repository (Stytch.Fake.sln not found above the test directory)."),
            "Stytch.Fake.Tests", "NodeSdk");

    [OneTimeSetUp]
    public async Task RunSdkAsync()
    {
        var runs = await Task.WhenAll(RunScriptAsync("consumer.mjs"), RunScriptAsync("b2b.mjs"));
        (_consumer, _b2b) = (runs[0], runs[1]);
    }

    /// <summary>Starts a server of its own for <paramref name="script"/>, runs the script against it and parses what it printed.</summary>
    private static async Task<ScriptRun> RunScriptAsync(string script)
    {
        try
        {
            var folder = Folder;
            if (!File.Exists(Path.Combine(folder, "node_modules", "stytch", "package.json")))
            {
                return ScriptRun.Failed(script, $"The stytch npm package is not installed: run `npm ci` in {folder} (needs Node.js 18+).");
            }

            await using var server = await ServerProcess.StartAsync("--port", "0");
            var (exitCode, stdout, stderr) = await RunNodeAsync(folder, script, server);
            if (exitCode != 0 || string.IsNullOrWhiteSpace(stdout))
            {
                return ScriptRun.Failed(script, $"node {script} exited {exitCode}.\nstdout:\n{stdout}\nstderr:\n{stderr}\nserver:\n{server.Output}");
            }

            var output = JsonNode.Parse(stdout)!.AsObject();
            return new ScriptRun(script, null, output, output["steps"]!.AsObject(), server.ProjectId);
        }
        catch (Win32Exception e)
        {
            return ScriptRun.Failed(script, $"node could not be started ({e.Message}): install Node.js 18+ and run `npm ci` in {Folder}.");
        }
    }

    [Test]
    public void Package_Installed_IsThePinnedVersion()
    {
        RequireRun();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "package.json")))!;
        var lockFile = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "package-lock.json")))!;

        Assert.Multiple(() =>
        {
            Assert.That(manifest["dependencies"]!["stytch"]!.GetValue<string>(), Is.EqualTo(PinnedVersion), "package.json pins an exact version");
            Assert.That(lockFile["packages"]!["node_modules/stytch"]!["version"]!.GetValue<string>(), Is.EqualTo(PinnedVersion));
            Assert.That(_consumer.Output["sdk_version"]!.GetValue<string>(), Is.EqualTo(PinnedVersion),
                $"node_modules holds another version: run `npm ci` in {Folder}");
        });
    }

    [Test]
    public void LoginOrCreate_NewEmail_CreatesUser()
    {
        var value = Ok("login_or_create");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["user_created"]!.GetValue<bool>(), Is.True);
            Assert.That(value["user_id"]!.GetValue<string>(), Does.Match(WireShapes.UserId()));
            Assert.That(value["email_id"]!.GetValue<string>(), Does.Match(WireShapes.EmailId()));
            Assert.That(value["request_id"]!.GetValue<string>(), Does.Match(WireShapes.RequestId()));
        });
    }

    [Test]
    public void Outbox_AfterLoginOrCreate_HoldsTheCodeForTheEmailId()
    {
        var value = Ok("outbox");

        Assert.Multiple(() =>
        {
            Assert.That(value["code"]!.GetValue<string>(), Does.Match("^[0-9]{6}$"));
            Assert.That(value["count"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(value["method_id"]!.GetValue<string>(), Is.EqualTo(Ok("login_or_create")["email_id"]!.GetValue<string>()));
        });
    }

    [Test]
    public void OtpsAuthenticate_CodeWithSessionDuration_ReturnsSessionTokenAndJwt()
    {
        var value = Ok("otp_authenticate");
        var userId = UserId();

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["user_id"]!.GetValue<string>(), Is.EqualTo(userId));
            Assert.That(value["method_id"]!.GetValue<string>(), Is.EqualTo(Ok("login_or_create")["email_id"]!.GetValue<string>()));
            Assert.That(value["session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(value["session_jwt_parts"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(value["session_id"]!.GetValue<string>(), Does.StartWith("session-test-"));
            Assert.That(value["session_user_id"]!.GetValue<string>(), Is.EqualTo(userId));
            Assert.That(value["user_status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(value["email_verified"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public void OtpsAuthenticate_ReusedCode_ThrowsStytchErrorUnableToAuthOtpCode() =>
        AssertStytchError("otp_authenticate_reused_code", 401, "unable_to_auth_otp_code");

    [Test]
    public void SessionsAuthenticate_SessionToken_ReturnsTheSessionAndUser()
    {
        var value = Ok("sessions_authenticate");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["session_id"]!.GetValue<string>(), Is.EqualTo(SessionId()));
            Assert.That(value["user_id"]!.GetValue<string>(), Is.EqualTo(UserId()));
            Assert.That(value["session_token_same"]!.GetValue<bool>(), Is.True);
            Assert.That(value["session_jwt_parts"]!.GetValue<int>(), Is.EqualTo(3));
        });
    }

    [Test]
    public void SessionsAuthenticateJwtLocal_FreshJwt_VerifiesAgainstTheJwks()
    {
        var value = Ok("sessions_authenticate_jwt_local");

        Assert.Multiple(() =>
        {
            Assert.That(value["session_id"]!.GetValue<string>(), Is.EqualTo(SessionId()));
            Assert.That(value["user_id"]!.GetValue<string>(), Is.EqualTo(UserId()));
            Assert.That(value["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "stytch_user" }));
            Assert.That(value["factor_types"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "otp" }));
            Assert.That(value["custom_claims"]!.AsObject(), Is.Empty);
            Assert.That(DateTimeOffset.Parse(value["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
                - DateTimeOffset.Parse(value["started_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                Is.EqualTo(TimeSpan.FromMinutes(60)));
        });
    }

    [Test]
    public void SessionsAuthenticateJwt_FreshJwt_IsVerifiedLocallyWithoutFallingBack()
    {
        var value = Ok("sessions_authenticate_jwt");

        Assert.Multiple(() =>
        {
            Assert.That(value["verified_locally"]!.GetValue<bool>(), Is.True, "the SDK fell back to /v1/sessions/authenticate");
            Assert.That(value["session_id"]!.GetValue<string>(), Is.EqualTo(SessionId()));
            Assert.That(value["user_id"]!.GetValue<string>(), Is.EqualTo(UserId()));
        });
    }

    [Test]
    public void SessionsAuthenticateJwt_MaxTokenAgeZero_AuthenticatesRemotely()
    {
        var value = Ok("sessions_authenticate_jwt_remote");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["session_id"]!.GetValue<string>(), Is.EqualTo(SessionId()));
            Assert.That(value["user_id"]!.GetValue<string>(), Is.EqualTo(UserId()));
        });
    }

    [Test]
    public void SessionsAuthenticateJwtLocal_TamperedSignature_ThrowsClientErrorJwtInvalid()
    {
        var error = Failed("sessions_authenticate_jwt_local_tampered");

        Assert.Multiple(() =>
        {
            Assert.That(error["class"]!.GetValue<string>(), Is.EqualTo("ClientError"));
            Assert.That(error["code"]!.GetValue<string>(), Is.EqualTo("jwt_invalid"));
        });
    }

    [Test]
    public void SessionsGet_UserId_ListsTheSession()
    {
        var value = Ok("sessions_get");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["session_ids"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { SessionId() }));
        });
    }

    [Test]
    public void SessionsGetJwks_ProjectId_ReturnsOneRs256SigningKey()
    {
        var value = Ok("sessions_get_jwks");
        var key = value["keys"]!.AsArray().Single()!;

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(key["kty"]!.GetValue<string>(), Is.EqualTo("RSA"));
            Assert.That(key["alg"]!.GetValue<string>(), Is.EqualTo("RS256"));
            Assert.That(key["use"]!.GetValue<string>(), Is.EqualTo("sig"));
            Assert.That(key["has_kid"]!.GetValue<bool>(), Is.True);
            Assert.That(key["x5c"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public void UsersGet_UserId_ReturnsTheActiveVerifiedUser()
    {
        var value = Ok("users_get");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["user_id"]!.GetValue<string>(), Is.EqualTo(UserId()));
            Assert.That(value["status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(value["emails"]!.AsArray().Select(e => e!.GetValue<string>()), Is.EqualTo(new[] { _consumer.Output["email"]!.GetValue<string>() }));
            Assert.That(value["verified"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public void LoginOrCreate_ExistingEmail_ReturnsTheSameUserNotCreated()
    {
        var value = Ok("login_or_create_again");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["user_id"]!.GetValue<string>(), Is.EqualTo(UserId()));
            Assert.That(value["user_created"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public void Send_ExistingEmail_ReturnsTheUserAndEmailIds()
    {
        var value = Ok("send_existing");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["user_id"]!.GetValue<string>(), Is.EqualTo(UserId()));
            Assert.That(value["email_id"]!.GetValue<string>(), Is.EqualTo(Ok("login_or_create")["email_id"]!.GetValue<string>()));
        });
    }

    [Test]
    public void SessionsRevoke_SessionToken_Succeeds() =>
        Assert.That(Ok("sessions_revoke")["status_code"]!.GetValue<int>(), Is.EqualTo(200));

    [Test]
    public void SessionsAuthenticate_AfterRevoke_ThrowsStytchErrorSessionNotFound() =>
        AssertStytchError("sessions_authenticate_after_revoke", 404, "session_not_found");

    [Test]
    public void SessionsAuthenticateJwt_RemoteAfterRevoke_ThrowsStytchErrorSessionNotFound() =>
        AssertStytchError("sessions_authenticate_jwt_remote_after_revoke", 404, "session_not_found");

    [Test]
    public void LoginOrCreate_InvalidEmail_ThrowsStytchErrorInvalidEmail() =>
        AssertStytchError("error_invalid_email", 400, "invalid_email");

    [Test]
    public void UsersGet_WrongSecret_ThrowsStytchErrorUnauthorizedCredentials() =>
        AssertStytchError("error_wrong_secret", 401, "unauthorized_credentials");

    [Test]
    public void UsersGet_MalformedProjectId_ThrowsStytchErrorInvalidProjectIdAuthentication() =>
        AssertStytchError("error_invalid_project_id", 400, "invalid_project_id_authentication");

    [Test]
    public void OtpsAuthenticate_WrongCode_ThrowsStytchErrorOtpCodeNotFound() =>
        AssertStytchError("error_wrong_code", 404, "otp_code_not_found");

    [Test]
    public void Send_UnknownEmail_ThrowsStytchErrorEmailNotFound() =>
        AssertStytchError("error_send_unknown_email", 404, "email_not_found");

    [Test]
    public void UsersGet_UnknownUser_ThrowsStytchErrorUserNotFound() =>
        AssertStytchError("error_user_not_found", 404, "user_not_found");

    [Test]
    public void UsersDelete_UserId_RemovesTheUser()
    {
        var value = Ok("users_delete");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["user_id"]!.GetValue<string>(), Is.EqualTo(UserId()));
        });
        AssertStytchError("users_get_after_delete", 404, "user_not_found");
    }

    [Test]
    public void OtpsAuthenticate_SessionCustomClaims_ComeBackOnTheSessionAndInTheLocallyVerifiedJwt()
    {
        var value = Ok("otp_authenticate_custom_claims");
        const string expected = """{"org":{"id":7,"roles":["admin"]},"plan":"pro"}""";

        Assert.Multiple(() =>
        {
            Assert.That(value["session_custom_claims"]!.ToJsonString(), Is.EqualTo(expected));
            Assert.That(Sorted(value["jwt_custom_claims"]!.AsObject()).ToJsonString(), Is.EqualTo(expected));
            Assert.That(value["jwt_session_id"]!.GetValue<string>(), Is.EqualTo(value["session_id"]!.GetValue<string>()));
        });
    }

    /// <summary>A copy of <paramref name="claims"/> with its top-level keys in ordinal order (the JWT keeps its own order).</summary>
    private static JsonObject Sorted(JsonObject claims) =>
        new(claims.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

    [Test]
    public void SessionsAuthenticateJwtLocal_ProjectClockMovedWithoutCurrentDate_ThrowsClientErrorJwtInvalid()
    {
        // The JWT's iat/nbf/exp follow the project clock, an hour ahead of the real one: jose refuses it as not yet valid.
        var error = Failed("clock_moved_jwt_local_without_current_date");

        Assert.Multiple(() =>
        {
            Assert.That(error["class"]!.GetValue<string>(), Is.EqualTo("ClientError"));
            Assert.That(error["code"]!.GetValue<string>(), Is.EqualTo("jwt_invalid"));
            Assert.That(error["message"]!.GetValue<string>(), Does.Contain("nbf"));
        });
    }

    [Test]
    public void SessionsAuthenticateJwtLocal_ProjectClockMovedWithCurrentDate_Verifies()
    {
        var value = Ok("clock_moved_jwt_local_with_current_date");

        Assert.Multiple(() =>
        {
            Assert.That(value["session_id"]!.GetValue<string>(), Is.EqualTo(value["expected_session_id"]!.GetValue<string>()));
            Assert.That(value["clock_now"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"));
        });
    }

    [Test]
    public void SessionsAuthenticateJwt_ProjectClockMovedWithoutCurrentDate_FallsBackToSessionsAuthenticate()
    {
        var value = Ok("clock_moved_jwt_without_current_date");

        Assert.Multiple(() =>
        {
            Assert.That(value["verified_locally"]!.GetValue<bool>(), Is.False, "the SDK verified a JWT from the moved clock on the wall clock");
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["session_id"]!.GetValue<string>(), Is.EqualTo(Ok("clock_moved_jwt_local_with_current_date")["expected_session_id"]!.GetValue<string>()));
        });
    }

    [Test]
    public void SessionsAuthenticateJwtLocal_MaxTokenAgeOnTheProjectClock_ThrowsClientErrorJwtTooOld()
    {
        var error = Failed("clock_moved_jwt_local_max_token_age");

        Assert.Multiple(() =>
        {
            Assert.That(error["class"]!.GetValue<string>(), Is.EqualTo("ClientError"));
            Assert.That(error["code"]!.GetValue<string>(), Is.EqualTo("jwt_too_old"));
            Assert.That(error["message"]!.GetValue<string>(), Does.Contain("more than 60 seconds ago"));
        });
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunNodeAsync(string folder, string script, ServerProcess server)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        info.Environment["URL"] = server.Url.ToString();
        info.Environment["PROJECT_ID"] = server.ProjectId;
        info.Environment["SECRET"] = server.Secret;

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(NodeTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await stdout, $"timed out after {NodeTimeout.TotalSeconds} s\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private void RequireRun() => RequireRun(_consumer);

    private static void RequireRun(ScriptRun run)
    {
        if (run.Failure is not null)
        {
            Assert.Fail(run.Failure);
        }
    }

    private static JsonObject Step(ScriptRun run, string name)
    {
        RequireRun(run);
        return run.Steps[name]?.AsObject() ?? throw new AssertionException($"{run.Script} printed no step '{name}' (project {run.ProjectId}).");
    }

    private static JsonObject Ok(ScriptRun run, string name)
    {
        var step = Step(run, name);
        Assert.That(step["ok"]!.GetValue<bool>(), Is.True, $"{name} failed: {step["error"]?.ToJsonString()}");
        return step["value"]!.AsObject();
    }

    private static JsonObject Failed(ScriptRun run, string name)
    {
        var step = Step(run, name);
        Assert.That(step["ok"]!.GetValue<bool>(), Is.False, $"{name} succeeded: {step["value"]?.ToJsonString()}");
        return step["error"]!.AsObject();
    }

    private static void AssertStytchError(ScriptRun run, string name, int status, string errorType)
    {
        var error = Failed(run, name);

        Assert.Multiple(() =>
        {
            Assert.That(error["class"]!.GetValue<string>(), Is.EqualTo("StytchError"), error.ToJsonString());
            Assert.That(error["status_code"]!.GetValue<int>(), Is.EqualTo(status));
            Assert.That(error["error_type"]!.GetValue<string>(), Is.EqualTo(errorType));
            Assert.That(error["error_message"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(error["error_url"]!.GetValue<string>(), Does.StartWith($"https://stytch.com/docs/api/errors/{status}"));
            Assert.That(error["request_id"]!.GetValue<string>(), Does.Match(WireShapes.RequestId()));
        });
    }

    [Test]
    public void Consumer_EveryCall_SendsOnlyFieldsTheFakeKnows()
    {
        var value = Ok("request_log");

        Assert.That(value["requests"]!.GetValue<int>(), Is.GreaterThan(10), "the log holds the script's calls");
        Assert.That(value["ignored"]!.AsArray(), Is.Empty, "the fake ignored fields the Node SDK sent: " + value["ignored"]!.ToJsonString());
    }

    private JsonObject Ok(string name) => Ok(_consumer, name);

    private JsonObject Failed(string name) => Failed(_consumer, name);

    private void AssertStytchError(string name, int status, string errorType) => AssertStytchError(_consumer, name, status, errorType);

    private string UserId() => Ok("login_or_create")["user_id"]!.GetValue<string>();

    private string SessionId() => Ok("otp_authenticate")["session_id"]!.GetValue<string>();
}

/// <summary>What one SDK script printed: its steps, or why it could not run.</summary>
internal sealed record ScriptRun(string Script, string? Failure, JsonObject Output, JsonObject Steps, string ProjectId)
{
    public static ScriptRun NotRun { get; } = Failed("(none)", "The scripts run in OneTimeSetUp.");

    public static ScriptRun Failed(string script, string failure) => new(script, failure, [], [], "");
}
