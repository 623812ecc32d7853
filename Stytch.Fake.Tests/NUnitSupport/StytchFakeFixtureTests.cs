using System.Net.Http.Json;
using System.Reflection;
using NUnit.Framework.Interfaces;
using Stytch.Fake.NUnit;

namespace Stytch.Fake.Tests.NUnitSupport;

// A fixture that holds a StytchFakeFixture instead of deriving from StytchFakeTest, once with the shared default project
// and once with a project per test. First and Second run in order: the second sees none of the first's state.
[TestFixture(false)]
[TestFixture(true)]
[NonParallelizable]
public sealed class StytchFakeFixtureTests(bool projectPerTest)
{
    private readonly StytchFakeFixture _stytch = new() { ProjectPerTest = projectPerTest };

    [OneTimeSetUp]
    public Task StartAsync() => _stytch.StartAsync();

    [SetUp]
    public void BeforeTest() => _stytch.BeforeTest();

    [TearDown]
    public void AfterTest() => _stytch.AfterTest();

    [OneTimeTearDown]
    public async Task StopAsync() => await _stytch.DisposeAsync();

    [Test, Order(1)]
    public async Task First_SendsACode_OutboxHoldsIt()
    {
        using var http = _stytch.CreateClient();
        using var _ = await http.PostAsJsonAsync("v1/otps/email/login_or_create", new { email = "first@example.com" });

        Assert.That(_stytch.Project.Outbox.All, Has.Count.EqualTo(1));
    }

    [Test, Order(2)]
    public void Second_AfterBeforeTest_OutboxAndUsersAreEmpty()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_stytch.Project.Outbox.All, Is.Empty);
            Assert.That(_stytch.Project.Users.All, Is.Empty);
        });
    }

    [Test]
    public void Project_InsideTheTest_IsTheDefaultProjectOrTheTestsOwn()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_stytch.Project == _stytch.Fake.DefaultProject, Is.EqualTo(!projectPerTest));
            Assert.That(_stytch.Fake.FindProject(_stytch.Project.ProjectId), Is.SameAs(_stytch.Project));
            // The earlier tests' own projects are gone: AfterTest removed them.
            Assert.That(_stytch.Fake.Projects, Has.Count.EqualTo(projectPerTest ? 2 : 1));
        });
    }

    [Test]
    public void StytchNamespace_InAFixtureHoldingIt_IsNotHidden()
    {
        // Written out in full on purpose: this compiles only because nothing here is named Stytch.
        var error = Stytch.Fake.StytchError.TooManyRequests;

        Assert.That(error.StatusCode, Is.EqualTo(429));
    }
}

// A fixture driven by hand, inside one test, to see each step's effect.
public sealed class StytchFakeFixtureStepTests
{
    [Test]
    public async Task AfterTest_FailedTestWithOwnProject_ReportsThatProjectAndRemovesIt()
    {
        await using var fixture = new StytchFakeFixture { ProjectPerTest = true };
        await fixture.StartAsync();
        fixture.BeforeTest();
        var project = fixture.Project;
        using (var http = fixture.CreateClient())
        {
            using var _ = await http.PostAsJsonAsync("v1/otps/email/login_or_create", new { email = "ada@example.com" });
        }

        using var output = new StringWriter();
        var code = project.Outbox.LatestFor("ada@example.com").Code;
        var written = fixture.AfterTest(TestContext.CurrentContext.Test.ID, ResultState.Failure, output);

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.True);
            Assert.That(output.ToString(), Does.Contain("ada@example.com").And.Contain(code));
            Assert.That(fixture.Fake.FindProject(project.ProjectId), Is.Null);
        });
    }

    [Test]
    public async Task AfterTest_PassedTest_WritesNothing()
    {
        await using var fixture = new StytchFakeFixture();
        await fixture.StartAsync();
        fixture.BeforeTest();
        using var output = new StringWriter();

        var written = fixture.AfterTest(TestContext.CurrentContext.Test.ID, ResultState.Success, output);

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.False);
            Assert.That(output.ToString(), Is.Empty);
        });
    }

    [Test]
    public async Task BeforeTest_SharedProject_ResetsTheDefaultProject()
    {
        await using var fixture = new StytchFakeFixture();
        await fixture.StartAsync();
        fixture.Project.Seed.User("ada@example.com");

        fixture.BeforeTest();

        Assert.That(fixture.Project.Users.All, Is.Empty);
    }

    [Test]
    public void Fake_BeforeStartAsync_ThrowsWithAClearMessage()
    {
        var fixture = new StytchFakeFixture();

        Assert.That(() => fixture.Fake, Throws.InvalidOperationException.With.Message.Contains("StartAsync"));
    }

    [Test]
    public async Task StartAsync_Twice_Throws()
    {
        await using var fixture = new StytchFakeFixture();
        await fixture.StartAsync();

        Assert.That(fixture.StartAsync, Throws.InvalidOperationException);
    }

    [Test]
    public async Task DisposeAsync_Twice_StopsTheServerAndThrowsNothing()
    {
        var fixture = new StytchFakeFixture();
        await fixture.StartAsync();
        var server = fixture.Fake.Server;

        await fixture.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(server.IsStarted, Is.False);
            Assert.That(async () => await fixture.DisposeAsync(), Throws.Nothing);
            Assert.That(() => fixture.Fake, Throws.InvalidOperationException);
        });
    }

    [Test]
    public void PublicMembers_OfTheFixture_NoneIsNamedStytch()
    {
        var names = typeof(StytchFakeFixture).GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Select(m => m.Name);

        Assert.That(names, Has.None.EqualTo("Stytch"));
    }
}
