using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Stytch.Fake.Tests.NodeSdk;

/// <summary>The M2M calls of the Node SDK (m2m.mjs): clients, secret rotation, <c>m2m.token</c> and the local <c>m2m.authenticateToken</c>.</summary>
public sealed partial class NodeSdkTests
{
    private ScriptRun _m2m = ScriptRun.NotRun;

    [OneTimeSetUp]
    public async Task RunM2MSdkAsync() => _m2m = await RunScriptAsync("m2m.mjs");

    [GeneratedRegex("^m2m-client-test-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex M2MClientIdPattern();

    private string M2MClientId() => Ok(_m2m, "clients_create")["client_id"]!.GetValue<string>();

    private static string[] Strings(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    [Test]
    public void M2MClientsCreate_Scopes_ReturnsAnActiveClientAndItsSecret()
    {
        var value = Ok(_m2m, "clients_create");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["client_id"]!.GetValue<string>(), Does.Match(M2MClientIdPattern()));
            Assert.That(value["secret_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(value["client_secret_last_four"]!.GetValue<string>(), Is.EqualTo(value["secret_last_four"]!.GetValue<string>()));
            Assert.That(value["status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(Strings(value["scopes"]), Is.EqualTo(new[] { "read:users", "write:users" }));
            Assert.That(value["trusted_metadata"]!["tier"]!.GetValue<string>(), Is.EqualTo("gold"));
        });
    }

    [Test]
    public void M2MClientsGet_Created_HasNoSecret()
    {
        var value = Ok(_m2m, "clients_get");

        Assert.That((value["client_id"]!.GetValue<string>(), value["client_name"]!.GetValue<string>(), value["has_secret"]!.GetValue<bool>()),
            Is.EqualTo((M2MClientId(), "Billing", false)));
    }

    [Test]
    public void M2MClientsSearch_ByScope_FindsTheClient()
    {
        var value = Ok(_m2m, "clients_search");

        Assert.That(Strings(value["client_ids"]), Is.EqualTo(new[] { M2MClientId() }));
        Assert.That(value["total"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public void M2MClientsUpdate_Description_KeepsTheName()
    {
        var value = Ok(_m2m, "clients_update");

        Assert.That((value["client_description"]!.GetValue<string>(), value["client_name"]!.GetValue<string>()), Is.EqualTo(("Charges cards", "Billing")));
    }

    [Test]
    public void M2MToken_ClientCredentials_IsAnHourLongBearerJwtForTheClient()
    {
        var value = Ok(_m2m, "token");

        Assert.Multiple(() =>
        {
            Assert.That(value["token_type"]!.GetValue<string>(), Is.EqualTo("bearer"));
            Assert.That(value["expires_in"]!.GetValue<int>(), Is.EqualTo(3600));
            Assert.That(value["lifetime"]!.GetValue<int>(), Is.EqualTo(3600));
            Assert.That(value["sub"]!.GetValue<string>(), Is.EqualTo(M2MClientId()));
            Assert.That(value["iss"]!.GetValue<string>(), Is.EqualTo("stytch.com/" + _m2m.ProjectId));
            Assert.That(value["aud"]!.ToJsonString(), Does.Contain(_m2m.ProjectId));
            Assert.That(value["scope"]!.GetValue<string>(), Is.EqualTo("read:users write:users"));
        });
    }

    [Test]
    public void M2MAuthenticateToken_RequiredScopesHeld_ReturnsTheClientAndItsScopes()
    {
        var value = Ok(_m2m, "authenticate_token");

        Assert.Multiple(() =>
        {
            Assert.That(value["client_id"]!.GetValue<string>(), Is.EqualTo(M2MClientId()));
            Assert.That(Strings(value["scopes"]), Is.EqualTo(new[] { "read:users", "write:users" }));
            Assert.That(value["custom_claims"]!.AsObject(), Is.Empty);
        });
    }

    [Test]
    public void M2MToken_SubsetOfScopes_AuthenticatesForThoseOnly()
    {
        var token = Ok(_m2m, "token_read_only");
        var authenticated = Ok(_m2m, "authenticate_read_only_token");

        Assert.That(token["scope"]!.GetValue<string>(), Is.EqualTo("read:users"));
        Assert.That(Strings(authenticated["scopes"]), Is.EqualTo(new[] { "read:users" }));
    }

    [Test]
    public void M2MAuthenticateToken_RequiredScopeMissing_ThrowsMissingScopes()
    {
        var error = Failed(_m2m, "error_authenticate_read_only_token_for_write");

        Assert.That((error["class"]!.GetValue<string>(), error["code"]!.GetValue<string>()), Is.EqualTo(("ClientError", "missing_scopes")));
    }

    [TestCase("error_token_scope_not_the_clients", 400, "invalid_scope")]
    [TestCase("error_token_wrong_secret", 400, "invalid_client")]
    [TestCase("error_token_with_old_secret_after_rotation", 400, "invalid_client")]
    [TestCase("error_token_inactive_client", 400, "invalid_client")]
    public void M2MToken_Refused_ThrowsTheOAuthErrorAsAStytchError(string step, int status, string errorType) =>
        AssertStytchError(_m2m, step, status, errorType);

    [Test]
    public void M2MRotation_StartThenRotate_BothSecretsWorkThenTheNextOneAlone()
    {
        var started = Ok(_m2m, "rotate_start");
        var during = Ok(_m2m, "token_with_both_secrets_during_rotation");
        var rotated = Ok(_m2m, "rotate");

        Assert.Multiple(() =>
        {
            Assert.That(started["next_client_secret_last_four"]!.GetValue<string>(), Is.EqualTo(started["next_last_four"]!.GetValue<string>()));
            Assert.That((during["old"]!.GetValue<string>(), during["next"]!.GetValue<string>()), Is.EqualTo(("bearer", "bearer")));
            Assert.That(rotated["client_secret_last_four"]!.GetValue<string>(), Is.EqualTo(rotated["next_last_four"]!.GetValue<string>()));
        });
    }

    [Test]
    public void M2MRotateCancel_NotRotating_ThrowsNotRotatingSecret() =>
        AssertStytchError(_m2m, "error_rotate_cancel_not_rotating", 400, "m2m_client_not_rotating_secret");

    [Test]
    public void M2MAuthenticateToken_ClientDeactivatedSinceIssue_StillVerifies()
    {
        Assert.That(Ok(_m2m, "clients_deactivate")["status"]!.GetValue<string>(), Is.EqualTo("inactive"));
        Assert.That(Ok(_m2m, "authenticate_token_of_inactive_client")["client_id"]!.GetValue<string>(), Is.EqualTo(M2MClientId()));
    }

    [Test]
    public void M2MClientsDelete_Client_IsGoneAfterwards()
    {
        Assert.That(Ok(_m2m, "clients_delete")["client_id"]!.GetValue<string>(), Is.EqualTo(M2MClientId()));
        AssertStytchError(_m2m, "error_clients_get_deleted", 404, "m2m_client_not_found");
    }

    [Test]
    public void M2M_EveryCall_SendsOnlyFieldsTheFakeKnows()
    {
        var value = Ok(_m2m, "request_log");

        Assert.That(value["requests"]!.GetValue<int>(), Is.GreaterThan(10), "the log holds the script's calls");
        Assert.That(value["ignored"]!.AsArray(), Is.Empty, "the fake ignored fields the Node SDK sent: " + value["ignored"]!.ToJsonString());
    }
}
