using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.B2B.Passwords;

/// <summary>Base of the B2B password wire tests: an organization, and members given a password by migrating a hash.</summary>
public abstract class B2BPasswordWireTest : B2BWireTest
{
    private protected const string AuthenticatePath = "/v1/b2b/passwords/authenticate";
    private protected const string MigratePath = "/v1/b2b/passwords/migrate";
    private protected const string StrengthPath = "/v1/b2b/passwords/strength_check";
    private protected const string ResetStartPath = "/v1/b2b/passwords/email/reset/start";
    private protected const string EmailResetPath = "/v1/b2b/passwords/email/reset";
    private protected const string ExistingResetPath = "/v1/b2b/passwords/existing_password/reset";
    private protected const string SessionResetPath = "/v1/b2b/passwords/session/reset";

    /// <summary>A password zxcvbn scores 4 that is on no breached list, and its MD-5 (hex, computed by Python's hashlib).</summary>
    private protected const string Password = "Plover-Quartz-91!";
    private protected const string PasswordMd5 = "2ee220973e9e0639bfce3288cc491f0e";

    /// <summary>Another strong password, for resets.</summary>
    private protected const string NewPassword = "Rook-Ember-Vista-42";

    /// <summary>An organization (slug <c>acme</c>, acme.io JIT provisioned); its id.</summary>
    private protected async Task<string> OrganizationAsync() => Str((await CreateJitOrganizationAsync())["organization_id"]);

    private protected Task<WireResult> MigrateAsync(string organization, string email, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["organization_id"] = organization,
            ["email_address"] = email,
            ["hash_type"] = "md_5",
            ["hash"] = PasswordMd5,
        };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }

        return Client.PostAsync(MigratePath, body);
    }

    /// <summary>A member of <paramref name="organization"/> whose password is <see cref="Password"/>; its member object.</summary>
    private protected async Task<JsonObject> MemberWithPasswordAsync(string organization, string email = "ada@acme.io")
    {
        var response = await MigrateAsync(organization, email);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Json["member"]!.AsObject();
    }

    private protected Task<WireResult> PasswordLoginAsync(string organization, string email, string password, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["organization_id"] = organization, ["email_address"] = email, ["password"] = password };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }

        return Client.PostAsync(AuthenticatePath, body);
    }
}
