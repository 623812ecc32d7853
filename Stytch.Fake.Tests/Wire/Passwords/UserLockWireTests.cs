namespace Stytch.Fake.Tests.Wire.Passwords;

/// <summary>The User object's lock fields (<c>is_locked</c>, <c>lock_created_at</c>, <c>lock_expires_at</c>) over loopback HTTP.</summary>
public sealed class UserLockWireTests : FakeWireTest
{
    private const string Email = "ada@example.com";

    private async Task<string> LockedUserAsync()
    {
        var created = await Client.PostAsync("/v1/passwords", new { email = Email, password = ConsumerPasswordWireTests.Strong });
        Stytch.DefaultProject.Passwords.Policy = PasswordPolicy.Default with { LockThreshold = 1 };
        var wrong = await Client.PostAsync("/v1/passwords/authenticate", new { email = Email, password = "Rook-Ember-Vista-42" });
        Assert.That(wrong.Status, Is.EqualTo(401), wrong.Text);
        return created["user_id"]!;
    }

    [Test]
    public async Task GetUser_NeverLocked_IsNotLockedAndHasNoLockTimes()
    {
        var user = Stytch.Users.Create(Email);

        var response = await Client.GetAsync("/v1/users/" + user.UserId);

        Assert.That(response.Json["is_locked"]!.GetValue<bool>(), Is.False);
        Assert.That((response.Json["lock_created_at"], response.Json["lock_expires_at"]), Is.EqualTo(((System.Text.Json.Nodes.JsonNode?)null, (System.Text.Json.Nodes.JsonNode?)null)));
    }

    [Test]
    public async Task GetUser_LockedByWrongPasswords_ShowsTheLockAndWhenItEnds()
    {
        var userId = await LockedUserAsync();

        var response = await Client.GetAsync("/v1/users/" + userId);

        Assert.That(response.Json["is_locked"]!.GetValue<bool>(), Is.True, response.Text);
        Assert.That(response["lock_created_at"], Is.EqualTo("2030-01-02T03:04:05Z"));
        Assert.That(response["lock_expires_at"], Is.EqualTo("2030-01-02T04:04:05Z"));
    }

    [Test]
    public async Task GetUser_AfterTheLockEndsOnTheClock_IsNotLocked()
    {
        var userId = await LockedUserAsync();
        Time.Advance(TimeSpan.FromHours(1));

        var response = await Client.GetAsync("/v1/users/" + userId);

        Assert.That(response.Json["is_locked"]!.GetValue<bool>(), Is.False, response.Text);
        Assert.That(response.Json["lock_expires_at"], Is.Null);
    }

    [Test]
    public async Task LockedUser_InProcess_IsLockedWithItsExpiry()
    {
        var userId = await LockedUserAsync();

        var user = Stytch.Users.Get(userId);

        Assert.That((user.IsLocked, user.LockExpiresAt), Is.EqualTo((true, (DateTimeOffset?)Start.AddHours(1))));
    }
}
