namespace Stytch.Fake.Tests.Wire;

/// <summary>The in-process back doors, one property per product, on the fake and on each project.</summary>
public sealed class ProjectPropertiesWireTests : FakeWireTest
{
    [Test]
    public void StytchFake_ProductProperties_AreTheDefaultProjects()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Stytch.Users, Is.SameAs(Stytch.DefaultProject.Users));
            Assert.That(Stytch.Sessions, Is.SameAs(Stytch.DefaultProject.Sessions));
            Assert.That(Stytch.B2B, Is.SameAs(Stytch.DefaultProject.B2B));
        });
    }

    [Test]
    public async Task UsersCreate_InAnotherProject_StaysInThatProject()
    {
        var other = Stytch.CreateProject();

        var user = other.Users.Create("ada@example.com");
        var response = await Client.GetAsync("/v1/users/" + user.UserId);

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorType, Is.EqualTo("user_not_found"));
            Assert.That(Stytch.Users.All, Is.Empty);
            Assert.That(other.Users.All, Is.EqualTo(new[] { user }));
            Assert.That(other.Users.Get(user.UserId), Is.EqualTo(user));
        });
    }
}
