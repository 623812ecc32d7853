using System.Net.Http.Json;
using System.Text.Json;
using Stytch.Fake.NUnit;

namespace Stytch.Fake.Tests.NUnitSupport;

// Twenty tests on one server, as many at once as there are test workers, each in its own project and all using
// the same email address: any cross-talk shows up as a foreign message, user or code.
[Parallelizable(ParallelScope.Children)]
public sealed class ParallelProjectsTests : StytchFakeTest
{
    private const string Email = "ada@example.com";

    protected override bool ProjectPerTest => true;

    private static IEnumerable<int> Runs => Enumerable.Range(1, 20);

    [TestCaseSource(nameof(Runs))]
    public async Task FullFlow_InParallelOnOneServer_SeesOnlyItsOwnProject(int run)
    {
        using var http = CreateClient();
        var emailIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var sent = await http.PostAsJsonAsync("v1/otps/email/login_or_create", new { email = Email, expiration_minutes = run % 10 + 1 });
            emailIds.Add((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email_id").GetString()!);
        }

        var message = Project.Outbox.LatestFor(Email);
        using var auth = await http.PostAsJsonAsync("v1/otps/authenticate", new { method_id = emailIds[0], code = message.Code, session_duration_minutes = 5 + run });
        var session = (await auth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("session");

        Assert.Multiple(() =>
        {
            Assert.That(Project, Is.Not.SameAs(Stytch.DefaultProject));
            Assert.That(emailIds.Distinct(), Has.Exactly(1).Items);
            Assert.That(Project.Outbox.All, Has.Count.EqualTo(3));
            Assert.That(Project.Outbox.All.Select(m => m.MethodId), Is.All.EqualTo(emailIds[0]));
            Assert.That(message.ExpiresAt - message.SentAt, Is.EqualTo(TimeSpan.FromMinutes(run % 10 + 1)));
            Assert.That(Project.Users.All, Has.Count.EqualTo(1));
            Assert.That((int)auth.StatusCode, Is.EqualTo(200));
            Assert.That(session.GetProperty("user_id").GetString(), Is.EqualTo(Project.Users.All[0].UserId));
            Assert.That(Project.Sessions.Of(Project.Users.All[0].UserId), Has.Count.EqualTo(1));
            Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
        });
    }
}
